// Joins that reach the handle indirectly count as joins (regression tests
// for two false positives found while writing the issue-4 tests):
//  - through a local pointer initialised with the handle's address;
//  - in a helper that passes the handle on to another helper that joins it.
// The nearest wrong code, a helper that does not join, is reported.
//
// RUN: %verify %s

#include <pthread.h>
#include <stddef.h>

struct job { int id; };
static void *run(void *arg) { return arg; }

void through_pointer(void) {
  pthread_t tid;
  pthread_t *p = &tid;
  struct job j = {1};
  pthread_create(&tid, NULL, run, &j);
  pthread_join(*p, NULL);
}

static void join_it(pthread_t t) { pthread_join(t, NULL); }
static void finish(pthread_t t) { join_it(t); }
static void forget(pthread_t t) { (void)t; }

void helper_of_helper(void) {
  pthread_t tid;
  struct job j = {1};
  pthread_create(&tid, NULL, run, &j);
  finish(tid);
}

void helper_that_does_not_join(void) {
  pthread_t tid;
  struct job j = {1}; // #forget_j
  pthread_create(&tid, NULL, run, &j); // #forget_spawn
  forget(tid);
} // #forget_end
// expected-warning@#forget_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#forget_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#forget_end {{'j' dies here, at the end of its block, and 'tid' may not be joined yet}}
// expected-note@#forget_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}
