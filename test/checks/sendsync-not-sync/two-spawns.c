// The same object handed to two spawns of one function is shared: each
// report names the other spawn (docs/rules.md §2: "the same object handed to two
// or more threads ... requires Sync"). Two objects, one per thread, are not.
//
// RUN: %verify %s

#include <pthread.h>
#include <sendsync.h>
#include <stdlib.h>

struct SS_NOT_SYNC cache { int n; }; // #cache

static void *reader(void *arg) {
  (void)arg;
  return NULL;
}
static void *writer(void *arg) {
  (void)arg;
  return NULL;
}

void two_threads_one_cache(void) {
  pthread_t a, b;
  struct cache *c = malloc(sizeof *c);
  pthread_create(&a, NULL, reader, c); // #first
  pthread_create(&b, NULL, writer, c); // #second
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  free(c);
}
// expected-warning@#first {{'struct cache' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-warning@#second {{'struct cache' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-note@#cache 2 {{'struct cache' is marked not_sync here}}
// expected-note@#second {{the same object is also handed to the thread started here}}
// expected-note@#first {{the same object is also handed to the thread started here}}
// expected-note-re@#first {{required because 'c' (heap memory from malloc at two-spawns.c:{{[0-9]+}}) is shared with the thread started here}}
// expected-note-re@#second {{required because 'c' (heap memory from malloc at two-spawns.c:{{[0-9]+}}) is shared with the thread started here}}

// The twin: one cache per thread (a not_sync type may still be sent).
void one_cache_each(void) {
  pthread_t a, b;
  struct cache *c1 = malloc(sizeof *c1);
  struct cache *c2 = malloc(sizeof *c2);
  pthread_create(&a, NULL, reader, c1);
  pthread_create(&b, NULL, writer, c2);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}
