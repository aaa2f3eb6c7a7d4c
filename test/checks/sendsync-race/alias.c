// Writes through a local alias of the lent object (docs/rules.md §6.2): a
// local pointer set once to the object's address (`int *q = &x;`) stands
// for it, so `*q = 1` and `q->f = 1` while the thread reads it are writes
// to it. Twins: the pointer moved to another object first, the write after
// the join.
//
// RUN: %verify %s

#include <pthread.h>
#include <stddef.h>

struct flag { int stop; int other; };

static void *show(void *arg) {
  int *n = arg;
  return (void *)(long)*n; // #reads
}
static void *watch(void *arg) {
  struct flag *f = arg;
  return (void *)(long)f->stop; // #reads_stop
}

void write_through_alias(void) {
  int x = 0;
  int *q = &x;
  pthread_t t;
  pthread_create(&t, NULL, show, &x); // #spawn
  *q = 1; // #write
  pthread_join(t, NULL);
}
// expected-warning@#write {{the spawner assigns to 'x' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#spawn {{'x' is lent to the thread started here}}
// expected-note@#spawn {{join 't' first, or make it _Atomic or guarded by a lock}}
// expected-note@#write {{the spawner writes it here, holding no lock}}
// expected-note@#reads {{the thread reads it here, holding no lock}}

void field_through_alias(void) {
  struct flag f = {0, 0};
  struct flag *p = &f;
  pthread_t t;
  pthread_create(&t, NULL, watch, &f); // #fspawn
  p->stop = 1; // #fwrite
  p->other = 2; // a part the thread never reads
  pthread_join(t, NULL);
}
// expected-warning@#fwrite {{the spawner assigns to 'p->stop' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#fspawn {{'f' is lent to the thread started here}}
// expected-note@#fspawn {{join 't' first, or make the field _Atomic or guarded by a lock}}
// expected-note@#fwrite {{the spawner writes it here, holding no lock}}
// expected-note@#reads_stop {{the thread reads it here, holding no lock}}

// Twins.
void alias_moved(void) {
  int x = 0, y = 0;
  int *q = &x;
  pthread_t t;
  pthread_create(&t, NULL, show, &x);
  q = &y;
  *q = 1;
  pthread_join(t, NULL);
}
void alias_after_join(void) {
  int x = 0;
  int *q = &x;
  pthread_t t;
  pthread_create(&t, NULL, show, &x);
  pthread_join(t, NULL);
  *q = 1;
}
