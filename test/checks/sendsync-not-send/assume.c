// sendsync_assume_send(p) at a spawn argument trusts that site (docs/rules.md §4
// escape hatches); sendsync_assume_sync(p) does not stand in for Send. Only
// the wrapped site is silenced: the same transfer elsewhere is reported.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s

#include <pthread.h>
#include <sendsync.h>
#include <stdlib.h>

struct SS_NOT_SEND logger { int fd; }; // #logger

static void *run(void *arg) {
  (void)arg;
  return NULL;
}

void trusted(void) {
  pthread_t t;
  struct logger *l = malloc(sizeof *l);
  pthread_create(&t, NULL, run, sendsync_assume_send(l));
  pthread_join(t, NULL);
}

void wrong_hatch(void) {
  pthread_t t;
  struct logger *l = malloc(sizeof *l);
  pthread_create(&t, NULL, run, sendsync_assume_sync(l)); // #wrong
  pthread_join(t, NULL);
}
// expected-warning@#wrong {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#logger 2 {{'struct logger' is marked not_send here}}
// expected-note-re@#wrong {{required because 'sendsync_assume_sync(l)' (heap memory from malloc at assume.c:{{[0-9]+}}) is handed over to the thread started here}}

void untrusted(void) {
  pthread_t t;
  struct logger *l = malloc(sizeof *l);
  pthread_create(&t, NULL, run, l); // #untrusted
  pthread_join(t, NULL);
}
// expected-warning@#untrusted {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note-re@#untrusted {{required because 'l' (heap memory from malloc at assume.c:{{[0-9]+}}) is handed over to the thread started here}}
