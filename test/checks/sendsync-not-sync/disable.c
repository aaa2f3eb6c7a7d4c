// disable=sendsync-not-sync turns this check off, and only this one.
//
// RUN: %verify %s
// RUN: %verify=off -fplugin-arg-sendsync-disable=sendsync-not-sync %s

#include <pthread.h>
#include <sendsync.h>
#include <stdlib.h>

struct SS_NOT_SEND logger { int fd; }; // #logger
struct SS_NOT_SYNC cache { int n; };   // #cache
struct cache global_cache;

static void *run(void *arg) {
  (void)arg;
  return NULL;
}

void f(void) {
  pthread_t t[2];
  struct logger *l = malloc(sizeof *l);
  pthread_create(&t[0], NULL, run, &global_cache); // #share
  pthread_create(&t[1], NULL, run, l); // #send
  pthread_join(t[0], NULL);
  pthread_join(t[1], NULL);
}
// expected-warning@#share {{'struct cache' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-note@#cache {{'struct cache' is marked not_sync here}}
// expected-note@#share {{required because '&global_cache'}}
// expected-warning@#send {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note@#send {{required because 'l'}}
// off-warning@#send {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// off-note@#logger {{'struct logger' is marked not_send here}}
// off-note@#send {{required because 'l'}}
