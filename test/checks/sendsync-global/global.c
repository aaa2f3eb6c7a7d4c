// sendsync-global (strict only, docs/rules.md §4): a thread entry, or a function
// of this translation unit that it calls, reads or writes a global that is
// not Sync. Each global is reported once, at its first use found (the
// entry's body first, then the functions it calls, breadth first), with the
// reason at the global, the call that reaches the function, and the spawn.
// Default mode is silent.
//
// RUN: %sendsync %s 2>&1 | count 0
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %verify -DSTRICT_FILE %s
// RUN: %sendsync -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-global %s 2>&1 | count 0

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>
#ifdef STRICT_FILE
SS_STRICT_FILE;
#endif

struct SS_NOT_SYNC cache { int n; }; // #cache_marker

int hits;                       // #hits
struct cache lookup_cache;      // #cache
static char *last_name;         // #last_name

static void bump(void) {
  hits++; // #hits_use
}

static void remember(const char *name) {
  (void)lookup_cache.n; // #cache_use
  last_name = (char *)name; // #name_use
  hits += 2; // a second use of a reported global is not reported again
}

static void *worker(void *arg) {
  bump(); // #bump_call
  remember(arg); // #remember_call
  return NULL;
}
// expected-warning@#hits_use {{global 'hits' is used by a thread but is not Sync [sendsync-global]}}
// expected-note@#hits {{'hits' holds a mutable 'int'}}
// expected-note@#bump_call {{'bump' is called by the thread's code here}}
// expected-note@#spawn 3 {{the thread started here runs 'worker'}}
// expected-warning@#cache_use {{global 'lookup_cache' is used by a thread but is not Sync [sendsync-global]}}
// expected-note@#cache {{'lookup_cache' has type 'struct cache', which is not Sync}}
// expected-note@#cache_marker {{'struct cache' is marked not_sync here}}
// expected-note@#remember_call 2 {{'remember' is called by the thread's code here}}
// expected-warning@#name_use {{global 'last_name' is used by a thread but is not Sync [sendsync-global]}}
// expected-note@#last_name {{'last_name' is a mutable pointer}}

void start(void) {
  pthread_t t;
  pthread_create(&t, NULL, worker, NULL); // #spawn
  pthread_join(t, NULL);
}
