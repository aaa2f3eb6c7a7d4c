// Lock helpers (docs/rules.md §6.2): a function of this file that takes or
// releases a lock changes its callers' lock sets at the call, with the lock
// named from the caller's side. A function the plugin does not know that
// gets a lock may be a lock wrapper from another file: the lock sets of the
// caller cannot be trusted, and its pointer parameters become unknown.
//
// RUN: %verify -fplugin-arg-sendsync-dump-summaries %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>

struct queue {
  pthread_mutex_t mu;
  int len;
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

// CHECK: summary queue_lock locks: acquires=q->mu{{$}}
// CHECK-NEXT: summary queue_lock q: none{{$}}
static void queue_lock(struct queue *q) { pthread_mutex_lock(&q->mu); }
// CHECK: summary queue_unlock locks: releases=q->mu{{$}}
static void queue_unlock(struct queue *q) { pthread_mutex_unlock(&q->mu); }
// CHECK: summary global_lock locks: acquires=g_lock{{$}}
static void global_lock(void) { pthread_mutex_lock(&g_lock); }

// CHECK: summary push q: write:len@[[@LINE+3]][q->mu]{{$}}
void push(struct queue *q) {
  queue_lock(q);
  q->len++;
  queue_unlock(q);
}

// The helper's lock is named by what the caller passes: arg->mu here.
// CHECK: summary worker arg: read:len@[[@LINE+4]][arg->mu]{{$}}
void *worker(void *arg) {
  struct queue *q = arg;
  queue_lock(q);
  int n = q->len;
  queue_unlock(q);
  (void)n;
  return NULL;
}

// A local queue's lock: named by the local, as pthread_mutex_lock(&mine.mu)
// would name it; a global helper: by the global.
// CHECK: summary with_global q: write:len@[[@LINE+3]][g_lock]{{$}}
void with_global(struct queue *q) {
  global_lock();
  q->len = 0;
  pthread_mutex_unlock(&g_lock);
}

// A lock wrapper defined elsewhere: nothing here can be trusted.
void xlock(pthread_mutex_t *m);
void xunlock(pthread_mutex_t *m);
// CHECK: summary wrapped locks: unknown{{$}}
// CHECK-NEXT: summary wrapped q: write:len@[[@LINE+3]] unknown@[[@LINE+2]]{{$}}
void wrapped(struct queue *q) {
  xlock(&q->mu);
  q->len = 1;
  xunlock(&q->mu);
}
