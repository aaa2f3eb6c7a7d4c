// Thread against thread (docs/rules.md §6.3): one object reaches several
// threads (a spawn in a loop, or two spawn sites), one of them writes a part
// that another reads or writes, and no lock is held by both. The default
// mode reports it with both accesses; each case has its nearest correct twin.
//
// RUN: %verify %s

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

// ---- CWE-366: one int, every worker increments it -------------------------

static void *bump(void *arg) {
  int *n = arg;
  (*n)++; // #bump
  return NULL;
}

void count_unlocked(void) {
  pthread_t t[4];
  int total = 0;
  for (int i = 0; i < 4; i++) // #count_loop
    pthread_create(&t[i], NULL, bump, &total); // #count_spawn
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}
// expected-warning@#count_spawn {{threads started here may write 'total' while another thread writes it, with no lock held by both [sendsync-race]}}
// expected-note@#bump {{a thread writes it here, holding no lock}}
// expected-note@#bump {{and so may every other thread that gets the object}}
// expected-note@#count_loop {{this loop starts a thread in each iteration and hands the same object to all of them}}
// expected-note@#count_spawn {{take one lock around every access to it, make it _Atomic, or give each thread its own object}}

// Twin: the workers take one global lock around the increment.
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static void *bump_locked(void *arg) {
  int *n = arg;
  pthread_mutex_lock(&g_lock);
  (*n)++;
  pthread_mutex_unlock(&g_lock);
  return NULL;
}
void count_locked(void) {
  pthread_t t[4];
  int total = 0;
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, bump_locked, &total);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

// Twin: an atomic counter is Sync by itself.
static void *bump_atomic(void *arg) {
  atomic_int *n = arg;
  atomic_fetch_add(n, 1);
  return NULL;
}
void count_atomic(void) {
  pthread_t t[4];
  atomic_int total = 0;
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, bump_atomic, &total);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

// Twin: one element per thread.
void count_per_thread(void) {
  pthread_t t[4];
  int totals[4] = {0};
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, bump, &totals[i]);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

// The same constant element in every iteration is one object: a race on it.
struct slot {
  int input;
  long result;
};
static void *store(void *arg) {
  long *out = arg;
  *out = 42; // #store
  return NULL;
}
void same_slot(void) {
  pthread_t t[4];
  struct slot slots[4];
  for (int i = 0; i < 4; i++) // #slot_loop
    pthread_create(&t[i], NULL, store, &slots[0].result); // #slot_spawn
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}
// expected-warning@#slot_spawn {{threads started here may write 'slots[0].result' while another thread writes it, with no lock held by both [sendsync-race]}}
// expected-note@#store {{a thread writes it here, holding no lock}}
// expected-note@#store {{and so may every other thread that gets the object}}
// expected-note@#slot_loop {{this loop starts a thread in each iteration and hands the same object to all of them}}
// expected-note@#slot_spawn {{take one lock around every access to it, make it _Atomic, or give each thread its own object}}

// Twin: each thread its own slot.
void own_slots(void) {
  pthread_t t[4];
  struct slot slots[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, store, &slots[i].result);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

// ---- A lock in the object, skipped on one path ----------------------------

struct stats {
  pthread_mutex_t mu;
  long hits;
  long misses;
};

static void *record(void *arg) {
  struct stats *s = arg;
  pthread_mutex_lock(&s->mu);
  s->hits++; // #locked_hit
  pthread_mutex_unlock(&s->mu);
  return NULL;
}
static void *peek(void *arg) {
  struct stats *s = arg;
  long h = s->hits; // #unlocked_peek
  return (void *)h;
}

void record_and_peek(void) {
  struct stats s = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t a, b;
  pthread_create(&a, NULL, record, &s); // #rp_first
  pthread_create(&b, NULL, peek, &s);   // #rp_second
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}
// expected-warning@#rp_first {{threads started here may write 's.hits' while another thread reads it, with no lock held by both [sendsync-race]}}
// expected-note@#locked_hit {{a thread writes it here, holding 's.mu'}}
// expected-note@#unlocked_peek {{another thread reads it here, holding no lock}}
// expected-note@#rp_second {{the same object is also handed to the thread started here}}
// expected-note@#rp_first {{take one lock around every access to it, make it _Atomic, or give each thread its own object}}

// Twin: the reader takes the same lock, through its own parameter.
static void *peek_locked(void *arg) {
  struct stats *s = arg;
  pthread_mutex_lock(&s->mu);
  long h = s->hits;
  pthread_mutex_unlock(&s->mu);
  return (void *)h;
}
void record_and_peek_locked(void) {
  struct stats s = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t a, b;
  pthread_create(&a, NULL, record, &s);
  pthread_create(&b, NULL, peek_locked, &s);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}

// Twin: the two threads touch different fields.
static void *miss(void *arg) {
  struct stats *s = arg;
  s->misses++;
  return NULL;
}
static void *hit(void *arg) {
  struct stats *s = arg;
  s->hits++;
  return NULL;
}
void disjoint_fields(void) {
  struct stats s = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t a, b;
  pthread_create(&a, NULL, hit, &s);
  pthread_create(&b, NULL, miss, &s);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}

// Twin: readers only.
void two_readers(void) {
  struct stats s = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t a, b;
  pthread_create(&a, NULL, peek, &s);
  pthread_create(&b, NULL, peek, &s);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}

// Silent in the default mode: the worker hands the object to a function the
// plugin cannot see, so what the threads do to it is unknown.
void log_stats(struct stats *s);
static void *opaque(void *arg) {
  struct stats *s = arg;
  s->hits++;
  log_stats(s);
  return NULL;
}
void unknown_worker(void) {
  struct stats s = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t t[2];
  for (int i = 0; i < 2; i++)
    pthread_create(&t[i], NULL, opaque, &s);
  for (int i = 0; i < 2; i++)
    pthread_join(t[i], NULL);
}

// Three sites share one object: every pair is compared, not only each site
// with the first other one. The first and the third race; the second hands
// the object to a function of another file (unknown, silent).
static void *reset_hits(void *arg) {
  struct stats *s = arg;
  s->hits = 0; // #reset_hits
  return NULL;
}
void three_sites(void) {
  struct stats s = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t a, b, c;
  pthread_create(&a, NULL, record, &s); // #three_first
  pthread_create(&b, NULL, opaque, &s);
  pthread_create(&c, NULL, reset_hits, &s); // #three_third
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_join(c, NULL);
}
// expected-warning@#three_first {{threads started here may write 's.hits' while another thread writes it, with no lock held by both [sendsync-race]}}
// expected-note@#locked_hit {{a thread writes it here, holding 's.mu'}}
// expected-note@#reset_hits {{another thread writes it here, holding no lock}}
// expected-note@#three_third {{the same object is also handed to the thread started here}}
// expected-note@#three_first {{take one lock around every access to it, make it _Atomic, or give each thread its own object}}
