// The per-TU facts file (docs/facts.md): an external spawn wrapper, an
// external join helper, a thread entry that touches globals, and a static
// function, which is not listed (only functions with external linkage are;
// the static entry is listed among the thread entries, marked static).
//
// RUN: rm -f %t.facts
// RUN: %clang -c %s -o %t.o -fplugin=%plugin -I %annotations -fplugin-arg-sendsync-facts=%t.facts
// The file is one line of compact JSON.
// RUN: wc -l < %t.facts | FileCheck %s --check-prefix=LINES
// LINES: {{^ *}}1{{$}}
// RUN: python3 -m json.tool --sort-keys %t.facts | FileCheck %s
// Exactly the external definitions: not the static ones, not the inline
// definitions that emit no symbol, not pthread.h's extern inlines.
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   f=sorted(d['functions']); assert f == ['emitted_inline', 'finish_job', 'start_job'], f; \
// RUN:   e=sorted(d['thread_entries']); assert e == ['worker'], e" %t.facts
//
// CHECK:      "format": "sendsync-facts",
// CHECK-NEXT: "functions": {
// CHECK-NEXT:   "emitted_inline": {
// CHECK:        "finish_job": {
// CHECK-NEXT:     "at": "{{.*}}basic.c:[[@LINE+91]]",
// CHECK-NEXT:     "join_helper": {
// CHECK-NEXT:       "param": 0
// CHECK-NEXT:     },
// CHECK-NEXT:     "summary": {
// CHECK-NEXT:       "params": []
// CHECK-NEXT:     }
// CHECK-NEXT:   },
// CHECK-NEXT:   "start_job": {
// CHECK-NEXT:     "at": "{{.*}}basic.c:[[@LINE+77]]",
// CHECK-NEXT:     "spawn_wrapper": {
// CHECK-NEXT:       "arg_param": 1,
// CHECK-NEXT:       "at": "{{.*}}basic.c:[[@LINE+76]]",
// CHECK-NEXT:       "entry": "worker",
// CHECK-NEXT:       "handle": "param",
// CHECK-NEXT:       "handle_param": 0
// CHECK-NEXT:     },
// CHECK:              "index": 1,
// CHECK-NEXT:         "name": "j",
// CHECK-NEXT:         "uses": [
// CHECK-NEXT:           {
// CHECK-NEXT:             "at": "{{.*}}basic.c:[[@LINE+63]]",
// CHECK-NEXT:             "kind": "write",
// CHECK-NEXT:             "part": {
// CHECK-NEXT:               "fields": [
// CHECK-NEXT:                 "done"
// CHECK-NEXT:               ],
// CHECK-NEXT:               "record": "struct job"
// CHECK:      "thread_entries": {
// CHECK-NEXT:   "worker": {
// CHECK-NEXT:     "at": "{{.*}}basic.c:[[@LINE+44]]",
// CHECK-NEXT:     "globals": [
// CHECK-NEXT:       {
// CHECK-NEXT:         "at": "{{.*}}basic.c:[[@LINE+46]]",
// CHECK-NEXT:         "name": "counter",
// CHECK-NEXT:         "write": true
// CHECK-NEXT:       },
// CHECK-NEXT:       {
// CHECK-NEXT:         "at": "{{.*}}basic.c:[[@LINE+34]]",
// CHECK-NEXT:         "name": "hidden",
// CHECK-NEXT:         "static": true,
// CHECK-NEXT:         "via": "bump_hidden",
// CHECK-NEXT:         "write": true
// CHECK-NEXT:       }
// CHECK-NEXT:     ],
// CHECK-NEXT:     "static": true,
// CHECK-NEXT:     "summary": {
// CHECK:                "kind": "write",
// CHECK:                "locks": [
// CHECK-NEXT:             {
// CHECK-NEXT:               "fields": [
// CHECK-NEXT:                 "mu"
// CHECK-NEXT:               ],
// CHECK-NEXT:               "in_pointee": true,
// CHECK-NEXT:               "param": 0,
// CHECK-NEXT:               "record": "struct job"
// CHECK:      "translation_unit": "{{.*}}basic.c",
// CHECK-NEXT: "version": 1
// CHECK-NEXT: }

#include <pthread.h>
#include <stddef.h>

struct job {
  pthread_mutex_t mu;
  int n;
  int done;
};

int counter;
static int hidden;

static void bump_hidden(void) { hidden++; }

static void *worker(void *arg) {
  struct job *j = arg;
  pthread_mutex_lock(&j->mu);
  j->n++;
  pthread_mutex_unlock(&j->mu);
  counter++;
  bump_hidden();
  return NULL;
}

static void helper(struct job *j) { j->done = 1; }

int start_job(pthread_t *t, struct job *j) {
  helper(j);
  return pthread_create(t, NULL, worker, j);
}

void finish_job(pthread_t t) { pthread_join(t, NULL); }

// Inline definitions that emit no symbol are not external definitions.
inline int plain_inline(int x) { return x + 1; }
extern inline __attribute__((gnu_inline)) int gnu_inline(int x) { return x; }
// An inline function with an external declaration is emitted here.
inline int emitted_inline(int x) { return x * 2; }
extern int emitted_inline(int x);
