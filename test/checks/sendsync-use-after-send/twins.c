// No sendsync-use-after-send: the object is used or freed after the join;
// the thread frees it; the spawn's own failure branch frees it (no thread was
// started); the pointer is reassigned and the new object is written; a fresh
// object per loop iteration is written before its spawn.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-unknown %s
// expected-no-diagnostics

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

struct job { int id; int n; };

static void *consume(void *arg) { free(arg); return NULL; }
static void *keep(void *arg) { return arg; }

void after_join(void) {
  pthread_t tid;
  struct job *j = malloc(sizeof *j);
  pthread_create(&tid, NULL, keep, j);
  pthread_join(tid, NULL);
  j->id = 3;
  free(j);
}

void thread_frees(void) {
  pthread_t tid;
  struct job *j = malloc(sizeof *j);
  j->id = 1;
  pthread_create(&tid, NULL, consume, j);
  pthread_join(tid, NULL);
}

void failure_branch(void) {
  pthread_t tid;
  struct job *j = malloc(sizeof *j);
  if (pthread_create(&tid, NULL, consume, j)) {
    free(j);
    return;
  }
  pthread_join(tid, NULL);
}

void reassigned(void) {
  pthread_t tid;
  struct job *j = malloc(sizeof *j);
  pthread_create(&tid, NULL, consume, j);
  j = malloc(sizeof *j);
  j->id = 5;
  free(j);
  pthread_join(tid, NULL);
}

void fresh_per_iteration(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) {
    struct job *j = malloc(sizeof *j);
    j->id = i;
    pthread_create(&t[i], NULL, consume, j);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

void fresh_per_iteration_outer_pointer(void) {
  pthread_t t[4];
  struct job *j;
  for (int i = 0; i < 4; i++) {
    j = malloc(sizeof *j);
    j->id = i;
    pthread_create(&t[i], NULL, consume, j);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}
