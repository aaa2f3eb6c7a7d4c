// A scoped borrow is lent (Send) while the spawner leaves the object alone
// until the join, and shared (Sync) when the spawner touches it meanwhile
// (docs/rules.md §2, docs/design.md "Thread scope"). With a not_sync type, the
// touched borrow is a sendsync-not-sync report in the default mode, beside
// the race. Twin: the same type left alone until the join is only lent, and
// not_sync types are Send.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>

struct SS_NOT_SYNC cache { int n; }; // #cache

void use_elsewhere(void *); /* the thread side is unknown: defined in another file */ static void *run(void *arg) { use_elsewhere(arg); return arg; }

void touched(void) {
  pthread_t tid;
  struct cache c = {0};
  pthread_create(&tid, NULL, run, &c); // #spawn
  c.n = 1; // #write
  pthread_join(tid, NULL);
}
// expected-warning@#spawn {{'struct cache' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-note@#cache {{'struct cache' is marked not_sync here}}
// expected-note@#spawn {{required because '&c' (a local of 'touched') is shared with the thread started here}}
// expected-warning@#write {{the spawner assigns to 'c.n' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#spawn {{'c' is lent to the thread started here}}
// expected-note@#spawn {{join 'tid' first, or make the field _Atomic or guarded by a lock}}

void left_alone(void) {
  pthread_t tid;
  struct cache c = {0};
  pthread_create(&tid, NULL, run, &c);
  pthread_join(tid, NULL);
  c.n = 1;
}
