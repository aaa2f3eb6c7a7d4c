// For &p->f where p is a local pointer variable, the pointee is the member
// ('struct part'), not what p points to ('struct job'): the type written
// before the conversion to void * wins. sendsync-arg-type stays quiet for an
// entry that reads a 'struct part *' (a regression test).
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>
#include <stdlib.h>

struct part { int n; };
struct job { int id; struct part part; };

static void *run(void *arg) {
  struct part *p = arg;
  p->n++;
  return NULL;
}

void arrow_member(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  // CHECK: spawn arrow-member-local-pointer.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&j->part storage=heap through=j pointee='struct part' requires=Send handle=&t
  pthread_create(&t, NULL, run, &j->part);
  pthread_join(t, NULL);
  free(j);
}
