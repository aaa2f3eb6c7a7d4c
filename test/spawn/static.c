// Provenance "static" (docs/rules.md §2): the address of a global or of a static
// local, a string literal and a function live forever and are reachable by every thread, so they require Sync.
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>
#include <stddef.h>

struct cfg { const int level; };

static void *run(void *arg) { return arg; }
static void callback(void) {}

const struct cfg global_cfg = {1};

void global_address(void) {
  pthread_t t;
  // CHECK: spawn static.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&global_cfg storage=static object=global_cfg pointee='const struct cfg' requires=Sync handle=&t
  pthread_create(&t, NULL, run, (void *)&global_cfg);
  pthread_join(t, NULL);
}

void static_local(void) {
  static const struct cfg local_cfg = {3};
  pthread_t t;
  // CHECK-NEXT: spawn static.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&local_cfg storage=static object=local_cfg pointee='const struct cfg' requires=Sync handle=&t
  pthread_create(&t, NULL, run, (void *)&local_cfg);
  pthread_join(t, NULL);
}

void string_literal(void) {
  pthread_t t;
  // CHECK-NEXT: spawn static.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg="name" storage=static pointee=char requires=Sync handle=&t
  pthread_create(&t, NULL, run, "name");
  pthread_join(t, NULL);
}

void function(void) {
  pthread_t t;
  // CHECK-NEXT: spawn static.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=callback storage=static object=callback pointee='void (void)' requires=Sync handle=&t
  pthread_create(&t, NULL, run, (void *)callback);
  pthread_join(t, NULL);
}
