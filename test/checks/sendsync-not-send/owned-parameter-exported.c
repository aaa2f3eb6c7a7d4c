// A function that hands its own SS_OWNED parameter to pthread_create is an
// inferred wrapper for its callers, and its own spawn is judged too: the
// owned marker says the logger moves to the thread (docs/rules.md §2
// "parameter"), so an exported start function without callers here is
// still checked.
//
// RUN: %verify %s

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>

struct SS_NOT_SEND logger { int fd; }; // #logger

static void *run(void *arg) {
  (void)arg;
  return NULL;
}

void start_logging(struct logger *l SS_OWNED) {
  pthread_t t;
  pthread_create(&t, NULL, run, l); // #spawn
  pthread_join(t, NULL);
}
// expected-warning@#spawn {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note@#spawn {{required because 'l'}}
