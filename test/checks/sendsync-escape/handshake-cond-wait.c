// Issue 4 counts "pthread_cond_wait loops" and C11 cnd_wait as handshakes in
// the default mode: the predicate loop's condition counts as the wait, as a
// join loop's condition counts as the join (the path on which the condition
// is false at once skips the wait). A regression test: that path was once
// reported as sendsync-escape.
//
// RUN: %verify %s

#include <pthread.h>
#include <stddef.h>
#include <threads.h>

struct start { pthread_mutex_t m; pthread_cond_t cv; int taken; int id; };
struct start11 { mtx_t m; cnd_t cv; int taken; int id; };

static void *take(void *arg) { return arg; }
static int take11(void *arg) { return arg != NULL; }

void cond_wait_loop(void) {
  pthread_t tid;
  struct start s = {.id = 1};
  pthread_mutex_init(&s.m, NULL);
  pthread_cond_init(&s.cv, NULL);
  pthread_create(&tid, NULL, take, &s);
  pthread_mutex_lock(&s.m);
  while (!s.taken)
    pthread_cond_wait(&s.cv, &s.m);
  pthread_mutex_unlock(&s.m);
}

void cnd_wait_loop(void) {
  thrd_t t;
  struct start11 s = {.id = 1};
  mtx_init(&s.m, mtx_plain);
  cnd_init(&s.cv);
  thrd_create(&t, take11, &s);
  mtx_lock(&s.m);
  while (!s.taken)
    cnd_wait(&s.cv, &s.m);
  mtx_unlock(&s.m);
}
// expected-no-diagnostics
