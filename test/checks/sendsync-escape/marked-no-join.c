// A marked spawn API (a thread pool's submit) with no thread_join parameter,
// in a file that calls no function with one (docs/rules.md §6.4): nothing
// can join what it starts, so a local handed to it escapes, in the default
// mode, like a detached thread. Twins: the pool's wait function is marked
// SS_THREAD_JOIN and called; heap memory handed over; a value.
//
// RUN: %verify %s
// RUN: %verify -DWITH_JOIN %s

#include <sendsync.h>
#include <stdlib.h>

struct pool;
struct request { int id; };

void pool_submit(struct pool *p, void (*fn)(void *) SS_THREAD_ENTRY,
                 void *arg SS_THREAD_ARG);
#ifdef WITH_JOIN
void pool_drain(struct pool *p SS_THREAD_JOIN);
#endif

static void handle(void *arg) { (void)arg; }

#ifndef WITH_JOIN
void serve_local(struct pool *p) {
  struct request r = {1}; // #r
  pool_submit(p, handle, &r); // #submit
}
// expected-warning@#submit {{address of local 'r' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#r {{'r' is declared here and dies at the end of this block}}
// expected-note@#submit {{'pool_submit' is marked as a spawn API, but no function called here has a thread_join parameter, so what it starts is never joined; mark your join function's parameter SS_THREAD_JOIN}}
// expected-note@#submit {{the thread is started here; hand it heap memory or a copy instead}}
#else
// Twin: the pool is drained before the request dies. pool_submit names no
// handle, so the drain cannot be matched to it: the scope is unknown, which
// only strict mode reports.
// expected-no-diagnostics
void serve_local(struct pool *p) {
  struct request r = {1};
  pool_submit(p, handle, &r);
  pool_drain(p);
}
#endif

// Twins in both runs: heap memory moves to the worker; a value shares nothing.
void serve_heap(struct pool *p) {
  struct request *r = malloc(sizeof *r);
  pool_submit(p, handle, r);
}
void serve_value(struct pool *p) {
  pool_submit(p, handle, (void *)(long)7);
}
