// One rule for "one object per element" (docs/rules.md §2): a part of an
// array element (&a[i].part) is a different object per element, in a
// creation loop exactly as across two spawn sites. Before the two predicates
// in SpawnSites were merged, the loop rule stopped at the member and called
// &slots[i].result one object shared by every thread (shared=loop), while the
// rule across sites already told &slots[0].result and &slots[1].result apart.
//
// The twins that share are data races too; sendsync-race's own tests
// (test/checks/sendsync-race/thread-vs-thread.c) report them, this one pins
// the facts.
// RUN: %verify -fplugin-arg-sendsync-disable=sendsync-race -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>

struct slot {
  int input;
  long result;
};

static void *work(void *arg) {
  long *out = arg;
  *out = 42;
  return NULL;
}

void part_of_each_element_in_loop(void) {
  pthread_t t[4];
  struct slot slots[4];
  for (int i = 0; i < 4; i++)
    // CHECK: spawn per-element-member.c:[[@LINE+1]]:5 via=pthread_create(builtin) entry=work arg=&slots[i].result storage=stack object=slots pointee=long requires=Send handle=&t[i] scope=joined
    pthread_create(&t[i], NULL, work, &slots[i].result);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

// The nearest twin that does share: the same element's part in every
// iteration is one object, handed to every thread.
void same_part_in_loop(void) {
  pthread_t t[4];
  struct slot slots[4];
  for (int i = 0; i < 4; i++)
    // CHECK: spawn per-element-member.c:[[@LINE+1]]:5 via=pthread_create(builtin) entry=work arg=&slots[0].result storage=stack object=slots pointee=long shared=loop requires=Sync handle=&t[i] scope=joined
    pthread_create(&t[i], NULL, work, &slots[0].result);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

// Across sites: one constant element handed to two threads is one object
// (shared=sites); two different elements are two objects.
void same_element_to_two_threads(void) {
  pthread_t a, b;
  struct slot slots[2];
  // CHECK: spawn per-element-member.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=work arg=&slots[0].result storage=stack object=slots pointee=long shared=sites requires=Sync handle=&a scope=joined
  pthread_create(&a, NULL, work, &slots[0].result);
  // CHECK: spawn per-element-member.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=work arg=&slots[0].result storage=stack object=slots pointee=long shared=sites requires=Sync handle=&b scope=joined
  pthread_create(&b, NULL, work, &slots[0].result);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}

void two_elements_to_two_threads(void) {
  pthread_t a, b;
  struct slot slots[2];
  // CHECK: spawn per-element-member.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=work arg=&slots[0].result storage=stack object=slots pointee=long requires=Send handle=&a scope=joined
  pthread_create(&a, NULL, work, &slots[0].result);
  // CHECK: spawn per-element-member.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=work arg=&slots[1].result storage=stack object=slots pointee=long requires=Send handle=&b scope=joined
  pthread_create(&b, NULL, work, &slots[1].result);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}
