// docs/rules.md §1, storage rule: every scalar (integer, floating, enum, _Bool and
// the pointer object itself, function pointers included) is Send; it is Sync
// only when it is const, _Atomic, or guarded by a lock.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=mixed %s | FileCheck %s

#include <sendsync.h>
#include <pthread.h>

enum color { RED, GREEN };
typedef int myint;

/* Holds: every scalar is Send, mutable or not. */
struct SS_SEND all_send {
  int i;
  unsigned long ul;
  char ch;
  float f;
  double d;
  long double ld;
  _Complex double z;
  enum color c;
  _Bool b;
  myint mi;
  volatile int vi;
  void (*fp)(int);
};

/* Holds: const, _Atomic or guarded scalars are Sync. */
struct SS_SYNC all_sync {
  pthread_mutex_t lock;
  const int i;
  const unsigned long ul;
  const char ch;
  const float f;
  const double d;
  const long double ld;
  const _Complex double z;
  const enum color c;
  const _Bool b;
  const myint mi;
  _Atomic int ai;
  _Atomic unsigned long aul;
  _Atomic _Bool ab;
  int gi __attribute__((guarded_by(lock)));
  double gd __attribute__((guarded_by(lock)));
  void (*const fp)(int);
  const int *const p SS_OWNED;
};

/* Does not hold: every mutable scalar breaks Sync, one report per field. */
struct SS_SYNC mutable_sync { // #claim
  int i;           // #i
  char ch;         // #ch
  double d;        // #d
  enum color c;    // #c
  _Bool b;         // #b
  myint mi;        // #mi
  volatile int vi; // #vi
  void (*fp)(int); // #fp
  const int *p SS_OWNED; // #p
};
// expected-warning@#i {{'struct mutable_sync' is marked sync, but its field 'i' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by) [sendsync-claim]}}
// expected-warning@#ch {{'struct mutable_sync' is marked sync, but its field 'ch' holds a mutable 'char'}}
// expected-warning@#d {{'struct mutable_sync' is marked sync, but its field 'd' holds a mutable 'double'}}
// expected-warning@#c {{'struct mutable_sync' is marked sync, but its field 'c' holds a mutable 'enum color'}}
// expected-warning@#b {{'struct mutable_sync' is marked sync, but its field 'b' holds a mutable '_Bool'}}
// expected-warning@#mi {{'struct mutable_sync' is marked sync, but its field 'mi' holds a mutable 'myint'}}
// expected-warning@#vi {{'struct mutable_sync' is marked sync, but its field 'vi' holds a mutable 'volatile int'}}
// expected-warning@#fp {{'struct mutable_sync' is marked sync, but its field 'fp' is a mutable pointer 'void (*)(int)'}}
// expected-warning@#p {{'struct mutable_sync' is marked sync, but its field 'p' is a mutable pointer 'const int *'; make the pointer itself const}}
// expected-note@#claim 9 {{'struct mutable_sync' is claimed sync here}}

/* Claims on typedefs of scalars follow the same rule. */
typedef const int const_int_t SS_SYNC;
typedef _Atomic long atomic_long_t SS_SYNC;
typedef int plain_int_t SS_SEND;
typedef int mutable_int_t SS_SYNC; // #mutable_int_t
// expected-warning@#mutable_int_t {{'mutable_int_t' is marked sync, but it holds a mutable 'int'}}
// expected-note@#mutable_int_t {{'mutable_int_t' is claimed sync here}}

/* The verdicts themselves: Send yes and Sync no for a mutable scalar. */
struct mixed {
  int counter;
  const int limit;
};
// CHECK-LABEL: sendsync: derivation of 'struct mixed'
// CHECK-NEXT:   Send: yes
// CHECK-NEXT:   Sync: no
// CHECK-NEXT:     - 'struct mixed' is not Sync because its field 'counter' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by) (storage-rule.c:86:7)
// CHECK-NEXT:   field 'counter' 'int'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: no: it holds a mutable 'int'
// CHECK-NEXT:   field 'limit' 'const int'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: yes
