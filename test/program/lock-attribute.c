// A lock function of another unit, declared here with clang's
// acquire_capability / release_capability, stays a lock function when the
// program database has its summary: the declaration wins (docs/rules.md
// §6.9), as without the database. Its summary need not say what it takes:
// Open vSwitch's ovs_mutex_lock_at locks `&l->lock` through a local copy
// `l` of its const parameter, so its facts name no lock (as below), and
// with the database every access under ovs_mutex_lock lost its lock set.
// Here that made the spawner's locked increment a use after send.
//
// RUN: rm -rf %t && mkdir %t
// RUN: printf '%%s' '{"format":"sendsync-program","version":1,"functions":{ \
// RUN:   "mu_lock":{"at":"lock.c:3","summary":{"params":[{"index":0,"name":"m","uses":[]}]}}, \
// RUN:   "mu_unlock":{"at":"lock.c:9","summary":{"params":[{"index":0,"name":"m","uses":[]}]}}}}' > %t/program.db
// RUN: %verify %s -fplugin-arg-sendsync-program=%t/program.db
// RUN: %verify %s -fplugin-arg-sendsync-program=%t/program.db -fplugin-arg-sendsync-strict
// RUN: %verify %s
// expected-no-diagnostics

#include <pthread.h>
#include <stdlib.h>

struct __attribute__((capability("mutex"))) mu { pthread_mutex_t m; };
void mu_lock(struct mu *m) __attribute__((acquire_capability(m)));
void mu_unlock(struct mu *m) __attribute__((release_capability(m)));

struct work { struct mu mu; int n; };

static void *worker(void *arg) {
  struct work *w = arg;
  mu_lock(&w->mu);
  w->n++;
  mu_unlock(&w->mu);
  return NULL;
}

int run(void) {
  struct work *w = calloc(1, sizeof *w);
  pthread_t t;
  if (!w || pthread_create(&t, NULL, worker, w))
    return 1;
  mu_lock(&w->mu);
  w->n++;
  mu_unlock(&w->mu);
  pthread_join(t, NULL);
  free(w);
  return 0;
}
