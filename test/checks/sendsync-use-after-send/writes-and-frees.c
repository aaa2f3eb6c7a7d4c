// sendsync-use-after-send (docs/rules.md §2): heap memory handed to a thread
// belongs to it until the join. Writing it (through the pointer that was
// handed over) or freeing it before the join is reported in the default
// mode; a free with no join at all, and any write to the object of a
// detached thread, too.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-unknown %s

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct job { int id; int n; };

void use_elsewhere(void *); /* the thread side is unknown: defined in another file */
static void *keep(void *arg) { use_elsewhere(arg); return arg; }

void write_after_handing_over(void) {
  pthread_t tid;
  struct job *j = malloc(sizeof *j);
  pthread_create(&tid, NULL, keep, j); // #write_spawn
  j->id = 2; // #write
  pthread_join(tid, NULL);
  free(j);
}
// expected-warning@#write {{the spawner assigns to 'j' after handing it over to another thread [sendsync-use-after-send]}}
// expected-note-re@#write_spawn {{'j' (heap memory from malloc at writes-and-frees.c:{{[0-9]+}}) is handed over to the thread started here}}
// expected-note@#write_spawn {{join 'tid' first, or leave the object to the thread}}

void memset_after(void) {
  pthread_t tid;
  struct job *j = malloc(sizeof *j);
  pthread_create(&tid, NULL, keep, j); // #memset_spawn
  memset(j, 0, sizeof *j); // #memset
  pthread_join(tid, NULL);
  free(j);
}
// expected-warning@#memset {{the spawner writes 'j' with 'memset' after handing it over to another thread [sendsync-use-after-send]}}
// expected-note-re@#memset_spawn {{'j' (heap memory from malloc at writes-and-frees.c:{{[0-9]+}}) is handed over to the thread started here}}
// expected-note@#memset_spawn {{join 'tid' first, or leave the object to the thread}}

void free_before_join(void) {
  pthread_t tid;
  struct job *j = malloc(sizeof *j);
  pthread_create(&tid, NULL, keep, j); // #free_spawn
  free(j); // #free
  pthread_join(tid, NULL);
}
// expected-warning@#free {{'j' is freed while the thread it was handed to may still use it [sendsync-use-after-send]}}
// expected-note-re@#free_spawn {{'j' (heap memory from malloc at writes-and-frees.c:{{[0-9]+}}) is handed over to the thread started here}}
// expected-note@#free_spawn {{let the thread free it, or join 'tid' before freeing}}

void free_without_join(void) {
  pthread_t tid;
  struct job *j = calloc(1, sizeof *j);
  pthread_create(&tid, NULL, keep, j); // #nojoin_spawn
  free(j); // #nojoin_free
}
// expected-warning@#nojoin_free {{'j' is freed while the thread it was handed to may still use it [sendsync-use-after-send]}}
// expected-note-re@#nojoin_spawn {{'j' (heap memory from calloc at writes-and-frees.c:{{[0-9]+}}) is handed over to the thread started here}}
// expected-note@#nojoin_spawn {{let the thread free it, or join 'tid' before freeing}}

void detached(void) {
  pthread_t tid;
  struct job *j = malloc(sizeof *j);
  pthread_create(&tid, NULL, keep, j); // #det_spawn
  pthread_detach(tid);
  j->n = 1; // #det_write
}
// expected-warning@#det_write {{the spawner assigns to 'j' after handing it over to another thread [sendsync-use-after-send]}}
// expected-note-re@#det_spawn {{'j' (heap memory from malloc at writes-and-frees.c:{{[0-9]+}}) is handed over to the thread started here}}
// expected-note@#det_spawn {{join 'tid' first, or leave the object to the thread}}
