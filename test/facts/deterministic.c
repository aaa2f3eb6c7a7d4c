// The facts file is deterministic: two compiles write the same bytes, at
// -O0 and -O2 alike (nothing in it depends on addresses, on the order of
// hash tables or on time), and writing over an existing file replaces it.
//
// RUN: rm -rf %t && mkdir %t
// RUN: %clang -c -O0 %s -o %t/a.o -fplugin=%plugin -I %annotations -fplugin-arg-sendsync-facts=%t/a.facts
// RUN: %clang -c -O2 %s -o %t/b.o -fplugin=%plugin -I %annotations -fplugin-arg-sendsync-facts=%t/b.facts
// RUN: diff %t/a.facts %t/b.facts
// RUN: %clang -c -O0 %s -o %t/a.o -fplugin=%plugin -I %annotations -fplugin-arg-sendsync-facts=%t/a.facts
// RUN: diff %t/a.facts %t/b.facts
// No temporary is left beside the file.
// RUN: ls %t | FileCheck %s --check-prefix=FILES --implicit-check-not=tmp
// FILES: a.facts
// FILES: b.facts
// The globals of a thread are listed by name; so are the functions.
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   g=[x['name'] for x in d['thread_entries']['worker']['globals']]; \
// RUN:   assert g == ['alpha', 'mid', 'zeta'], g; \
// RUN:   assert sorted(d['functions']) == ['go', 'start_a', 'start_b'], list(d['functions'])" %t/a.facts

#include <pthread.h>
#include <stddef.h>

int zeta, alpha;
static int mid;

static void *worker(void *arg) {
  (void)arg;
  zeta = 1;
  alpha = 2;
  mid = 3;
  return NULL;
}

int start_b(pthread_t *t, void *arg) {
  return pthread_create(t, NULL, worker, arg);
}
int start_a(pthread_t *t, void *arg) {
  return pthread_create(t, NULL, worker, arg);
}
void go(void) {
  pthread_t t;
  start_a(&t, NULL);
  pthread_join(t, NULL);
}
