// A write nested inside a larger expression ('k = n++', 'use(n++)') is a
// write too. A regression test: only writes that were statements of their
// own were once seen.
//
// RUN: %verify %s

#include <pthread.h>
#include <stddef.h>

void use_elsewhere(void *); /* the thread side is unknown: defined in another file */ static void *run(void *arg) { use_elsewhere(arg); return arg; }
int use(int);

void nested(void) {
  pthread_t tid;
  int n = 0;
  pthread_create(&tid, NULL, run, &n); // #spawn
  use(n++); // #write
  pthread_join(tid, NULL);
}
// expected-warning@#write {{the spawner increments 'n' while a thread it was lent to may still use it [sendsync-race]}}
// expected-note@#spawn {{'n' is lent to the thread started here}}
// expected-note@#spawn {{join 'tid' first}}
