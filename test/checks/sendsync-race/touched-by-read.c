// A read by the spawner between spawn and join makes the borrow shared
// (requires Sync), so a not_sync object read meanwhile is a
// sendsync-not-sync report in the default mode. A regression test: reads
// were once never recorded, because the CFG did not list sub-expressions.
//
// RUN: %verify %s

#include <pthread.h>
#include <sendsync.h>
#include <stdio.h>

struct SS_NOT_SYNC cache { int n; }; // #cache

static void *run(void *arg) { return arg; }

void read_meanwhile(void) {
  pthread_t tid;
  struct cache c = {0};
  pthread_create(&tid, NULL, run, &c); // #spawn
  printf("%d\n", c.n);
  pthread_join(tid, NULL);
}
// expected-warning@#spawn {{'struct cache' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-note@#cache {{'struct cache' is marked not_sync here}}
// expected-note@#spawn {{required because '&c' (a local of 'read_meanwhile') is shared with the thread started here}}
