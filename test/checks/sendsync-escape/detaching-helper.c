// A helper of this file that starts a thread for its caller and keeps the
// handle in a local (docs/rules.md §6.4): if it detaches the thread or drops
// the handle, nothing can join the thread, so a local handed through it
// escapes, in the default mode. Twins: a helper that joins before it returns
// (the call waits), one that hands the handle back (the caller can join it;
// strict mode alone says it cannot follow it), heap memory.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict %s

#include <pthread.h>
#include <stdlib.h>

struct job { int id; };

static void *run(void *arg) {
  struct job *j = arg;
  return (void *)(long)j->id;
}

static void start_detached(void *arg) {
  pthread_t t;
  pthread_create(&t, NULL, run, arg);
  pthread_detach(t);
}
static void start_and_forget(void *arg) {
  pthread_t t;
  pthread_create(&t, NULL, run, arg);
}
static void run_and_wait(void *arg) {
  pthread_t t;
  pthread_create(&t, NULL, run, arg);
  pthread_join(t, NULL);
}
static pthread_t start_returning(void *arg) {
  pthread_t t;
  pthread_create(&t, NULL, run, arg);
  return t;
}

void detached_local(void) {
  struct job j = {1}; // #det_j
  start_detached(&j); // #det
}
// expected-warning@#det {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#det_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#det {{'start_detached' does not wait for the work it starts}}
// expected-note@#det {{the thread is started here; hand it heap memory or a copy instead}}

void forgotten_local(void) {
  struct job j = {2}; // #fgt_j
  start_and_forget(&j); // #fgt
}
// expected-warning@#fgt {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#fgt_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#fgt {{'start_and_forget' does not wait for the work it starts}}
// expected-note@#fgt {{the thread is started here; hand it heap memory or a copy instead}}

// Twins.
void waited_local(void) {
  struct job j = {3};
  run_and_wait(&j);
}
void detached_heap(void) {
  struct job *j = malloc(sizeof *j);
  j->id = 4;
  start_detached(j);
}
// A helper that returns the handle it keeps in a local: the call's result is
// the handle, followed to the join (in strict mode too).
void returned_handle(void) {
  struct job j = {5};
  pthread_t t = start_returning(&j);
  pthread_join(t, NULL);
}
// The same helper, its result dropped: as for a library spawn that returns
// its handle (g_thread_new), strict mode cannot prove the join.
void returned_handle_dropped(void) {
  struct job j = {6}; // #drop_j
  start_returning(&j); // #drop
}
// strict-warning@#drop {{cannot prove that the thread started here is joined before local 'j' dies [sendsync-escape]}}
// strict-note@#drop_j {{'j' is declared here and dies at the end of this block}}
// strict-note@#drop {{the thread's handle cannot be followed from here; join it in this function, or mark your join function's parameter SS_THREAD_JOIN}}
// strict-note@#drop {{the thread is started here; join the thread's handle before the memory dies, or hand over heap memory instead}}
