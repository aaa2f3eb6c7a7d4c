// Signals in access summaries (docs/rules.md §6.1, §6.3): the sync objects
// of the pointee that a function posts, signals or meets at, and whether
// the pointee is touched after the signal (+used@LINE, the first access
// found after it). dump-spawns prints scope=signalled for a spawn whose
// borrow ends at a wait on what the thread signals last.
//
// RUN: %sendsync -fplugin-arg-sendsync-dump-summaries %s 2>/dev/null | FileCheck %s
// RUN: %sendsync -fplugin-arg-sendsync-dump-spawns %s 2>/dev/null | FileCheck --check-prefix=SPAWN %s

#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>

struct ctx {
  sem_t started;
  pthread_barrier_t meet;
  pthread_cond_t cv;
  pthread_mutex_t mu;
  int id;
};

// CHECK: summary post_last arg: read:id@[[@LINE+3]] signal:started@[[@LINE+4]]{{$}}
void *post_last(void *arg) {
  struct ctx *c = arg;
  int id = c->id;
  sem_post(&c->started);
  return (void *)(long)id;
}

// CHECK: summary post_then_read arg: read:id@[[@LINE+4]] signal:started@[[@LINE+3]]+used@[[@LINE+4]]{{$}}
void *post_then_read(void *arg) {
  struct ctx *c = arg;
  sem_post(&c->started);
  return (void *)(long)c->id;
}

// A loop: the read at the top of the next iteration comes after the post.
// CHECK: summary post_in_loop arg: read:id@[[@LINE+4]] signal:started@[[@LINE+5]]+used@[[@LINE+4]]{{$}}
void *post_in_loop(void *arg) {
  struct ctx *c = arg;
  for (int i = 0; i < 3; i++) {
    int id = c->id;
    sem_post(&c->started);
    (void)id;
  }
  return NULL;
}

// A barrier and a condition variable; waits are not signals.
// CHECK: summary meet_and_signal arg: barrier:meet@[[@LINE+4]] signal:cv@[[@LINE+6]]{{$}}
void *meet_and_signal(void *arg) {
  struct ctx *c = arg;
  sem_wait(&c->started);
  pthread_barrier_wait(&c->meet);
  pthread_mutex_lock(&c->mu);
  pthread_cond_signal(&c->cv);
  pthread_mutex_unlock(&c->mu);
  return NULL;
}

// A helper's signal, seen from its caller at the call; its caller then
// touches the object again.
// CHECK: summary finish c: signal:started@[[@LINE+1]]{{$}}
static void finish(struct ctx *c) { sem_post(&c->started); }
// CHECK: summary finish_then_read arg: read:id@[[@LINE+4]] signal:started@[[@LINE-1]]+used@[[@LINE+4]]{{$}}
void *finish_then_read(void *arg) {
  struct ctx *c = arg;
  finish(c);
  return (void *)(long)c->id;
}

// A global sync object, and a barrier-like function of the program, reach no
// parameter: they are signals for every pointer parameter.
static pthread_barrier_t g_dock;
void pool_barrier_wait(void *pool);
extern void *g_pool;
// CHECK: summary dock_then_own_barrier arg: read:id@[[@LINE+3]] barrier:global:g_dock@[[@LINE+4]] barrier:pool_barrier_wait()@[[@LINE+5]]{{$}}
void *dock_then_own_barrier(void *arg) {
  struct ctx *c = arg;
  int id = c->id;
  pthread_barrier_wait(&g_dock);
  pool_barrier_wait(g_pool);
  return (void *)(long)id;
}

// The pointer stored in an aggregate after the signal (glibc's
// tst-cancel17): what happens through the copy is not followed, so the
// pointee is unknown, and no wait on the barrier can end the borrow.
struct aiocb_like;
int suspend_all(struct aiocb_like *const l[], int n);
// CHECK: summary barrier_then_hand_on arg: barrier:global:g_dock@[[@LINE+2]] unknown@[[@LINE+3]]{{$}}
void *barrier_then_hand_on(void *arg) {
  pthread_barrier_wait(&g_dock);
  struct aiocb_like *const l[1] = {arg};
  suspend_all(l, 1);
  return NULL;
}

// SPAWN: spawn signals.c:[[@LINE+5]]:3 via=pthread_create(builtin) entry=post_last {{.*}}scope=signalled thread=read:id@{{[0-9]+}},signal:started@{{[0-9]+}}{{$}}
void start(pthread_t *t) {
  struct ctx c;
  c.id = 1;
  sem_init(&c.started, 0, 0);
  pthread_create(t, NULL, post_last, &c);
  sem_wait(&c.started);
}
