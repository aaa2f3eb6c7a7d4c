// Provenance "stack" (docs/rules.md §2): &local, a local array, &param, a compound
// literal, alloca and a VLA all live in the spawning function's frame. Each
// thread is joined before the storage dies, so the program is correct.
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#include <alloca.h>
#include <pthread.h>
#include <stddef.h>

struct job { int id; };

static void *run(void *arg) { return arg; }

void local_address(void) {
  pthread_t t;
  struct job j = {1};
  // CHECK: spawn stack.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&j storage=stack object=j pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, &j);
  pthread_join(t, NULL);
}

void local_array(void) {
  pthread_t t;
  int counts[4] = {0};
  // CHECK-NEXT: spawn stack.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=counts storage=stack object=counts pointee=int requires=Send handle=&t
  pthread_create(&t, NULL, run, counts);
  pthread_join(t, NULL);
}

void param_address(struct job j) {
  pthread_t t;
  // CHECK-NEXT: spawn stack.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&j storage=stack object=j pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, &j);
  pthread_join(t, NULL);
}

void compound_literal(void) {
  pthread_t t;
  // CHECK-NEXT: spawn stack.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg='&(struct job){2}' storage=stack pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, &(struct job){2});
  pthread_join(t, NULL);
}

void with_alloca(void) {
  pthread_t t;
  // CHECK-NEXT: spawn stack.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg='alloca(sizeof(struct job))' storage=stack pointee=- requires=Send handle=&t
  pthread_create(&t, NULL, run, alloca(sizeof(struct job)));
  pthread_join(t, NULL);
}

void with_alloca_typed(void) {
  pthread_t t;
  struct job *j = alloca(sizeof *j);
  j->id = 3;
  // CHECK-NEXT: spawn stack.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=j storage=stack through=j pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, j);
  pthread_join(t, NULL);
}

void vla(int n) {
  pthread_t t;
  int cells[n];
  cells[0] = 0;
  // CHECK-NEXT: spawn stack.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=cells storage=stack object=cells pointee=int requires=Send handle=&t
  pthread_create(&t, NULL, run, cells);
  pthread_join(t, NULL);
}
