// Provenance "thread-local" (docs/rules.md §2): the address of a _Thread_local or
// __thread variable is the spawning thread's copy; it is a borrow. docs/rules.md
// §2: thread-local addresses are always reported (sendsync-escape), even
// when the thread is joined: the new thread would work on another thread's
// copy, which is never what `tls_var` in its own code means.
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s

#include <pthread.h>
#include <stddef.h>

struct job { int id; };

static void *run(void *arg) { return arg; }

_Thread_local struct job tls_job; // #decl_tls_job
__thread int tls_count; // #decl_tls_count

void c11_thread_local(void) {
  pthread_t t;
  // CHECK: spawn thread-local.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&tls_job storage=thread-local object=tls_job pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, &tls_job); // #tls_job
  pthread_join(t, NULL);
}

void gnu_thread(void) {
  pthread_t t;
  // CHECK-NEXT: spawn thread-local.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&tls_count storage=thread-local object=tls_count pointee=int requires=Send handle=&t
  pthread_create(&t, NULL, run, &tls_count); // #tls_count
  pthread_join(t, NULL);
}

void static_thread_local(void) {
  static _Thread_local struct job mine; // #decl_mine
  pthread_t t;
  // CHECK-NEXT: spawn thread-local.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&mine storage=thread-local object=mine pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, &mine); // #mine
  pthread_join(t, NULL);
}

// expected-warning@#tls_job {{address of thread-local 'tls_job' is handed to another thread [sendsync-escape]}}
// expected-note@#decl_tls_job {{'tls_job' is declared thread-local here}}
// expected-warning@#tls_count {{address of thread-local 'tls_count' is handed to another thread [sendsync-escape]}}
// expected-note@#decl_tls_count {{'tls_count' is declared thread-local here}}
// expected-warning@#mine {{address of thread-local 'mine' is handed to another thread [sendsync-escape]}}
// expected-note@#decl_mine {{'mine' is declared thread-local here}}
// expected-note@#tls_job {{a thread-local variable belongs to the thread that starts the new one; the new thread sees memory of another thread}}
// expected-note@#tls_job {{the thread is started here; hand it heap memory or a copy instead}}
// expected-note@#tls_count {{a thread-local variable belongs to the thread that starts the new one; the new thread sees memory of another thread}}
// expected-note@#tls_count {{the thread is started here; hand it heap memory or a copy instead}}
// expected-note@#mine {{a thread-local variable belongs to the thread that starts the new one; the new thread sees memory of another thread}}
// expected-note@#mine {{the thread is started here; hand it heap memory or a copy instead}}
