// The spawn's own handle stored in the object it handed over
// (`w->thread = spawn(fn, w)`, Open vSwitch's conntrack and ipf): with the
// thread's side unknown, only strict mode judges that write (docs/rules.md
// §3.9), since a thread rarely reads its own handle. Any other write after
// the hand-off is still a default-mode report.
//
// RUN: %verify=default %s
// RUN: %verify=strict -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-unknown,sendsync-not-send %s

#include <pthread.h>
#include <sendsync.h>
#include <stdlib.h>

void use_elsewhere(void *); // another file's: the thread's side is unknown
pthread_t spawn_thread(void *(*SS_THREAD_ENTRY fn)(void *),
                       void *SS_THREAD_ARG arg);

struct cleaner {
  pthread_t thread;
  int *cache;
};

static void *clean_main(void *arg) {
  use_elsewhere(arg);
  return NULL;
}

struct cleaner *cleaner_init(void) {
  struct cleaner *c = calloc(1, sizeof *c);
  c->thread = spawn_thread(clean_main, c); // #store
  return c;
}
// strict-warning@#store {{the spawner assigns to 'c' after handing it over to another thread [sendsync-use-after-send]}}
// strict-note-re@#store {{'c' (heap memory from calloc at handle-store.c:{{[0-9]+}}) is handed over to the thread started here}}
// strict-note@#store {{join the thread first, or leave the object to the thread}}

// The bug next to it: another field written after the hand-off.
struct cleaner *cleaner_init_and_fill(void) {
  struct cleaner *c = calloc(1, sizeof *c);
  c->thread = spawn_thread(clean_main, c); // #fill_spawn
  c->cache = NULL; // #fill_write
  return c;
}
// default-warning@#fill_write {{the spawner assigns to 'c' after handing it over to another thread [sendsync-use-after-send]}}
// default-note-re@#fill_spawn {{'c' (heap memory from calloc at handle-store.c:{{[0-9]+}}) is handed over to the thread started here}}
// default-note@#fill_spawn {{join the thread first, or leave the object to the thread}}
// Strict mode reports the first write, the handle's store.
// strict-warning@#fill_spawn {{the spawner assigns to 'c' after handing it over to another thread [sendsync-use-after-send]}}
// strict-note-re@#fill_spawn {{'c' (heap memory from calloc at handle-store.c:{{[0-9]+}}) is handed over to the thread started here}}
// strict-note@#fill_spawn {{join the thread first, or leave the object to the thread}}
