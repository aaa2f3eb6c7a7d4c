// The spawner against the thread, with the locks held on both sides
// (docs/rules.md §6.2): a write by one side to a part the other side reads or
// writes races unless both hold one same lock there. A lock held on one side
// only protects nothing. Each bug has its twin that holds the right lock.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-not-sync,sendsync-unknown %s

#include <pthread.h>
#include <stddef.h>

struct ctl {
  pthread_mutex_t mu;
  int stop;
  int count;
  int result;
  int input;
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m2 = PTHREAD_MUTEX_INITIALIZER;

static void *poll_stop(void *arg) {
  struct ctl *c = arg;
  pthread_mutex_lock(&c->mu);
  int stop = c->stop; // #thread_reads_stop
  pthread_mutex_unlock(&c->mu);
  return stop ? NULL : arg;
}

// The spawner writes under another lock than the thread's.
void stop_under_other_lock(void) {
  pthread_t t;
  struct ctl c = {.stop = 0};
  pthread_mutex_init(&c.mu, NULL);
  pthread_create(&t, NULL, poll_stop, &c); // #other_spawn
  pthread_mutex_lock(&m2);
  c.stop = 1; // #other_write
  pthread_mutex_unlock(&m2);
  pthread_join(t, NULL);
}
// expected-warning@#other_write {{the spawner assigns to 'c.stop' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#other_spawn {{'c' is lent to the thread started here}}
// expected-note@#other_write {{the spawner writes it here, holding 'm2'}}
// expected-note@#thread_reads_stop {{the thread reads it here, holding 'c.mu'}}
// expected-note@#other_spawn {{take the same lock on both sides, or join 't' first}}

// Twin: the same lock as the thread's.
void stop_under_same_lock(void) {
  pthread_t t;
  struct ctl c = {.stop = 0};
  pthread_mutex_init(&c.mu, NULL);
  pthread_create(&t, NULL, poll_stop, &c);
  pthread_mutex_lock(&c.mu);
  c.stop = 1;
  pthread_mutex_unlock(&c.mu);
  pthread_join(t, NULL);
}

// The lock is released before the write: taking a lock somewhere between
// spawn and join protects nothing.
void stop_after_unlock(void) {
  pthread_t t;
  struct ctl c = {.stop = 0};
  pthread_mutex_init(&c.mu, NULL);
  pthread_create(&t, NULL, poll_stop, &c); // #unlocked_spawn
  pthread_mutex_lock(&c.mu);
  pthread_mutex_unlock(&c.mu);
  c.stop = 1; // #unlocked_write
  pthread_join(t, NULL);
}
// expected-warning@#unlocked_write {{the spawner assigns to 'c.stop' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#unlocked_spawn {{'c' is lent to the thread started here}}
// expected-note@#unlocked_write {{the spawner writes it here, holding no lock}}
// expected-note@#thread_reads_stop {{the thread reads it here, holding 'c.mu'}}
// expected-note@#unlocked_spawn {{take the same lock on both sides, or join 't' first}}

static void *compute(void *arg) {
  struct ctl *c = arg;
  c->result = c->input * 2; // #thread_writes_result
  return NULL;
}

// The spawner reads what the thread writes, before the join.
int peek_result(void) {
  pthread_t t;
  struct ctl c = {.input = 21};
  pthread_create(&t, NULL, compute, &c); // #peek_spawn
  int early = c.result; // #peek_read
  pthread_join(t, NULL);
  return early;
}
// expected-warning@#peek_read {{the spawner reads 'c.result' while a thread it was lent to may write it [sendsync-race]}}
// expected-note@#peek_spawn {{'c' is lent to the thread started here}}
// expected-note@#peek_read {{the spawner reads it here, holding no lock}}
// expected-note@#thread_writes_result {{the thread writes it here, holding no lock}}
// expected-note@#peek_spawn {{join 't' first, or make it _Atomic or guarded by a lock}}

// Twins: a part the thread only reads, and the result after the join.
int read_input_while_running(void) {
  pthread_t t;
  struct ctl c = {.input = 21};
  pthread_create(&t, NULL, compute, &c);
  int in = c.input;
  pthread_join(t, NULL);
  return in + c.result;
}

// A global lock on both sides is one lock.
static void *count_hits(void *arg) {
  struct ctl *c = arg;
  pthread_mutex_lock(&g_lock);
  c->count++;
  pthread_mutex_unlock(&g_lock);
  return NULL;
}
void count_under_global_lock(void) {
  pthread_t t;
  struct ctl c = {.count = 0};
  pthread_create(&t, NULL, count_hits, &c);
  pthread_mutex_lock(&g_lock);
  c.count++;
  pthread_mutex_unlock(&g_lock);
  pthread_join(t, NULL);
}

// A lock helper of this file takes the lock for its caller.
static void lock_ctl(struct ctl *c) { pthread_mutex_lock(&c->mu); }
static void unlock_ctl(struct ctl *c) { pthread_mutex_unlock(&c->mu); }
void stop_through_lock_helper(void) {
  pthread_t t;
  struct ctl c = {.stop = 0};
  pthread_mutex_init(&c.mu, NULL);
  pthread_create(&t, NULL, poll_stop, &c);
  lock_ctl(&c);
  c.stop = 1;
  unlock_ctl(&c);
  pthread_join(t, NULL);
}

// A lock handed to a function of another file (a lock wrapper?): the
// spawner's lock sets are not known, so the default mode stays silent and
// strict mode reports.
void my_lock(pthread_mutex_t *m);
void my_unlock(pthread_mutex_t *m);
void stop_through_foreign_wrapper(void) {
  pthread_t t;
  struct ctl c = {.stop = 0};
  pthread_mutex_init(&c.mu, NULL);
  pthread_create(&t, NULL, poll_stop, &c); // #foreign_spawn
  my_lock(&c.mu);
  c.stop = 1; // #foreign_write
  my_unlock(&c.mu);
  pthread_join(t, NULL);
}
// strict-warning@#foreign_write {{the spawner assigns to 'c.stop' while a thread it was lent to may still use it [sendsync-race]}}
// strict-note@#foreign_spawn {{'c' is lent to the thread started here}}
// strict-note@#foreign_write {{the spawner writes it here, holding no lock}}
// strict-note@#thread_reads_stop {{the thread reads it here, holding 'c.mu'}}
// strict-note@#foreign_spawn {{take the same lock on both sides, or join 't' first}}
