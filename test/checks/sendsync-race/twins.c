// No sendsync-race: writes after the join, writes to the parts of the
// object that are Sync by themselves (an _Atomic field, the lock, a field
// guarded_by the lock), one array element per thread, and the address passed
// to a const pointer parameter (read-only). Reads are not races.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-not-sync %s
// expected-no-diagnostics

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

struct job { int id; int n; };
struct shared {
  pthread_mutex_t lock;
  int hits __attribute__((guarded_by(lock)));
  _Atomic int done;
  atomic_int seen;
};

static void *run(void *arg) { return arg; }
void show(const struct job *j);
int get(void);

void after_join(void) {
  pthread_t tid;
  struct job j = {1, 0};
  pthread_create(&tid, NULL, run, &j);
  pthread_join(tid, NULL);
  j.id = 2;
  j.n++;
}

void sync_parts(void) {
  pthread_t tid;
  struct shared s;
  pthread_mutex_init(&s.lock, NULL);
  atomic_init(&s.done, 0);
  atomic_init(&s.seen, 0);
  pthread_create(&tid, NULL, run, &s);
  s.done = 1;
  atomic_fetch_add(&s.seen, 1);
  pthread_mutex_lock(&s.lock);
  s.hits = get();
  pthread_mutex_unlock(&s.lock);
  pthread_join(tid, NULL);
}

void element_per_thread(void) {
  pthread_t t[4];
  int ids[4];
  for (int i = 0; i < 4; i++) {
    ids[i] = i;
    pthread_create(&t[i], NULL, run, &ids[i]);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

void const_parameter(void) {
  pthread_t tid;
  struct job j = {1, 0};
  pthread_create(&tid, NULL, run, &j);
  show(&j);
  pthread_join(tid, NULL);
}

void reads(void) {
  pthread_t tid;
  struct job j = {1, 0};
  pthread_create(&tid, NULL, run, &j);
  int k = j.id + j.n;
  (void)k;
  pthread_join(tid, NULL);
}
