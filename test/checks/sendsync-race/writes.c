// sendsync-race (docs/rules.md §3): between the spawn and the join, the spawner
// writes the object it lent to the thread: an assignment (to the object or
// a field), ++/--, a compound assignment, memset/memcpy into it, or its
// address passed to a function that may write it (a non-const pointer
// parameter). One report per spawn, at the first write.
//
// RUN: %verify %s
// Strict mode reports the same races (its Sync reports of the touched objects
// are tested in touched-requires-sync.c).
// RUN: %verify -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-not-sync %s

#include <pthread.h>
#include <stddef.h>
#include <string.h>

struct job { int id; int n; }; // #job

void use_elsewhere(void *); /* the thread side is unknown: defined in another file */ static void *run(void *arg) { use_elsewhere(arg); return arg; }
void fill(struct job *j);

void assign_field(void) {
  pthread_t tid;
  struct job j = {1, 0};
  pthread_create(&tid, NULL, run, &j); // #assign_spawn
  j.id = 2; // #assign
  pthread_join(tid, NULL);
}
// expected-warning@#assign {{the spawner assigns to 'j.id' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#assign_spawn {{'j' is lent to the thread started here}}
// expected-note@#assign_spawn {{join 'tid' first, or make the field _Atomic or guarded by a lock}}

void increment(void) {
  pthread_t tid;
  int n = 0; // #incr_n
  pthread_create(&tid, NULL, run, &n); // #incr_spawn
  n++; // #incr
  pthread_join(tid, NULL);
}
// expected-warning@#incr {{the spawner increments 'n' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#incr_spawn {{'n' is lent to the thread started here}}
// expected-note@#incr_spawn {{join 'tid' first, or make it _Atomic or guarded by a lock}}

void decrement(void) {
  pthread_t tid;
  int n = 0; // #decr_n
  pthread_create(&tid, NULL, run, &n); // #decr_spawn
  --n; // #decr
  pthread_join(tid, NULL);
}
// expected-warning@#decr {{the spawner decrements 'n' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#decr_spawn {{'n' is lent to the thread started here}}
// expected-note@#decr_spawn {{join 'tid' first, or make it _Atomic or guarded by a lock}}

void compound(void) {
  pthread_t tid;
  int n = 0; // #comp_n
  pthread_create(&tid, NULL, run, &n); // #comp_spawn
  n += 2; // #comp
  pthread_join(tid, NULL);
}
// expected-warning@#comp {{the spawner updates 'n' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#comp_spawn {{'n' is lent to the thread started here}}
// expected-note@#comp_spawn {{join 'tid' first, or make it _Atomic or guarded by a lock}}

void with_memset(void) {
  pthread_t tid;
  struct job j = {1, 0};
  pthread_create(&tid, NULL, run, &j); // #memset_spawn
  memset(&j, 0, sizeof j); // #memset
  pthread_join(tid, NULL);
}
// expected-warning@#memset {{the spawner writes 'j' with 'memset' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#memset_spawn {{'j' is lent to the thread started here}}
// expected-note@#memset_spawn {{join 'tid' first, or make it _Atomic or guarded by a lock}}

void with_memcpy(const struct job *src) {
  pthread_t tid;
  struct job j = {1, 0};
  pthread_create(&tid, NULL, run, &j); // #memcpy_spawn
  memcpy(&j, src, sizeof j); // #memcpy
  pthread_join(tid, NULL);
}
// expected-warning@#memcpy {{the spawner writes 'j' with 'memcpy' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#memcpy_spawn {{'j' is lent to the thread started here}}
// expected-note@#memcpy_spawn {{join 'tid' first, or make it _Atomic or guarded by a lock}}

void may_write(void) {
  pthread_t tid;
  struct job j = {1, 0};
  pthread_create(&tid, NULL, run, &j); // #fill_spawn
  fill(&j); // #fill
  pthread_join(tid, NULL);
}
// expected-warning@#fill {{the spawner passes the address of 'j' to 'fill', which may write it, while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#fill_spawn {{'j' is lent to the thread started here}}
// expected-note@#fill_spawn {{join 'tid' first, or make it _Atomic or guarded by a lock}}

// Written twice: one report, at the first write.
void twice(void) {
  pthread_t tid;
  struct job j = {1, 0};
  pthread_create(&tid, NULL, run, &j); // #twice_spawn
  j.n = 1; // #twice_first
  j.n = 2;
  pthread_join(tid, NULL);
}
// expected-warning@#twice_first {{the spawner assigns to 'j.n' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#twice_spawn {{'j' is lent to the thread started here}}
// expected-note@#twice_spawn {{join 'tid' first, or make the field _Atomic or guarded by a lock}}

// The message names the part written, as written: 'c.stop', not 'c'.
struct ctl { int stop; struct job inner; struct job jobs[2]; };

void stop_flag(void) {
  pthread_t tid;
  struct ctl c = {0};
  pthread_create(&tid, NULL, run, &c); // #stop_spawn
  c.stop = 1; // #stop
  pthread_join(tid, NULL);
}
// expected-warning@#stop {{the spawner assigns to 'c.stop' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#stop_spawn {{'c' is lent to the thread started here}}
// expected-note@#stop_spawn {{join 'tid' first, or make the field _Atomic or guarded by a lock}}

void nested_part(void) {
  pthread_t tid;
  struct ctl c = {0};
  pthread_create(&tid, NULL, run, &c); // #nested_spawn
  (c.jobs[1]).n++; // #nested
  pthread_join(tid, NULL);
}
// expected-warning@#nested {{the spawner increments '(c.jobs[1]).n' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#nested_spawn {{'c' is lent to the thread started here}}
// expected-note@#nested_spawn {{join 'tid' first, or make the field _Atomic or guarded by a lock}}

// Through a callee the field path names the part.
void part_through_callee(void) {
  pthread_t tid;
  struct ctl c = {0};
  pthread_create(&tid, NULL, run, &c); // #inner_spawn
  memset(&c.inner, 0, sizeof c.inner); // #inner
  pthread_join(tid, NULL);
}
// expected-warning@#inner {{the spawner writes 'c.inner' with 'memset' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#inner_spawn {{'c' is lent to the thread started here}}
// expected-note@#inner_spawn {{join 'tid' first, or make it _Atomic or guarded by a lock}}
