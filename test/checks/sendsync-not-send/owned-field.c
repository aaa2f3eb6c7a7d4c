// An owned pointer read from a field (s->p, s.p) or an owned variable moves
// its pointee to the thread like heap memory does (docs/rules.md §2 "field: from
// the field's pointer marker"), so the pointee must be Send.
//
// RUN: %verify %s

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>

struct SS_NOT_SEND logger { int fd; }; // #logger
struct request { int id; };

struct conn {
  struct logger *log SS_OWNED;    // the bug: the thread gets a bound logger
  struct request *req SS_OWNED;   // the twin: a Send pointee
  struct logger *peek SS_STATIC;  // static: shared, so Sync is asked, and a
                                  // plain logger is Sync
};

static void *run(void *arg) {
  (void)arg;
  return NULL;
}

void hand_over_field(struct conn *c) {
  pthread_t t;
  pthread_create(&t, NULL, run, c->log); // #arrow
  pthread_join(t, NULL);
}
// expected-warning@#arrow {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note@#arrow {{required because 'c->log' (the owned pointer in field 'log') is handed over to the thread started here}}

void hand_over_dot(struct conn c) {
  pthread_t t;
  pthread_create(&t, NULL, run, c.log); // #dot
  pthread_join(t, NULL);
}
// expected-warning@#dot {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note@#dot {{required because 'c.log' (the owned pointer in field 'log') is handed over to the thread started here}}

void hand_over_variable(struct logger *in) {
  struct logger *mine SS_OWNED = in;
  pthread_t t;
  pthread_create(&t, NULL, run, mine); // #var
  pthread_join(t, NULL);
}
// expected-warning@#var {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#logger {{'struct logger' is marked not_send here}}
// expected-note@#var {{required because 'mine' (the owned pointer in variable 'mine') is handed over to the thread started here}}

// Twins: an owned Send pointee, and a static pointer (Sync is required; the
// logger is not marked not_sync).
void twins(struct conn *c) {
  pthread_t t[2];
  pthread_create(&t[0], NULL, run, c->req);
  pthread_create(&t[1], NULL, run, c->peek);
  pthread_join(t[0], NULL);
  pthread_join(t[1], NULL);
}
