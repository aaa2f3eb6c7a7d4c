// The facts file says which functions of other translation units this one
// depends on (references), how many spawn sites it has, and the directory
// its relative file names are relative to (docs/facts.md).
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %t && %clang -fsyntax-only %s -fplugin=%plugin -fplugin-arg-sendsync-facts=%t/refs.facts
// RUN: python3 -c "import json,sys,os; d=json.load(open(sys.argv[1])); \
// RUN:   r=d['references']; assert r == ['helper_elsewhere', 'start_worker', 'worker_main'], r; \
// RUN:   assert d['spawn_sites'] == 1, d.get('spawn_sites'); \
// RUN:   assert os.path.samefile(d['directory'], sys.argv[2]), d['directory']" %t/refs.facts %t
//
// A unit with no spawn site leaves `spawn_sites` out, and one that calls
// nothing of another unit has an empty `references`.
// RUN: cd %t && %clang -fsyntax-only -DQUIET %s -fplugin=%plugin -fplugin-arg-sendsync-facts=%t/quiet.facts
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   assert d['references'] == [], d['references']; \
// RUN:   assert 'spawn_sites' not in d, d" %t/quiet.facts

#include <pthread.h>
#include <stdio.h>

#ifndef QUIET
extern void *worker_main(void *);
extern int start_worker(pthread_t *, void *(*)(void *), void *);
extern void helper_elsewhere(int *);

static int x;

static void local_helper(void) { puts("defined here: not a reference"); }

int run(void) {
  pthread_t t;
  local_helper();
  helper_elsewhere(&x);
  start_worker(&t, worker_main, &x);
  pthread_create(&t, 0, worker_main, &x);
  return pthread_join(t, 0);
}
#else
int run(void) { return puts("nothing threaded"); }
#endif
