// docs/rules.md §1: _Atomic T, the C11 atomic_* typedefs and atomic_flag are Send
// and Sync, mutable or not. A plain (or volatile) scalar next to them is not
// Sync: only _Atomic counts.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=counters %s | FileCheck %s

#include <sendsync.h>
#include <stdatomic.h>

/* Holds: every atomic flavour is Sync (and therefore also Send). */
struct SS_SYNC SS_SEND counters {
  _Atomic int a;
  _Atomic(unsigned long) b;
  _Atomic _Bool c;
  _Atomic double d;
  atomic_int e;
  atomic_bool f;
  atomic_size_t g;
  atomic_uintptr_t h;
  atomic_llong i;
  atomic_char32_t j;
  atomic_flag k;
  _Atomic int arr[4];
};

typedef atomic_int counter_t SS_SYNC;
typedef atomic_flag flag_t SS_SYNC;

/* Does not hold: a plain or volatile counter beside the atomics. */
struct SS_SYNC racy { // #racy
  atomic_int ok;
  int hits;           // #hits
  volatile long seen; // #seen
  atomic_flag done;
};
// expected-warning@#hits {{'struct racy' is marked sync, but its field 'hits' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by) [sendsync-claim]}}
// expected-warning@#seen {{'struct racy' is marked sync, but its field 'seen' holds a mutable 'volatile long'}}
// expected-note@#racy 2 {{'struct racy' is claimed sync here}}

typedef int not_atomic_t SS_SYNC; // #not_atomic_t
// expected-warning@#not_atomic_t {{'not_atomic_t' is marked sync, but it holds a mutable 'int'}}
// expected-note@#not_atomic_t {{'not_atomic_t' is claimed sync here}}

/* An _Atomic pointer is still a pointer: _Atomic satisfies the storage rule
 * for the pointer object, and its marker gives the pointee rule (docs/rules.md
 * §1, Pointers: "Sync(P) is the storage rule for P itself and the pointee
 * rule"). A lock-free list head is the classic case. */
struct node {
  int value; // #node_value
};
struct SS_SYNC lockfree { // #lockfree
  _Atomic(const struct node *) head SS_STATIC;
  _Atomic(struct node *) tail SS_STATIC; // #tail
};
// expected-warning@#tail {{'struct lockfree' is marked sync, but its field 'tail' points to a static 'struct node', which is not Sync [sendsync-claim]}}
// expected-note@#node_value {{'struct node' is not Sync because its field 'value' holds a mutable 'int'}}
// expected-note@#lockfree {{'struct lockfree' is claimed sync here}}

/* Unmarked, an _Atomic pointer is a raw pointer: unknown (strict only). */
struct SS_SYNC raw_atomic { // #raw_atomic
  _Atomic(char *) p; // #raw_p
};
// strict-warning@#raw_p {{cannot prove the sync claim on 'struct raw_atomic': its field 'p' is an unannotated pointer}}
// strict-note@#raw_atomic {{'struct raw_atomic' is claimed sync here}}

// CHECK-LABEL: sendsync: derivation of 'struct counters'
// CHECK-NEXT:   Send: yes
// CHECK-NEXT:   Sync: yes
// CHECK:        field 'a' '_Atomic(int)'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: yes
// CHECK:        field 'k' 'atomic_flag'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: yes
