// dump-spawns prints the thread's side of a site (docs/rules.md §6.1): what
// the entry does to what it is given, from its access summary, as
// thread=<use>,<use>... in the dump-summaries format. An entry that does
// nothing with its argument prints no thread field.
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>
#include <stddef.h>

struct box {
  pthread_mutex_t mu;
  int value;
};

static void *store(void *arg) {
  struct box *b = arg;
  pthread_mutex_lock(&b->mu);
  b->value = 1; // #store
  pthread_mutex_unlock(&b->mu);
  return NULL;
}

void log_box(struct box *b);
static void *logs(void *arg) {
  log_box(arg); // #logs
  return NULL;
}

static void *nothing(void *arg) { return arg; }

static struct box g_box = {PTHREAD_MUTEX_INITIALIZER, 0};

void start(void) {
  pthread_t a, b, c;
  // CHECK: spawn thread-side.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=store {{.*}} thread=write:value@20[arg->mu]{{$}}
  pthread_create(&a, NULL, store, &g_box);
  // CHECK: spawn thread-side.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=logs {{.*}} thread=unknown@27{{$}}
  pthread_create(&b, NULL, logs, &g_box);
  // CHECK: spawn thread-side.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=nothing {{.*}}requires=Sync handle=&c{{$}}
  pthread_create(&c, NULL, nothing, &g_box);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_join(c, NULL);
}
