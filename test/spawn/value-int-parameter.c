// A function whose *integer* parameter is cast to a pointer for
// pthread_create hands over a value, not memory: it is not an inferred
// wrapper. There is one site, in start(), with storage=value; start(k) is an
// ordinary call (a regression test: it was once taken for a wrapper).
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// RUN: %sendsync -fplugin-arg-sendsync-strict %s 2>&1 | count 0
// expected-no-diagnostics

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

static void *run(void *arg) { return arg; }

void start(int n) {
  pthread_t t;
  // CHECK: spawn value-int-parameter.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=n storage=value pointee=- requires=nothing handle=&t
  pthread_create(&t, NULL, run, (void *)(intptr_t)n);
  pthread_join(t, NULL);
}

void caller(void) {
  int k = 7;
  start(k);
}
// CHECK-NOT: spawn
