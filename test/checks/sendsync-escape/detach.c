// Threads that are never joined are never scoped (docs/rules.md §3): a thread
// detached with pthread_detach (a join after it does not count), a thread
// created with PTHREAD_CREATE_DETACHED attributes, and work started with
// dispatch_async_f, which has no join at all. A handshake before the detach
// does not help either. Twins: joinable attributes, and dispatch_sync_f,
// which returns after the work has run.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s

#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>

// Apple's libdispatch
typedef struct dispatch_queue_s *dispatch_queue_t;
typedef void (*dispatch_function_t)(void *context);
void dispatch_async_f(dispatch_queue_t queue, void *context, dispatch_function_t work);
void dispatch_sync_f(dispatch_queue_t queue, void *context, dispatch_function_t work);

struct job { int id; };
struct hello { sem_t taken; int id; };

static void *run(void *arg) { return arg; }
static void work(void *arg) { (void)arg; }

void detached(void) {
  pthread_t tid;
  struct job j = {1}; // #det_j
  pthread_create(&tid, NULL, run, &j); // #det_spawn
  pthread_detach(tid); // #det_detach
  pthread_join(tid, NULL);
}
// expected-warning@#det_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#det_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#det_detach {{the thread is detached here, so it is never joined}}
// expected-note@#det_spawn {{the thread is started here; hand it heap memory or a copy instead}}

void detached_attributes(void) {
  pthread_t tid;
  pthread_attr_t a;
  struct job j = {1}; // #attr_j
  pthread_attr_init(&a);
  pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED); // #attr_detach
  pthread_create(&tid, &a, run, &j); // #attr_spawn
  pthread_join(tid, NULL);
}
// expected-warning@#attr_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#attr_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#attr_detach {{the thread is detached here, so it is never joined}}
// expected-note@#attr_spawn {{the thread is started here; hand it heap memory or a copy instead}}

static void *say_hello(void *arg) {
  struct hello *h = arg;
  int id = h->id;
  sem_post(&h->taken);
  return (void *)(long)id;
}

void handshake_then_detach(void) {
  pthread_t tid;
  struct hello h; // #hs_h
  h.id = 1;
  sem_init(&h.taken, 0, 0);
  pthread_create(&tid, NULL, say_hello, &h); // #hs_spawn
  sem_wait(&h.taken);
  pthread_detach(tid); // #hs_detach
}
// expected-warning@#hs_spawn {{address of local 'h' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#hs_h {{'h' is declared here and dies at the end of this block}}
// expected-note@#hs_detach {{the thread is detached here, so it is never joined}}
// expected-note@#hs_spawn {{the thread is started here; hand it heap memory or a copy instead}}

void async(dispatch_queue_t q) {
  struct job j = {1}; // #async_j
  dispatch_async_f(q, &j, work); // #async_spawn
}
// expected-warning@#async_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#async_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#async_spawn {{'dispatch_async_f' does not wait for the work it starts}}
// expected-note@#async_spawn {{the thread is started here; hand it heap memory or a copy instead}}

// ---- Twins: no report. ----

void joinable_attributes(void) {
  pthread_t tid;
  pthread_attr_t a;
  struct job j = {1};
  pthread_attr_init(&a);
  pthread_attr_setdetachstate(&a, PTHREAD_CREATE_JOINABLE);
  pthread_create(&tid, &a, run, &j);
  pthread_join(tid, NULL);
}

void sync(dispatch_queue_t q) {
  struct job j = {1};
  dispatch_sync_f(q, &j, work);
}
