// Strict mode reports a read of a handed-over heap object whose type is not
// Sync (issue 4, sendsync-use-after-send). A regression test: reads were once
// never recorded, because the CFG did not list sub-expressions.
//
// RUN: %verify -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-unknown %s

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

struct job { int id; };

void use_elsewhere(void *); /* the thread side is unknown: defined in another file */
static void *keep(void *arg) { use_elsewhere(arg); return arg; }

void read_after(void) {
  pthread_t tid;
  struct job *j = malloc(sizeof *j);
  pthread_create(&tid, NULL, keep, j); // #spawn
  printf("%d\n", j->id); // #read
  pthread_join(tid, NULL);
  free(j);
}
// expected-warning@#read {{the spawner reads 'j' after handing it over to another thread, and 'struct job' is not Sync [sendsync-use-after-send]}}
// expected-note-re@#spawn {{'j' (heap memory from malloc at reads-strict.c:{{[0-9]+}}) is handed over to the thread started here}}
// expected-note@#spawn {{join 'tid' first, or leave the object to the thread}}
