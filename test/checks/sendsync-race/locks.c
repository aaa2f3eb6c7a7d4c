// Lock sets are not tracked (docs/design.md, "Thread scope"). When the
// spawner takes a lock between the spawn and the join, a write to a plain
// field may be protected by it: default mode stays silent, strict mode
// reports the write with a note asking for guarded_by. A field marked
// guarded_by its lock is silent in both modes (twins.c).
//
// RUN: %verify=default %s
// RUN: %verify=strict -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-not-sync %s
// default-no-diagnostics

#include <pthread.h>
#include <stddef.h>

struct counter {
  pthread_mutex_t lock;
  int hits; // protected by 'lock', but not marked
};

void use_elsewhere(void *); /* the thread side is unknown: defined in another file */ static void *run(void *arg) { use_elsewhere(arg); return arg; }

void locked_write(void) {
  pthread_t tid;
  struct counter c = {.hits = 0};
  pthread_mutex_init(&c.lock, NULL);
  pthread_create(&tid, NULL, run, &c); // #spawn
  pthread_mutex_lock(&c.lock);
  c.hits = 1; // #write
  pthread_mutex_unlock(&c.lock);
  pthread_join(tid, NULL);
}
// strict-warning@#write {{the spawner assigns to 'c.hits' while a thread it was lent to may still use it [sendsync-race]}}
// strict-note@#spawn {{'c' is lent to the thread started here}}
// strict-note@#write {{a lock is taken between spawn and join, but the plugin cannot tell that it protects this write; mark the field guarded_by its lock}}
