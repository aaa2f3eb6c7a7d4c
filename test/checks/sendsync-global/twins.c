// The nearest correct code of sendsync-global, silent in strict mode: the
// usual ways to make a global Sync (const, _Atomic, C11 atomics, a lock,
// guarded_by), thread-locals (one per thread), sizeof (reads nothing),
// globals used only by the spawner, and the globals of system headers (the
// library's contract: stdout, environ). Strict is decided at the use: a use
// inside a lenient header is not reported when only the .c file is strict.
//
// RUN: %verify -fplugin-arg-sendsync-strict -isystem %S/Inputs/system -I %S/Inputs %s
// RUN: %verify -DSTRICT_FILE -isystem %S/Inputs/system -I %S/Inputs %s
// The same use is reported once the whole build is strict:
// RUN: %sendsync -fplugin-arg-sendsync-strict -DSTRICT_FILE -isystem %S/Inputs/system -I %S/Inputs %s 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
// CHECK: lenient-helpers.h:3:{{[0-9]+}}: warning: global 'header_counter' is used by a thread but is not Sync [sendsync-global]
// expected-no-diagnostics

#include <pthread.h>
#include <sendsync.h>
#include <stdatomic.h>
#include <stdio.h>
#include <fake-libc.h>
#include "lenient-helpers.h"
#ifdef STRICT_FILE
SS_STRICT_FILE;
#endif

struct limits { const int max; const char *const name SS_STATIC; };

const int max_jobs = 8;
const struct limits limits = {4, "x"};
const char *const program SS_STATIC = "prog";
_Atomic long total;
atomic_int running;
pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
long guarded_total __attribute__((guarded_by(mu)));
_Thread_local int scratch;
int spawner_only;
struct big { int cells[64]; } big_table;

static long add(long n) {
  pthread_mutex_lock(&mu);
  guarded_total += n;
  pthread_mutex_unlock(&mu);
  return atomic_fetch_add(&total, n);
}

static void *worker(void *arg) {
  (void)arg;
  scratch = max_jobs + limits.max;
  atomic_fetch_add(&running, 1);
  add(scratch + (long)sizeof big_table);
  fputs(program, stdout);
  (void)lib_errno_like;
  (void)lib_environ_like;
#ifdef STRICT_FILE
  header_bump(); // the use is in a lenient header
#endif
  return NULL;
}

int header_counter;

void start(void) {
  pthread_t t;
  spawner_only = 1;
  pthread_create(&t, NULL, worker, NULL);
  pthread_join(t, NULL);
  spawner_only = 2;
}
