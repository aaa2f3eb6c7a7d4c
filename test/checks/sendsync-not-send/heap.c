// Heap memory handed to a thread moves to it (docs/rules.md §2 "heap": ownership
// is transferred), so its pointee must be Send. Default mode reports it when
// the chain ends at a not_send marker, a borrowed pointer or a thread-affine
// type (docs/rules.md §4); each bug case has a correct twin below that must stay
// silent. Every thread is joined and nothing is touched before the join.
//
// RUN: %verify %s
// The correct twins alone: silent in the default mode.
// RUN: %sendsync -DTWINS_ONLY %s 2>&1 | count 0

#define _GNU_SOURCE
#include <pthread.h>
#include <sendsync.h>
#include <stdlib.h>
#include <string.h>

struct SS_NOT_SEND logger { int fd; }; // #logger

struct job { // the bug: a job owns a thread-bound logger
  int id;
  struct logger *log SS_OWNED; // #job_log
};

struct plain_job { // the twin: nothing thread-bound
  int id;
  char *name SS_OWNED;
};

static void *run(void *arg) {
  (void)arg;
  return NULL;
}

__attribute__((malloc)) struct job *job_new(void);
__attribute__((malloc)) struct plain_job *plain_job_new(void);

#ifndef TWINS_ONLY
void from_malloc(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  pthread_create(&t, NULL, run, j); // #malloc
  pthread_join(t, NULL);
}
// expected-warning@#malloc {{'struct job' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#job_log {{'struct job' is not Send because its field 'log' owns a 'struct logger', which is not Send}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note-re@#malloc {{required because 'j' (heap memory from malloc at heap.c:{{[0-9]+}}) is handed over to the thread started here}}

void from_calloc(void) {
  pthread_t t;
  struct job *j = calloc(1, sizeof *j);
  pthread_create(&t, NULL, run, j); // #calloc
  pthread_join(t, NULL);
}
// expected-warning@#calloc {{'struct job' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#job_log {{'struct job' is not Send because its field 'log'}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note-re@#calloc {{required because 'j' (heap memory from calloc at heap.c:{{[0-9]+}}) is handed over to the thread started here}}

void from_malloc_attribute(void) {
  pthread_t t;
  pthread_create(&t, NULL, run, job_new()); // #attr
  pthread_join(t, NULL);
}
// expected-warning@#attr {{'struct job' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#job_log {{'struct job' is not Send because its field 'log'}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note-re@#attr {{required because 'job_new()' (heap memory from job_new at heap.c:{{[0-9]+}}) is handed over to the thread started here}}

// The logger itself, on the heap.
void logger_itself(void) {
  pthread_t t;
  struct logger *l = malloc(sizeof *l);
  pthread_create(&t, NULL, run, l); // #logger_heap
  pthread_join(t, NULL);
}
// expected-warning@#logger_heap {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note-re@#logger_heap {{required because 'l' (heap memory from malloc at heap.c:{{[0-9]+}}) is handed over to the thread started here}}
#endif

// Correct twins: per-thread heap objects of a Send type, strdup'd strings.
void twin_malloc(void) {
  pthread_t t;
  struct plain_job *j = malloc(sizeof *j);
  pthread_create(&t, NULL, run, j);
  pthread_join(t, NULL);
}

void twin_calloc(void) {
  pthread_t t;
  struct plain_job *j = calloc(1, sizeof *j);
  pthread_create(&t, NULL, run, j);
  pthread_join(t, NULL);
}

void twin_strdup(const char *name) {
  pthread_t t;
  char *copy = strdup(name);
  pthread_create(&t, NULL, run, copy);
  pthread_join(t, NULL);
}

void twin_malloc_attribute(void) {
  pthread_t t;
  pthread_create(&t, NULL, run, plain_job_new());
  pthread_join(t, NULL);
}

// One fresh job per thread, in a loop: each is moved, none is shared.
void twin_per_thread(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) {
    struct plain_job *j = malloc(sizeof *j);
    pthread_create(&t[i], NULL, run, j);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}
