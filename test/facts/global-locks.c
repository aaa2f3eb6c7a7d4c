// Each global in "globals" has the locks held at every use of it (issue 14,
// item 1; docs/facts.md, "globals"): held in the function that uses it, or
// at every call that leads there. Only global locks are listed (a global
// mutex, or one in a global's fields); a lock a helper takes through its
// parameter counts when every call hands it the same global lock. Taking a lock (&lock, &state.mu) is
// no use the lock guards. "locks_unknown": code whose effect is not known
// got a lock on the way, so "not held" may be wrong.
//
// RUN: rm -f %t.facts
// RUN: %sendsync %s -fplugin-arg-sendsync-facts=%t.facts
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); f=d['functions']; \
// RUN:   [print(n, g['name'], json.dumps(g.get('locks'), sort_keys=True), g.get('locks_unknown', False)) \
// RUN:    for n in sorted(f) for g in f[n].get('globals', [])]" %t.facts \
// RUN:   | FileCheck %s --match-full-lines
//
// Under `lock` in the entry, and in a helper called with it held.
// CHECK: entry deep [{"global": "lock"}] False
// CHECK-NEXT: entry guarded [{"global": "lock"}] False
// Once under `lock`, once not.
// CHECK-NEXT: entry half null False
// CHECK-NEXT: entry in_state [{"fields": ["mu"], "global": "state", "record": "struct guarded_state"}] False
// CHECK-NEXT: entry lock null False
// CHECK-NEXT: entry state [{"fields": ["mu"], "global": "state", "record": "struct guarded_state"}] False
// A helper called with `lock` held, and again without it.
// CHECK-NEXT: entry two_paths null False
// A lock taken through a parameter: the one every call hands it, if the
// same; two different locks guard nothing in common.
// CHECK-NEXT: entry_param by_param [{"global": "lock"}] False
// CHECK-NEXT: entry_param lock null False
// CHECK-NEXT: entry_two_locks by_two null False
// CHECK-NEXT: entry_two_locks lock null False
// CHECK-NEXT: entry_two_locks other_lock null False
// CHECK-NEXT: entry_unknown lock null False
// CHECK-NEXT: entry_unknown shaky null True
// CHECK-NEXT: entry_unlocked shaky null False
// CHECK-NOT: {{.}}

#include <pthread.h>

pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
struct guarded_state {
  pthread_mutex_t mu;
  int n;
} state = {PTHREAD_MUTEX_INITIALIZER, 0};

pthread_mutex_t other_lock = PTHREAD_MUTEX_INITIALIZER;

int guarded, half, deep, two_paths, in_state, shaky, by_param, by_two;

static void helper_locked(void) { deep = 1; }
static void helper_twice(void) { two_paths++; }

void *entry(void *arg) {
  pthread_mutex_lock(&lock);
  guarded = 1;
  half = 1;
  helper_locked();
  helper_twice();
  pthread_mutex_unlock(&lock);
  half = 2;
  helper_twice();
  pthread_mutex_lock(&state.mu);
  in_state++;
  state.n++;
  pthread_mutex_unlock(&state.mu);
  return arg;
}

void other_unit_lock(pthread_mutex_t *m);

void *entry_unknown(void *arg) {
  other_unit_lock(&lock);
  shaky = 1;
  return arg;
}

// The twin: no lock handed anywhere, nothing unknown.
void *entry_unlocked(void *arg) {
  shaky = 2;
  return arg;
}

static void locked_by_param(pthread_mutex_t *m) {
  pthread_mutex_lock(m);
  by_param = 1;
  pthread_mutex_unlock(m);
}

void entry_param(void) { locked_by_param(&lock); }

static void locked_by_either(pthread_mutex_t *m) {
  pthread_mutex_lock(m);
  by_two = 1;
  pthread_mutex_unlock(m);
}

void entry_two_locks(void) {
  locked_by_either(&lock);
  locked_by_either(&other_lock);
}
