// Markers win over what the program database infers about a function of
// another unit; a database fact that says otherwise than a marker is a
// sendsync-annotation warning (docs/rules.md §6.6).
//
// RUN: rm -rf %t && mkdir %t
// RUN: printf '%%s' '{"format":"sendsync-program","version":1,"functions":{ \
// RUN:   "start_agreed":{"at":"lib.c:3","spawn_wrapper":{"arg_param":2,"entry_param":1,"handle":"param","handle_param":0}}, \
// RUN:   "start_other":{"at":"lib.c:9","spawn_wrapper":{"arg_param":1,"entry_param":0,"handle":"never_joined"}}, \
// RUN:   "finish":{"at":"lib.c:15","join_helper":{"param":0}}, \
// RUN:   "unmarked":{"at":"lib.c:20","spawn_wrapper":{"arg_param":0,"entry_param":1,"handle":"joined"}}}}' > %t/program.db
// RUN: %verify %s -fplugin-arg-sendsync-program=%t/program.db -fplugin-arg-sendsync-dump-spawns | FileCheck %s
//
// The marked parameters are used, not the database's:
// CHECK-DAG: via=start_agreed(marked)
// CHECK-DAG: via=start_other(marked)
// CHECK-DAG: via=unmarked(program)
//
// Without the database nothing contradicts the markers, and the unmarked
// function starts no thread that this unit can see.
// RUN: %sendsync %s -I %annotations -fplugin-arg-sendsync-dump-spawns 2>&1 | FileCheck %s --check-prefix=ALONE
// ALONE-NOT: warning
// ALONE-NOT: via=unmarked

#include "sendsync.h"
#include <pthread.h>
#include <stdlib.h>

// Agrees with the database: no warning.
int start_agreed(pthread_t *t SS_THREAD_JOIN, void *(*fn)(void *) SS_THREAD_ENTRY,
                 void *arg SS_THREAD_ARG);

// The database says parameter 2 is the argument.
// expected-warning@+2 {{the markers on 'start_other' say it starts a thread with parameter 3 as the argument, but its definition starts a thread with parameter 2 as the argument; the markers are used}}
// expected-note@+1 {{fix the markers, or remove them}}
int start_other(void *(*fn)(void *) SS_THREAD_ENTRY, void *unused,
                void *arg SS_THREAD_ARG);

// The database says it joins its first parameter.
void finish(int flags, pthread_t t SS_THREAD_JOIN); // expected-warning {{the markers on 'finish' say it joins the thread of parameter 2, but its definition joins the thread of parameter 1; the markers are used}} expected-note {{fix the markers, or remove them}}

int unmarked(void *arg, void *(*fn)(void *));

static void *work(void *arg) {
  free(arg);
  return NULL;
}

void run(void) {
  pthread_t t;
  start_agreed(&t, work, malloc(1));
  start_other(work, NULL, malloc(1));
  finish(0, t);
  unmarked(malloc(1), work);
}
