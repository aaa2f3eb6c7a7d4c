// A write under a lock taken between spawn and join may be protected by it
// (lock sets are not tracked): default mode is silent, strict mode reports.
// A free is reported in both modes. sendsync_assume_send() trusts a site;
// disable=sendsync-use-after-send turns the check off.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-unknown %s
// RUN: %verify=off -fplugin-arg-sendsync-disable=sendsync-use-after-send %s

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>
#include <stdlib.h>

struct job { pthread_mutex_t lock; int n; };

void use_elsewhere(void *); /* the thread side is unknown: defined in another file */
static void *keep(void *arg) { use_elsewhere(arg); return arg; }

void locked_write(void) {
  pthread_t tid;
  struct job *j = malloc(sizeof *j);
  pthread_mutex_init(&j->lock, NULL);
  pthread_create(&tid, NULL, keep, j); // #lock_spawn
  pthread_mutex_lock(&j->lock);
  j->n = 1; // #lock_write
  pthread_mutex_unlock(&j->lock);
  pthread_join(tid, NULL);
  free(j);
}
// strict-warning@#lock_write {{the spawner assigns to 'j' after handing it over to another thread [sendsync-use-after-send]}}
// strict-note-re@#lock_spawn {{'j' (heap memory from malloc at locks-assume-disable.c:{{[0-9]+}}) is handed over to the thread started here}}
// strict-note@#lock_spawn {{join 'tid' first, or leave the object to the thread}}

void locked_free(void) {
  pthread_t tid;
  struct job *j = malloc(sizeof *j);
  pthread_mutex_init(&j->lock, NULL);
  pthread_create(&tid, NULL, keep, j); // #free_spawn
  pthread_mutex_lock(&j->lock);
  pthread_mutex_unlock(&j->lock);
  free(j); // #free
}
// expected-warning@#free {{'j' is freed while the thread it was handed to may still use it [sendsync-use-after-send]}}
// expected-note-re@#free_spawn {{'j' (heap memory from malloc at locks-assume-disable.c:{{[0-9]+}}) is handed over to the thread started here}}
// expected-note@#free_spawn {{let the thread free it, or join 'tid' before freeing}}
// off-no-diagnostics

void assumed(void) {
  pthread_t tid;
  struct job *j = malloc(sizeof *j);
  pthread_create(&tid, NULL, keep, sendsync_assume_send(j));
  free(j);
}
