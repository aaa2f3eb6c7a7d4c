// Error paths (docs/rules.md §6.5). The failure branch of the spawn itself
// started no thread, in both modes. Every other path that returns to a
// caller is judged in both modes, error paths included: the failure branch
// of another thread API call (pthread_mutex_lock(...) != 0) and a return of
// a non-zero constant (return 1, return -1) leave the memory dead while the
// thread may run. Only paths that end the process are not judged: exit()
// and abort() (noreturn) in both modes, and a return from main in the
// default mode. A join whose result is tested is still the join.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict %s

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

struct job { int id; };

static void *run(void *arg) { return arg; }
int cond(void);

int spawn_failed(void) {
  pthread_t tid;
  struct job j = {1};
  if (pthread_create(&tid, NULL, run, &j) != 0)
    return -1;
  pthread_join(tid, NULL);
  return 0;
}

int spawn_failed_saved(void) {
  pthread_t tid;
  struct job j = {1};
  int rc = pthread_create(&tid, NULL, run, &j);
  if (rc)
    return rc;
  pthread_join(tid, NULL);
  return 0;
}

int join_failed(void) {
  pthread_t tid;
  struct job j = {1};
  pthread_create(&tid, NULL, run, &j);
  if (pthread_join(tid, NULL) != 0)
    return 1;
  return 0;
}

int lock_failed(pthread_mutex_t *m) {
  pthread_t tid;
  struct job j = {1}; // #lock_j
  pthread_create(&tid, NULL, run, &j); // #lock_spawn
  if (pthread_mutex_lock(m) != 0)
    return 1; // #lock_path
  pthread_mutex_unlock(m);
  pthread_join(tid, NULL);
  return 0;
}
// expected-warning@#lock_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#lock_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#lock_path {{this path returns without joining 'tid'}}
// expected-note@#lock_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}

int error_code(void) {
  pthread_t tid;
  struct job j = {1}; // #one_j
  pthread_create(&tid, NULL, run, &j); // #one_spawn
  if (cond())
    return 1; // #one_path
  pthread_join(tid, NULL);
  return 0;
}
// expected-warning@#one_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#one_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#one_path {{this path returns without joining 'tid'}}
// expected-note@#one_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}

int negative_error_code(void) {
  pthread_t tid;
  struct job j = {1}; // #neg_j
  pthread_create(&tid, NULL, run, &j); // #neg_spawn
  if (cond())
    return -1; // #neg_path
  pthread_join(tid, NULL);
  return 0;
}
// expected-warning@#neg_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#neg_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#neg_path {{this path returns without joining 'tid'}}
// expected-note@#neg_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}

// A return of 0 (success) without the join is judged in both modes.
int success_code(void) {
  pthread_t tid;
  struct job j = {1}; // #zero_j
  pthread_create(&tid, NULL, run, &j); // #zero_spawn
  if (cond())
    return 0; // #zero_path
  pthread_join(tid, NULL);
  return 1;
}
// expected-warning@#zero_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#zero_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#zero_path {{this path returns without joining 'tid'}}
// expected-note@#zero_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}

void exits(void) {
  pthread_t tid;
  struct job j = {1};
  pthread_create(&tid, NULL, run, &j);
  if (cond())
    exit(1);
  pthread_join(tid, NULL);
}

void aborts(void) {
  pthread_t tid;
  struct job j = {1};
  pthread_create(&tid, NULL, run, &j);
  if (cond())
    abort();
  pthread_join(tid, NULL);
}

// A return from main ends the process: not judged in the default mode;
// strict mode judges it.
int main(void) {
  pthread_t tid;
  struct job j = {1}; // #main_j
  pthread_create(&tid, NULL, run, &j); // #main_spawn
  if (cond())
    return 1; // #main_path
  pthread_join(tid, NULL);
  return 0;
}
// strict-warning@#main_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// strict-note@#main_j {{'j' is declared here and dies at the end of this block}}
// strict-note@#main_path {{this path returns without joining 'tid'}}
// strict-note@#main_spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}
