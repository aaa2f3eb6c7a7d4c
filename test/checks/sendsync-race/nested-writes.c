// A write nested inside a larger expression ('k = n++', 'use(n++)') is a
// write too. A regression test: only writes that were statements of their
// own were once seen.
//
// RUN: %verify %s

#include <pthread.h>
#include <stddef.h>

static void *run(void *arg) { return arg; }
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
