// The entry reads its void * argument as another type than the one passed
// (issue 3: "report both types and both locations"). The entry is followed
// through casts of the entry, inferred wrappers, and the helpers of this
// translation unit it forwards its parameter to. The passed type is the
// argument's type before the conversion to void *, through casts and local
// pointer variables.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-disable=sendsync-arg-type %s 2>&1 | count 0

#include <pthread.h>
#include <stdlib.h>
#include <threads.h>

struct job { int id; };
struct config { const int level; };

static void *run_config(void *arg) {
  const struct config *c = arg; // #conv_config
  return (void *)c;
}

static void *run_job(void *arg) {
  struct job *j = (struct job *)arg; // #conv_job
  return j;
}

static void read_config(void *p) {
  const struct config *c = p; // #conv_helper
  (void)c;
}
static void *run_via_helper(void *arg) {
  read_config(arg);
  return NULL;
}

static int c11_run(void *arg) {
  struct config *c = arg; // #conv_c11
  return c->level;
}

static pthread_t worker;
static int start_worker(void *(*fn)(void *), void *arg) {
  return pthread_create(&worker, NULL, fn, arg);
}

struct config global_config = {1};

void basic(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  pthread_create(&t, NULL, run_config, j); // #basic
  pthread_join(t, NULL);
  free(j);
}
// expected-warning@#basic {{thread entry 'run_config' reads its argument as 'const struct config *', but 'struct job *' is passed here [sendsync-arg-type]}}
// expected-note@#conv_config {{'run_config' converts its parameter 'arg' to 'const struct config *' here}}
// expected-note@#basic {{the thread started here runs 'run_config'}}

// The other way round, through an explicit (void *) cast of the argument
// and an explicit cast in the entry.
void casts(void) {
  pthread_t t;
  pthread_create(&t, NULL, run_job, (void *)&global_config); // #casts
  pthread_join(t, NULL);
}
// expected-warning@#casts {{thread entry 'run_job' reads its argument as 'struct job *', but 'struct config *' is passed here [sendsync-arg-type]}}
// expected-note@#conv_job {{'run_job' converts its parameter 'arg' to 'struct job *' here}}
// expected-note@#casts {{the thread started here runs 'run_job'}}

// The entry itself cast to the spawn's function type.
void entry_cast(void) {
  pthread_t t;
  struct job j = {0};
  pthread_create(&t, NULL, (void *(*)(void *))run_config, &j); // #entry_cast
  pthread_join(t, NULL);
}
// expected-warning@#entry_cast {{thread entry 'run_config' reads its argument as 'const struct config *', but 'struct job *' is passed here [sendsync-arg-type]}}
// expected-note@#conv_config {{'run_config' converts its parameter 'arg' to 'const struct config *' here}}
// expected-note@#entry_cast {{the thread started here runs 'run_config'}}

// A helper the entry forwards its parameter to does the conversion.
void helper(void) {
  pthread_t t;
  struct job j = {0};
  pthread_create(&t, NULL, run_via_helper, &j); // #helper
  pthread_join(t, NULL);
}
// expected-warning@#helper {{thread entry 'run_via_helper' reads its argument as 'const struct config *', but 'struct job *' is passed here [sendsync-arg-type]}}
// expected-note@#conv_helper {{'read_config' (called by 'run_via_helper') converts its parameter 'p' to 'const struct config *' here}}
// expected-note@#helper {{the thread started here runs 'run_via_helper'}}

// Through an inferred wrapper: reported at the wrapper's caller.
void wrapper(void) {
  struct job j = {0};
  start_worker(run_config, &j); // #wrapper
  pthread_join(worker, NULL);
}
// expected-warning@#wrapper {{thread entry 'run_config' reads its argument as 'const struct config *', but 'struct job *' is passed here [sendsync-arg-type]}}
// expected-note@#conv_config {{'run_config' converts its parameter 'arg' to 'const struct config *' here}}
// expected-note@#wrapper {{the thread started here runs 'run_config'}}

// C11 threads too.
void c11(void) {
  thrd_t t;
  struct job j = {0};
  thrd_create(&t, c11_run, &j); // #c11
  thrd_join(t, NULL);
}
// expected-warning@#c11 {{thread entry 'c11_run' reads its argument as 'struct config *', but 'struct job *' is passed here [sendsync-arg-type]}}
// expected-note@#conv_c11 {{'c11_run' converts its parameter 'arg' to 'struct config *' here}}
// expected-note@#c11 {{the thread started here runs 'c11_run'}}
