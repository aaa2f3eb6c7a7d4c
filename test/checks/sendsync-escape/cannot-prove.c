// Strict mode only: "cannot prove". When the thread's handle cannot be
// followed (it is stored behind a call's result, say), default mode stays
// silent, as it does for everything it cannot see; strict mode reports that
// the join could not be proven, and says how to make it provable.
//
// RUN: %verify=default %s
// RUN: %verify=strict -fplugin-arg-sendsync-strict %s
// A file with SS_STRICT_FILE is strict without the plugin argument.
// RUN: %verify=strict -DSTRICT_FILE %s

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>

#ifdef STRICT_FILE
SS_STRICT_FILE;
#endif

struct job { int id; };
// default-no-diagnostics

static void *run(void *arg) { return arg; }
pthread_t *slot(int i);

void handle_in_a_table(void) {
  struct job j = {1}; // #slot_j
  pthread_create(slot(0), NULL, run, &j); // #slot_spawn
  pthread_join(*slot(0), NULL);
}
// strict-warning@#slot_spawn {{cannot prove that the thread started here is joined before local 'j' dies [sendsync-escape]}}
// strict-note@#slot_j {{'j' is declared here and dies at the end of this block}}
// strict-note@#slot_spawn {{the thread's handle cannot be followed from here; join it in this function, or mark your join function's parameter SS_THREAD_JOIN}}
// strict-note@#slot_spawn {{the thread is started here; join the thread's handle before the memory dies, or hand over heap memory instead}}

// Twin: a handle variable the plugin can follow.
void handle_in_a_variable(void) {
  struct job j = {1};
  pthread_t *t = slot(0);
  pthread_create(t, NULL, run, &j);
  pthread_join(*t, NULL);
}
