// Static memory (&global, &static_local, a static pointer) is reachable by
// every thread: handing it to a thread shares it, so Sync is required
// (docs/rules.md §2 "static"). Default mode reports a not_sync marker or a
// thread-affine type; strict mode also the storage rule (a mutable int).
// The twins are the usual ways to make shared state Sync: const (also
// through a pointer to const), _Atomic, a mutex with guarded_by.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict %s

#include <pthread.h>
#include <sendsync.h>
#include <stdatomic.h>

struct SS_NOT_SYNC cache { int n; }; // #cache
struct stats { long hits; };          // #stats

struct cache global_cache;
struct stats global_stats;

static void *run(void *arg) {
  (void)arg;
  return NULL;
}

void share_global(void) {
  pthread_t t;
  pthread_create(&t, NULL, run, &global_cache); // #global
  pthread_join(t, NULL);
}
// expected-warning@#global {{'struct cache' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-note@#cache 2 {{'struct cache' is marked not_sync here}}
// expected-note@#global {{required because '&global_cache' (a global variable) is shared with the thread started here}}

void share_static_local(void) {
  static struct cache local_cache;
  pthread_t t;
  pthread_create(&t, NULL, run, &local_cache); // #static_local
  pthread_join(t, NULL);
}
// expected-warning@#static_local {{'struct cache' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-note@#static_local {{required because '&local_cache' (a static local of 'share_static_local') is shared with the thread started here}}

// A mutable field: strict only.
void share_stats(void) {
  pthread_t t;
  pthread_create(&t, NULL, run, &global_stats); // #stats_share
  pthread_join(t, NULL);
}
// strict-warning@#stats_share {{'struct stats' cannot be shared between threads safely [sendsync-not-sync]}}
// strict-note@#stats {{'struct stats' is not Sync because its field 'hits' holds a mutable 'long'; make it const, _Atomic, or guard it with a lock (guarded_by)}}
// strict-note@#stats_share {{required because '&global_stats' (a global variable) is shared with the thread started here}}

// A bare mutable int: the reason is said of the variable itself.
int global_count; // #count
void share_int(void) {
  pthread_t t;
  pthread_create(&t, NULL, run, &global_count); // #int_share
  pthread_join(t, NULL);
}
// strict-warning@#int_share {{'int' cannot be shared between threads safely [sendsync-not-sync]}}
// strict-note@#count {{'global_count' holds a mutable 'int'}}
// strict-note@#int_share {{required because '&global_count' (a global variable) is shared with the thread started here}}

// Twins, silent in strict mode too.
struct config { const int level; const char *const name SS_STATIC; };
struct counters { _Atomic long hits; atomic_int misses; };
struct guarded {
  pthread_mutex_t mu;
  long total __attribute__((guarded_by(mu)));
};
const struct config global_config = {1, "x"};
struct stats writable_stats; // shared read-only through a pointer to const
struct counters global_counters;
struct guarded global_guarded = {PTHREAD_MUTEX_INITIALIZER, 0};
_Atomic int global_flag;

void twins(void) {
  pthread_t t[5];
  const struct stats *view = &writable_stats;
  pthread_create(&t[0], NULL, run, (void *)&global_config);
  pthread_create(&t[1], NULL, run, (void *)view);
  pthread_create(&t[2], NULL, run, &global_counters);
  pthread_create(&t[3], NULL, run, &global_guarded);
  pthread_create(&t[4], NULL, run, (void *)&global_flag);
  for (int i = 0; i < 5; i++)
    pthread_join(t[i], NULL);
}
