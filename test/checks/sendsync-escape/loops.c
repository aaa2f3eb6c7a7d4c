// sendsync-escape in loops (docs/rules.md §3). A local declared in the body of a
// create loop dies at the end of each iteration, so the join loop after it
// comes too late; the counter declared in the for-init dies when the loop
// ends (and is also the loop-counter race). Twins: one element per thread
// (&jobs[i]) with a join loop over the same handle array, whatever the index
// variable, including the path on which the join loop runs zero times.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict %s

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

struct job { int id; };

void use_elsewhere(void *); /* the thread side is unknown: defined in another file */ static void *run(void *arg) { use_elsewhere(arg); return arg; }

void body_local(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) {
    struct job j = {i}; // #body_j
    pthread_create(&t[i], NULL, run, &j); // #body_spawn
  } // #body_end
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

void for_init_counter(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) // #init_i
    pthread_create(&t[i], NULL, run, &i); // #init_spawn
  for (int k = 0; k < 4; k++)
    pthread_join(t[k], NULL);
}

// ---- Twins: no report. ----

void create_loop_join_loop(int n) {
  pthread_t t[8];
  struct job jobs[8];
  for (int i = 0; i < n; i++) {
    jobs[i].id = i;
    pthread_create(&t[i], NULL, run, &jobs[i]);
  }
  for (int i = 0; i < n; i++) // n == 0: nothing was started either
    pthread_join(t[i], NULL);
}

void other_index_variable(void) {
  pthread_t t[4];
  struct job jobs[4];
  int i, k;
  for (i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, run, &jobs[i]);
  for (k = 0; k < 4; k++)
    pthread_join(t[k], NULL);
}

void while_join_loop(int n) {
  pthread_t t[8];
  struct job jobs[8];
  int i = 0;
  while (i < n) {
    pthread_create(&t[i], NULL, run, &jobs[i]);
    i++;
  }
  while (i > 0) {
    i--;
    pthread_join(t[i], NULL);
  }
}

void joined_in_each_iteration(void) {
  pthread_t tid;
  for (int i = 0; i < 4; i++) {
    struct job j = {i};
    pthread_create(&tid, NULL, run, &j);
    pthread_join(tid, NULL);
  }
}

void heap_per_thread(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) {
    struct job *j = malloc(sizeof *j);
    j->id = i;
    pthread_create(&t[i], NULL, run, j);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

// ---- Expectations. ----
// expected-warning@#body_spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#body_j {{'j' is declared here and dies at the end of this block}}
// expected-note@#body_end {{'j' dies here, at the end of its block, and 't[i]' may not be joined yet}}
// expected-note@#body_spawn {{the thread is started here; join 't[i]' before the memory dies, or hand over heap memory instead}}

// The for-init counter: an escape (it dies with the loop) and the loop-counter
// race; strict mode adds that one 'int' is shared by every thread.
// expected-warning@#init_spawn {{address of local 'i' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#init_i {{'i' is declared here and dies at the end of this block}}
// expected-note@#init_spawn {{'i' dies here, at the end of its block, and 't[i]' may not be joined yet}}
// expected-note@#init_spawn {{the thread is started here; join 't[i]' before the memory dies, or hand over heap memory instead}}
// expected-warning@#init_spawn {{the same address of 'i' is handed to every thread while the loop increments it [sendsync-race]}}
// expected-note@#init_i {{'i' changes here while the threads may read it}}
// expected-note@#init_spawn {{give each thread its own copy: an array element per thread ('ids[i] = i; ... &ids[i]'), or pass the value itself ('(void *)(intptr_t)i')}}
// strict-warning@#init_spawn {{'int' cannot be shared between threads safely [sendsync-not-sync]}}
// strict-note@#init_i {{'i' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by)}}
// strict-note@#init_i {{this loop starts a thread in each iteration and hands the same object to all of them}}
// strict-note@#init_spawn {{required because '&i' (a local of 'for_init_counter') is shared with the thread started here}}
