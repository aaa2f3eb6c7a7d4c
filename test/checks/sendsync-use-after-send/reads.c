// Reads after the hand-off. Default mode reports a read only when the
// thread's known side writes that part (per-part.c); here the thread touches
// nothing. Strict mode
// should report a read of a handed-over object whose type is not Sync, and
// stay silent when the pointee is Sync (const members) -- see reads-strict.c
// for the strict report, which is a known gap.
//
// RUN: %verify %s
// The strict run of this file covers the Sync pointee only.
// RUN: %verify -DSYNC_ONLY -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-unknown %s
// expected-no-diagnostics

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

struct job { int id; };
struct config { const int id; const char *const name; };

static void *keep(void *arg) { return arg; }

#ifndef SYNC_ONLY
// Default mode: reads are not reported.
void read_default(void) {
  pthread_t tid;
  struct job *j = malloc(sizeof *j);
  pthread_create(&tid, NULL, keep, j);
  printf("%d\n", j->id);
  pthread_join(tid, NULL);
  free(j);
}
#endif

// A Sync pointee may be read by both threads: silent in strict mode too.
void read_sync_pointee(void) {
  pthread_t tid;
  struct config *c = malloc(sizeof *c);
  pthread_create(&tid, NULL, keep, c);
  printf("%d\n", c->id);
  pthread_join(tid, NULL);
  free(c);
}
