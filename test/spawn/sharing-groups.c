// Sharing across sites (docs/rules.md §2.7) groups the sites of one
// function by the object they hand over, then by element: the same constant
// element is the same whatever the type of its index (&a[0], &a[0u],
// &a[(char)0]); &a[1] is another element, and &a[i] is told apart from
// every other site, even &a[i] again. The same object handed over in two
// functions is not shared by sites.
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>

struct slot { int n; };

static void *run(void *arg) {
  struct slot *s = arg;
  return s->n ? arg : NULL;
}

static struct slot g;

void elements(int i) {
  struct slot a[4] = {{0}, {0}, {0}, {0}};
  pthread_t t[6];
  // CHECK: spawn sharing-groups.c:[[@LINE+1]]:3 {{.*}} arg=&a[0] storage=stack object=a pointee='struct slot' shared=sites requires=Sync
  pthread_create(&t[0], NULL, run, &a[0]);
  // CHECK-NEXT: spawn sharing-groups.c:[[@LINE+1]]:3 {{.*}} arg=&a[1] storage=stack object=a pointee='struct slot' requires=Send
  pthread_create(&t[1], NULL, run, &a[1]);
  // CHECK-NEXT: spawn sharing-groups.c:[[@LINE+1]]:3 {{.*}} arg=&a[0u] storage=stack object=a pointee='struct slot' shared=sites requires=Sync
  pthread_create(&t[2], NULL, run, &a[0u]);
  // CHECK-NEXT: spawn sharing-groups.c:[[@LINE+1]]:3 {{.*}} arg=&a[i] storage=stack object=a pointee='struct slot' requires=Send
  pthread_create(&t[3], NULL, run, &a[i]);
  // CHECK-NEXT: spawn sharing-groups.c:[[@LINE+1]]:3 {{.*}} arg=&a[i] storage=stack object=a pointee='struct slot' requires=Send
  pthread_create(&t[4], NULL, run, &a[i]);
  // CHECK-NEXT: spawn sharing-groups.c:[[@LINE+1]]:3 {{.*}} arg=&a[(char)0] storage=stack object=a pointee='struct slot' shared=sites requires=Sync
  pthread_create(&t[5], NULL, run, &a[(char)0]);
  for (int k = 0; k < 6; k++)
    pthread_join(t[k], NULL);
}

void once_here(void) {
  pthread_t t;
  // CHECK-NEXT: spawn sharing-groups.c:[[@LINE+1]]:3 {{.*}} arg=&g storage=static object=g pointee='struct slot' requires=Sync
  pthread_create(&t, NULL, run, &g);
  pthread_join(t, NULL);
}

void once_there(void) {
  pthread_t t;
  // CHECK-NEXT: spawn sharing-groups.c:[[@LINE+1]]:3 {{.*}} arg=&g storage=static object=g pointee='struct slot' requires=Sync
  pthread_create(&t, NULL, run, &g);
  pthread_join(t, NULL);
}
// CHECK-NOT: spawn
