// Two spawns that hand over two different elements of one array (&a[0],
// &a[1]) do not share an object: each thread gets its own element, as in the
// loop over &a[i] (sharing.c). No shared=sites, and no Sync requirement in
// strict mode (a regression test).
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// RUN: %sendsync -fplugin-arg-sendsync-strict %s 2>&1 | count 0
// expected-no-diagnostics

#include <pthread.h>

struct slot { int n; };

static void *run(void *arg) {
  struct slot *s = arg;
  s->n++;
  return NULL;
}

void two_elements(void) {
  struct slot a[2] = {{0}, {0}};
  pthread_t t[2];
  // CHECK: spawn sharing-elements.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&a[0] storage=stack object=a pointee='struct slot' requires=Send handle=&t[0]
  pthread_create(&t[0], NULL, run, &a[0]);
  // CHECK-NEXT: spawn sharing-elements.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&a[1] storage=stack object=a pointee='struct slot' requires=Send handle=&t[1]
  pthread_create(&t[1], NULL, run, &a[1]);
  pthread_join(t[0], NULL);
  pthread_join(t[1], NULL);
}
