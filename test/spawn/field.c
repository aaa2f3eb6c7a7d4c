// Provenance "field" (docs/rules.md §2): a pointer read from a field (s->p, s.p)
// or from a global pointer variable; its marker says what it is. Owned
// behaves like heap memory (Send), static like static memory (Sync), borrowed
// needs Sync; an unmarked pointer requires nothing it can prove (kind=unannotated).
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>

struct job { int id; };

struct holder {
  struct job *owned SS_OWNED;
  struct job *shared SS_STATIC;
  struct job *view SS_BORROWED;
  struct job *raw;
};

static void *run(void *arg) { return arg; }

struct job *global_static SS_STATIC;
struct job *global_raw;

void fields(struct holder *h) {
  pthread_t t[4];
  // CHECK: spawn field.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=h->owned storage=field kind=owned object=owned pointee='struct job' requires=Send handle=&t[0]
  pthread_create(&t[0], NULL, run, h->owned);
  // CHECK-NEXT: spawn field.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=h->shared storage=field kind=static object=shared pointee='struct job' requires=Sync handle=&t[1]
  pthread_create(&t[1], NULL, run, h->shared);
  // CHECK-NEXT: spawn field.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=h->view storage=field kind=borrowed object=view pointee='struct job' requires=Sync handle=&t[2]
  pthread_create(&t[2], NULL, run, h->view);
  // CHECK-NEXT: spawn field.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=h->raw storage=field kind=unannotated object=raw pointee='struct job' requires=nothing handle=&t[3]
  pthread_create(&t[3], NULL, run, h->raw);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

// The dot form on a local struct reads the same field.
void dot_field(void) {
  struct holder h = {0};
  pthread_t t;
  // CHECK-NEXT: spawn field.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=h.owned storage=field kind=owned object=owned pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, h.owned);
  pthread_join(t, NULL);
}

// A global pointer variable: its marker speaks; unmarked, nothing is known.
void globals(void) {
  pthread_t t[2];
  // CHECK-NEXT: spawn field.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=global_static storage=field kind=static object=global_static pointee='struct job' requires=Sync handle=&t[0]
  pthread_create(&t[0], NULL, run, global_static);
  // CHECK-NEXT: spawn field.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=global_raw storage=unknown object=global_raw pointee='struct job' requires=nothing handle=&t[1]
  pthread_create(&t[1], NULL, run, global_raw);
  pthread_join(t[0], NULL);
  pthread_join(t[1], NULL);
}

// A marked local pointer variable says what it holds, like a field.
void marked_local(struct job *in SS_OWNED) {
  struct job *mine SS_OWNED = in;
  pthread_t t;
  // CHECK-NEXT: spawn field.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=mine storage=field kind=owned object=mine pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, mine);
  pthread_join(t, NULL);
}
