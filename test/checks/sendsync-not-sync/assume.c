// sendsync_assume_sync(p) trusts one spawn site that shares p (docs/rules.md §4
// escape hatches); sendsync_assume_send(p) does not stand in for Sync. Only
// the wrapped site is silenced.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s

#include <pthread.h>
#include <sendsync.h>

struct SS_NOT_SYNC cache { int n; }; // #cache
struct cache global_cache;

static void *run(void *arg) {
  (void)arg;
  return NULL;
}

void trusted(void) {
  pthread_t t;
  pthread_create(&t, NULL, run, sendsync_assume_sync(&global_cache));
  pthread_join(t, NULL);
}

void wrong_hatch(void) {
  pthread_t t;
  pthread_create(&t, NULL, run, sendsync_assume_send(&global_cache)); // #wrong
  pthread_join(t, NULL);
}
// expected-warning@#wrong {{'struct cache' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-note@#cache 2 {{'struct cache' is marked not_sync here}}
// expected-note@#wrong {{required because 'sendsync_assume_send(&global_cache)' (a global variable) is shared with the thread started here}}

void untrusted(void) {
  pthread_t t;
  pthread_create(&t, NULL, run, &global_cache); // #untrusted
  pthread_join(t, NULL);
}
// expected-warning@#untrusted {{'struct cache' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-note@#untrusted {{required because '&global_cache' (a global variable) is shared with the thread started here}}
