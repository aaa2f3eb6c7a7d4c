// A pointer marked SS_BORROWED or SS_STATIC (in a field, a variable or a
// parameter) gives the thread a shared view of its pointee: Sync is required
// (docs/rules.md §1: Send(&T) = Sync(T)). A thread-affine pointee is reported in
// the default mode, like a not_sync marker.
//
// RUN: %verify %s

#include <pthread.h>
#include <sendsync.h>
#include <setjmp.h>
#include <stddef.h>

struct SS_NOT_SYNC cache { int n; }; // #cache
struct unwind { jmp_buf env; };      // #env
struct table { const int rows; };

struct ctx {
  struct cache *cache SS_BORROWED;
  struct unwind *unwind SS_STATIC;
  const struct table *table SS_BORROWED;
};

static void *run(void *arg) {
  (void)arg;
  return NULL;
}

void from_fields(struct ctx *c) {
  pthread_t t[3];
  pthread_create(&t[0], NULL, run, c->cache); // #borrowed
  pthread_create(&t[1], NULL, run, c->unwind); // #static
  pthread_create(&t[2], NULL, run, (void *)c->table); // twin: const table
  for (int i = 0; i < 3; i++)
    pthread_join(t[i], NULL);
}
// expected-warning@#borrowed {{'struct cache' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-note@#cache 2 {{'struct cache' is marked not_sync here}}
// expected-note@#borrowed {{required because 'c->cache' (the borrowed pointer in field 'cache') is shared with the thread started here}}
// expected-warning@#static {{'struct unwind' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-note@#env {{'struct unwind' is not Sync because its field 'env' holds a 'jmp_buf', which is thread-affine}}
// expected-note@#static {{required because 'c->unwind' (the static pointer in field 'unwind') is shared with the thread started here}}

// A borrowed parameter, reaching the spawn through a local copy.
void from_parameter(struct cache *in SS_BORROWED) {
  pthread_t t;
  struct cache *view = in;
  pthread_create(&t, NULL, run, view); // #param
  pthread_join(t, NULL);
}
// expected-warning@#param {{'struct cache' cannot be shared between threads safely [sendsync-not-sync]}}
// expected-note@#param {{required because 'view' (parameter 'in' of 'from_parameter') is shared with the thread started here}}
