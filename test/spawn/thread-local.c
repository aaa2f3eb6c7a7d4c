// Provenance "thread-local" (RULES.md §2): the address of a _Thread_local or
// __thread variable is the spawning thread's copy; it is a borrow.
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>
#include <stddef.h>

struct job { int id; };

static void *run(void *arg) { return arg; }

_Thread_local struct job tls_job;
__thread int tls_count;

void c11_thread_local(void) {
  pthread_t t;
  // CHECK: spawn thread-local.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&tls_job storage=thread-local object=tls_job pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, &tls_job);
  pthread_join(t, NULL);
}

void gnu_thread(void) {
  pthread_t t;
  // CHECK-NEXT: spawn thread-local.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&tls_count storage=thread-local object=tls_count pointee=int requires=Send handle=&t
  pthread_create(&t, NULL, run, &tls_count);
  pthread_join(t, NULL);
}

void static_thread_local(void) {
  static _Thread_local struct job mine;
  pthread_t t;
  // CHECK-NEXT: spawn thread-local.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&mine storage=thread-local object=mine pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, &mine);
  pthread_join(t, NULL);
}
