// The classic (docs/rules.md §3): the address of the loop counter goes to every
// thread while the loop increments (or decrements) it. The report has its
// own message, a note at the increment, and a hint: give each thread its
// own copy. Twins: one element per thread, and the value itself.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict %s

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

void use_elsewhere(void *); /* the thread side is unknown: defined in another file */ static void *run(void *arg) { use_elsewhere(arg); return arg; }

void counter(void) {
  pthread_t t[4];
  int i; // #up_i
  for (i = 0; i < 4; i++) // #up_loop
    pthread_create(&t[i], NULL, run, &i); // #up_spawn
  for (i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}
// expected-warning@#up_spawn {{the same address of 'i' is handed to every thread while the loop increments it [sendsync-race]}}
// expected-note@#up_loop {{'i' changes here while the threads may read it}}
// expected-note@#up_spawn {{give each thread its own copy: an array element per thread ('ids[i] = i; ... &ids[i]'), or pass the value itself ('(void *)(intptr_t)i')}}
// Shared by every thread: strict mode also asks for Sync of the 'int'.
// strict-warning@#up_spawn {{'int' cannot be shared between threads safely [sendsync-not-sync]}}
// strict-note@#up_i {{'i' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by)}}
// strict-note@#up_loop {{this loop starts a thread in each iteration and hands the same object to all of them}}
// strict-note@#up_spawn {{required because '&i' (a local of 'counter') is shared with the thread started here}}

void counting_down(void) {
  pthread_t t[4];
  int i; // #down_i
  for (i = 3; i >= 0; i--) // #down_loop
    pthread_create(&t[i], NULL, run, &i); // #down_spawn
  for (int k = 0; k < 4; k++)
    pthread_join(t[k], NULL);
}
// expected-warning@#down_spawn {{the same address of 'i' is handed to every thread while the loop decrements it [sendsync-race]}}
// expected-note@#down_loop {{'i' changes here while the threads may read it}}
// expected-note@#down_spawn {{give each thread its own copy}}
// strict-warning@#down_spawn {{'int' cannot be shared between threads safely [sendsync-not-sync]}}
// strict-note@#down_i {{'i' holds a mutable 'int'}}
// strict-note@#down_loop {{this loop starts a thread in each iteration and hands the same object to all of them}}
// strict-note@#down_spawn {{required because '&i' (a local of 'counting_down') is shared with the thread started here}}

// ---- Twins: no report, in strict mode too. ----

void element_per_thread(void) {
  pthread_t t[4];
  int ids[4];
  for (int i = 0; i < 4; i++) {
    ids[i] = i;
    pthread_create(&t[i], NULL, run, &ids[i]);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

void value_itself(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, run, (void *)(intptr_t)i);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

// A while or do loop steps its counter in its body or its condition: the
// same report and hint as the for loop.
void while_counter(void) {
  pthread_t t[4];
  int i = 0; // #while_i
  while (i < 4) { // #while_loop
    pthread_create(&t[i], NULL, run, &i); // #while_spawn
    i++; // #while_step
  }
  for (int k = 0; k < 4; k++)
    pthread_join(t[k], NULL);
}
// expected-warning@#while_spawn {{the same address of 'i' is handed to every thread while the loop increments it [sendsync-race]}}
// expected-note@#while_step {{'i' changes here while the threads may read it}}
// expected-note@#while_spawn {{give each thread its own copy: an array element per thread ('ids[i] = i; ... &ids[i]'), or pass the value itself ('(void *)(intptr_t)i')}}
// strict-warning@#while_spawn {{'int' cannot be shared between threads safely [sendsync-not-sync]}}
// strict-note@#while_i {{'i' holds a mutable 'int'}}
// strict-note@#while_loop {{this loop starts a thread in each iteration and hands the same object to all of them}}
// strict-note@#while_spawn {{required because '&i' (a local of 'while_counter') is shared with the thread started here}}

void do_counter(void) {
  pthread_t t[4];
  int i = 4; // #do_i
  do // #do_loop
    pthread_create(&t[i - 1], NULL, run, &i); // #do_spawn
  while (--i > 0); // #do_step
  for (int k = 0; k < 4; k++)
    pthread_join(t[k], NULL);
}
// expected-warning@#do_spawn {{the same address of 'i' is handed to every thread while the loop decrements it [sendsync-race]}}
// expected-note@#do_step {{'i' changes here while the threads may read it}}
// expected-note@#do_spawn {{give each thread its own copy}}
// strict-warning@#do_spawn {{'int' cannot be shared between threads safely [sendsync-not-sync]}}
// strict-note@#do_i {{'i' holds a mutable 'int'}}
// strict-note@#do_loop {{this loop starts a thread in each iteration and hands the same object to all of them}}
// strict-note@#do_spawn {{required because '&i' (a local of 'do_counter') is shared with the thread started here}}
