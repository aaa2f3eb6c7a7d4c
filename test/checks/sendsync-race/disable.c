// sendsync_assume_sync() trusts the site; disable=sendsync-race turns the
// check off, and only this check (the escape of the same spawn stays).
//
// RUN: %verify %s
// RUN: %verify=off -fplugin-arg-sendsync-disable=sendsync-race %s

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>

void use_elsewhere(void *); /* the thread side is unknown: defined in another file */ static void *run(void *arg) { use_elsewhere(arg); return arg; }

void assumed(void) {
  pthread_t tid;
  int n = 0;
  pthread_create(&tid, NULL, run, sendsync_assume_sync(&n));
  n = 1;
  pthread_join(tid, NULL);
}

void counter(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) // #i
    pthread_create(&t[i], NULL, run, &i); // #counter
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}
// expected-warning@#counter {{the same address of 'i' is handed to every thread while the loop increments it [sendsync-race]}}
// expected-note@#i {{'i' changes here while the threads may read it}}
// expected-note@#counter {{give each thread its own copy}}
// expected-warning@#counter {{address of local 'i' escapes to a thread that may outlive it [sendsync-escape]}}
// expected-note@#i {{'i' is declared here and dies at the end of this block}}
// expected-note@#counter {{'i' dies here, at the end of its block, and 't[i]' may not be joined yet}}
// expected-note@#counter {{the thread is started here; join 't[i]' before the memory dies, or hand over heap memory instead}}
// off-warning@#counter {{address of local 'i' escapes to a thread that may outlive it [sendsync-escape]}}
// off-note@#i {{'i' is declared here and dies at the end of this block}}
// off-note@#counter {{'i' dies here, at the end of its block, and 't[i]' may not be joined yet}}
// off-note@#counter {{the thread is started here; join 't[i]' before the memory dies, or hand over heap memory instead}}
