// Provenance "value" (docs/rules.md §2): NULL, 0 and an integer cast to a pointer
// share no memory, so nothing is required of them (requires=nothing). (The
// dump spells an argument that is a macro expansion, such as NULL, as
// 'the argument'; the test does not pin that.)
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// RUN: %sendsync -fplugin-arg-sendsync-strict %s 2>&1 | count 0
// expected-no-diagnostics

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

static void *run(void *arg) { return arg; }

void values(void) {
  pthread_t t[5];
  int n = 7;
  // CHECK: spawn value.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg={{.+}} storage=value pointee=- requires=nothing handle=&t[0]
  pthread_create(&t[0], NULL, run, NULL);
  // CHECK-NEXT: spawn value.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=0 storage=value pointee=- requires=nothing handle=&t[1]
  pthread_create(&t[1], NULL, run, 0);
  // CHECK-NEXT: spawn value.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=n storage=value pointee=- requires=nothing handle=&t[2]
  pthread_create(&t[2], NULL, run, (void *)(intptr_t)n);
  // CHECK-NEXT: spawn value.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=42u storage=value pointee=- requires=nothing handle=&t[3]
  pthread_create(&t[3], NULL, run, (void *)(uintptr_t)42u);
  void *p = NULL;
  // CHECK-NEXT: spawn value.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=p storage=value through=p pointee=- requires=nothing handle=&t[4]
  pthread_create(&t[4], NULL, run, p);
  for (int i = 0; i < 5; i++)
    pthread_join(t[i], NULL);
}

// A value in a loop is not shared: each thread gets its own number.
void values_in_loop(void) {
  pthread_t t[4];
  for (intptr_t i = 0; i < 4; i++)
    // CHECK-NEXT: spawn value.c:[[@LINE+1]]:5 via=pthread_create(builtin) entry=run arg=i storage=value pointee=- requires=nothing handle=&t[i]
    pthread_create(&t[i], NULL, run, (void *)i);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}
