// One object handed to several threads is shared, so Sync is required
// (docs/rules.md §2): a spawn in a loop that passes the same object each time,
// with a note at the loop. Made anew per iteration (a fresh malloc, a local
// declared in the body) or one element per thread (&a[i]), it is moved or
// lent to each thread instead, and Send is enough.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict %s

#include <pthread.h>
#include <sendsync.h>
#include <stdlib.h>

struct SS_NOT_SYNC cache { int n; }; // #cache
struct tally { int n; };             // #tally

static void *run(void *arg) {
  (void)arg;
  return NULL;
}

void same_local(void) {
  pthread_t t[4];
  struct cache c = {0};
  for (int i = 0; i < 4; i++) // #loop_local
    pthread_create(&t[i], NULL, run, &c); // #local
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}
// expected-warning@#local {{'struct cache' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-note@#cache 2 {{'struct cache' is marked not_sync here}}
// expected-note@#loop_local {{this loop starts a thread in each iteration and hands the same object to all of them}}
// expected-note@#local {{required because '&c' (a local of 'same_local') is shared with the thread started here}}

void same_heap(void) {
  pthread_t t[4];
  struct cache *c = malloc(sizeof *c);
  for (int i = 0; i < 4; i++) // #loop_heap
    pthread_create(&t[i], NULL, run, c); // #heap
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
  free(c);
}
// expected-warning@#heap {{'struct cache' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-note@#loop_heap {{this loop starts a thread in each iteration and hands the same object to all of them}}
// expected-note-re@#heap {{required because 'c' (heap memory from malloc at loop.c:{{[0-9]+}}) is shared with the thread started here}}

// A mutable counter shared by the loop's threads: strict only.
void same_tally(void) {
  pthread_t t[4];
  struct tally sum = {0};
  for (int i = 0; i < 4; i++) // #loop_tally
    pthread_create(&t[i], NULL, run, &sum); // #tally_share
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}
// strict-warning@#tally_share {{'struct tally' cannot be shared between threads safely [sendsync-not-sync]}}
// strict-note@#tally {{'struct tally' is not Sync because its field 'n' holds a mutable 'int'}}
// strict-note@#loop_tally {{this loop starts a thread in each iteration and hands the same object to all of them}}
// strict-note@#tally_share {{required because '&sum' (a local of 'same_tally') is shared with the thread started here}}

// Twins, silent in strict mode too: each thread gets its own object.
void fresh_per_iteration(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) {
    struct cache *c = malloc(sizeof *c);
    pthread_create(&t[i], NULL, run, c);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

void element_per_thread(void) {
  pthread_t t[4];
  struct cache caches[4] = {{0}};
  struct tally tallies[4] = {{0}};
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, run, &caches[i]);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, run, tallies + i);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}
