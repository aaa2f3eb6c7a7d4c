// A user's spawn API: parameters marked SS_THREAD_ENTRY / SS_THREAD_ARG (and
// SS_THREAD_JOIN for the pool or handle) make every call a spawn site
// (docs/rules.md §2). The markers may sit on a redeclaration in a header, here
// the "header" part at the top; the definition needs none. A redeclaration
// can also extend the built-in table with a library function it lacks.
//
// RUN: %verify %s

#include <pthread.h>
#include <sendsync.h>
#include <stdlib.h>

// ---- "pool.h" ----
typedef struct pool pool_t;
int pool_submit(pool_t *p SS_THREAD_JOIN, void (*fn)(void *) SS_THREAD_ENTRY,
                void *arg SS_THREAD_ARG);
void pool_wait(pool_t *p SS_THREAD_JOIN);
// A library function the table does not know (declared here as the library
// would, then marked by the user's redeclaration).
int lib_start_task(void (*cb)(void *), void *ctx);
int lib_start_task(void (*cb)(void *) SS_THREAD_ENTRY, void *ctx SS_THREAD_ARG);
// ---- end of "pool.h" ----

struct SS_NOT_SEND logger { int fd; }; // #logger
struct job { int id; };

static void task(void *arg) { (void)arg; }

// The definition, without markers.
int pool_submit(pool_t *p, void (*fn)(void *), void *arg) {
  (void)p;
  (void)fn;
  (void)arg;
  return 0;
}

void submit(pool_t *pool) {
  struct logger *l = malloc(sizeof *l);
  pool_submit(pool, task, l); // #submit
  pool_wait(pool);
}
// expected-warning@#submit {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note@#logger 2 {{'struct logger' is marked not_send here}}
// expected-note-re@#submit {{required because 'l' (heap memory from malloc at user-api.c:{{[0-9]+}}) is handed over to the thread started here}}

void extended(void) {
  struct logger *l = malloc(sizeof *l);
  lib_start_task(task, l); // #lib
}
// expected-warning@#lib {{'struct logger' cannot be sent to another thread safely [sendsync-not-send]}}
// expected-note-re@#lib {{required because 'l' (heap memory from malloc at user-api.c:{{[0-9]+}}) is handed over to the thread started here}}

// Twins: a Send job through the same APIs.
void twins(pool_t *pool) {
  struct job *a = malloc(sizeof *a), *b = malloc(sizeof *b);
  pool_submit(pool, task, a);
  pool_wait(pool);
  lib_start_task(task, b);
}
