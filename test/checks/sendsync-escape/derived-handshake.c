// Derived handshakes (docs/rules.md §6.3): when the thread's entry is a
// function of this file, a wait of the spawner on a sync object that the
// thread signals last (touching nothing of the object after the signal) ends
// the borrow, in both modes, because it is proven. A thread that signals and
// then still uses the object is not done with it: the wait proves nothing,
// and the escape is reported with the thread's signal and its later access.
// The fixed shape of §3.4 is not used when the thread's side is known and
// touches the object.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-not-sync,sendsync-unknown %s

#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>

// libuv's thread pool start-up: the worker copies its argument, then posts.
struct start_ctx {
  sem_t started;
  int id;
};

static void *worker(void *arg) {
  struct start_ctx *ctx = arg;
  int id = ctx->id;
  sem_post(&ctx->started);
  return (void *)(long)id;
}

void start_worker(pthread_t *out) {
  struct start_ctx ctx;
  ctx.id = 7;
  sem_init(&ctx.started, 0, 0);
  pthread_create(out, NULL, worker, &ctx);
  sem_wait(&ctx.started);
  sem_destroy(&ctx.started);
}

// The bug: the worker posts first and reads the id afterwards.
static void *eager_worker(void *arg) {
  struct start_ctx *ctx = arg;
  sem_post(&ctx->started); // #eager_post
  return (void *)(long)ctx->id; // #eager_late_read
}

void start_eager_worker(pthread_t *out) {
  struct start_ctx ctx; // #eager_ctx
  ctx.id = 7;
  sem_init(&ctx.started, 0, 0);
  pthread_create(out, NULL, eager_worker, &ctx); // #eager_spawn
  sem_wait(&ctx.started);
} // #eager_end
// expected-warning@#eager_spawn {{address of local 'ctx' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#eager_ctx {{'ctx' is declared here and dies at the end of this block}}
// expected-note@#eager_end {{'ctx' dies here, at the end of its block, and '*out' may not be joined yet}}
// expected-note@#eager_post {{the thread signals here, so the wait returns, but the thread has not finished with the object}}
// expected-note@#eager_late_read {{the thread uses it again here, after the signal}}
// expected-note@#eager_spawn {{the thread is started here; join '*out' before the memory dies, or hand over heap memory instead}}

// A condition variable: the thread sets the flag and signals under the lock;
// the spawner waits in a predicate loop.
struct ready_ctx {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int ready;
  int id;
};

static void *announce(void *arg) {
  struct ready_ctx *r = arg;
  int id = r->id;
  pthread_mutex_lock(&r->mu);
  r->ready = 1;
  pthread_cond_signal(&r->cv);
  pthread_mutex_unlock(&r->mu);
  return (void *)(long)id;
}

void start_and_wait_ready(pthread_t *out) {
  struct ready_ctx r = {.id = 3};
  pthread_mutex_init(&r.mu, NULL);
  pthread_cond_init(&r.cv, NULL);
  pthread_create(out, NULL, announce, &r);
  pthread_mutex_lock(&r.mu);
  while (!r.ready)
    pthread_cond_wait(&r.cv, &r.mu);
  pthread_mutex_unlock(&r.mu);
}

// The signal comes from a helper of this file, as the thread's last step.
static void done_with(struct start_ctx *ctx) { sem_post(&ctx->started); }
static void *worker_with_helper(void *arg) {
  struct start_ctx *ctx = arg;
  int id = ctx->id;
  done_with(ctx);
  return (void *)(long)id;
}

void start_worker_with_helper(pthread_t *out) {
  struct start_ctx ctx = {.id = 1};
  sem_init(&ctx.started, 0, 0);
  pthread_create(out, NULL, worker_with_helper, &ctx);
  sem_wait(&ctx.started);
}

// A wait on another sync object than the one the thread signals.
struct two_sems {
  sem_t started, stopped;
  int id;
};
static void *post_started(void *arg) {
  struct two_sems *t = arg;
  int id = t->id;
  sem_post(&t->started);
  return (void *)(long)id;
}

void wait_on_the_other(pthread_t *out) {
  struct two_sems t = {.id = 2}; // #other_t
  sem_init(&t.started, 0, 0);
  sem_init(&t.stopped, 0, 0);
  pthread_create(out, NULL, post_started, &t); // #other_spawn
  sem_wait(&t.stopped);
} // #other_end
// expected-warning@#other_spawn {{address of local 't' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#other_t {{'t' is declared here and dies at the end of this block}}
// expected-note@#other_end {{'t' dies here, at the end of its block, and '*out' may not be joined yet}}
// expected-note@#other_spawn {{the thread is started here; join '*out' before the memory dies, or hand over heap memory instead}}

// Twin of the bug above: the right semaphore.
void wait_on_started(pthread_t *out) {
  struct two_sems t = {.id = 2};
  sem_init(&t.started, 0, 0);
  sem_init(&t.stopped, 0, 0);
  pthread_create(out, NULL, post_started, &t);
  sem_wait(&t.started);
}
