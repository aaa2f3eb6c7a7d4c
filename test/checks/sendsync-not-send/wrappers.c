// Inferred wrappers (issue 3): a function of this translation unit that
// forwards its own parameter to a spawn's argument is a spawn API for its
// callers, so the argument is judged at the real call site, with a note at
// the spawn inside the wrapper. Also a wrapper of a wrapper, and a wrapper
// that fixes the entry itself. The spawn inside a wrapper is not judged on
// its own (its argument is the wrapper's parameter).
//
// RUN: %verify %s

#include <pthread.h>
#include <sendsync.h>
#include <stdlib.h>

struct SS_NOT_SEND logger { int fd; }; // #logger
struct job { int id; };

static void *run(void *arg) {
  (void)arg;
  return NULL;
}

static pthread_t worker;

int start_worker(void *(*fn)(void *), void *arg) {
  return pthread_create(&worker, NULL, fn, arg); // #inner
}

int start_worker_later(void *arg, void *(*fn)(void *)) {
  return start_worker(fn, arg); // #middle
}

int start_run(pthread_t *t, void *arg) {
  return pthread_create(t, NULL, run, arg); // #fixed
}

void direct(void) {
  struct logger *l = malloc(sizeof *l);
  start_worker(run, l); // #direct
  pthread_join(worker, NULL);
}
// expected-warning@#direct {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#logger 3 {{'struct logger' is marked not_send here}}
// expected-note@#inner {{'start_worker' passes its argument to the thread it starts here}}
// expected-note-re@#direct {{required because 'l' (heap memory from malloc at wrappers.c:{{[0-9]+}}) is handed over to the thread started here}}

void two_levels(void) {
  struct logger *l = malloc(sizeof *l);
  start_worker_later(l, run); // #two
  pthread_join(worker, NULL);
}
// expected-warning@#two {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#middle {{'start_worker_later' passes its argument to the thread it starts here}}
// expected-note-re@#two {{required because 'l' (heap memory from malloc at wrappers.c:{{[0-9]+}}) is handed over to the thread started here}}

void fixed_entry(void) {
  pthread_t t;
  struct logger *l = malloc(sizeof *l);
  start_run(&t, l); // #fixed_call
  pthread_join(t, NULL);
}
// expected-warning@#fixed_call {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#fixed {{'start_run' passes its argument to the thread it starts here}}
// expected-note-re@#fixed_call {{required because 'l' (heap memory from malloc at wrappers.c:{{[0-9]+}}) is handed over to the thread started here}}

// Twins: the same wrappers with a Send job.
void twins(void) {
  pthread_t t;
  struct job *a = malloc(sizeof *a), *b = malloc(sizeof *b), *c = malloc(sizeof *c);
  start_worker(run, a);
  pthread_join(worker, NULL);
  start_worker_later(b, run);
  pthread_join(worker, NULL);
  start_run(&t, c);
  pthread_join(t, NULL);
}
