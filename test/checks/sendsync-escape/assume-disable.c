// Escape hatches: sendsync_assume_send() or sendsync_assume_sync() around the
// argument trusts the site (the programmer vouches that the thread is done
// with the memory in time); disable=sendsync-escape turns the check off, and
// only this check: the loop-counter race of the same spawn is still reported.
//
// RUN: %verify %s
// RUN: %verify=off -fplugin-arg-sendsync-disable=sendsync-escape %s

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>

struct job { int id; };

void use_elsewhere(void *); /* the thread side is unknown: defined in another file */ static void *run(void *arg) { use_elsewhere(arg); return arg; }

void assume_send(void) {
  pthread_t tid;
  struct job j = {1};
  pthread_create(&tid, NULL, run, sendsync_assume_send(&j));
}

void assume_sync(void) {
  pthread_t tid;
  struct job j = {1};
  pthread_create(&tid, NULL, run, sendsync_assume_sync(&j));
}

void not_joined(void) {
  pthread_t tid;
  struct job j = {1}; // #j
  pthread_create(&tid, NULL, run, &j); // #spawn
} // #end
// expected-warning@#spawn {{address of local 'j' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#j {{'j' is declared here and dies at the end of this block}}
// expected-note@#end {{'j' dies here, at the end of its block, and 'tid' may not be joined yet}}
// expected-note@#spawn {{the thread is started here; join 'tid' before the memory dies, or hand over heap memory instead}}

void counter(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) // #i
    pthread_create(&t[i], NULL, run, &i); // #counter
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}
// expected-warning@#counter {{address of local 'i' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#i {{'i' is declared here and dies at the end of this block}}
// expected-note@#counter {{'i' dies here, at the end of its block, and 't[i]' may not be joined yet}}
// expected-note@#counter {{the thread is started here; join 't[i]' before the memory dies, or hand over heap memory instead}}
// expected-warning@#counter {{the same address of 'i' is handed to every thread while the loop increments it [sendsync-race]}}
// expected-note@#i {{'i' changes here while the threads may read it}}
// expected-note@#counter {{give each thread its own copy}}
// off-warning@#counter {{the same address of 'i' is handed to every thread while the loop increments it [sendsync-race]}}
// off-note@#i {{'i' changes here while the threads may read it}}
// off-note@#counter {{give each thread its own copy}}
