// The thread's side is unknown here (its entry calls a function of another
// file). A write the spawner makes while it holds a lock may be protected by
// it, if the thread takes the same lock: default mode stays silent, strict
// mode reports the write with the lock held and a note asking for
// guarded_by. A field marked guarded_by its lock is silent in both modes
// (twins.c); with the thread's side known, the lock sets of both sides are
// compared (lock-sets.c).
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
// strict-note@#write {{the spawner writes it here, holding 'c.lock'}}
// strict-note@#write {{the thread's side is not known here, so the plugin cannot tell that it takes the same lock; mark the field guarded_by its lock}}
