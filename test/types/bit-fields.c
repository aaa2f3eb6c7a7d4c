// docs/rules.md §1, bit-fields (CERT CON32-C): a bit-field is Send as its type;
// it is Sync only if every bit-field sharing its memory location (a maximal
// run of adjacent non-zero-width bit-fields, C11 3.14) is const, or every one
// is guarded by the same lock: writing one rewrites its neighbours, so a
// const neighbour read without the lock, or a neighbour under another lock,
// races with the write. A zero-width bit-field ends the run; so does an
// ordinary member. An unnamed bit-field is padding that nobody accesses.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=flags %s | FileCheck %s

#include <sendsync.h>
#include <pthread.h>

/* Holds: bit-fields are Send whatever their neighbours. */
struct SS_SEND flags {
  unsigned ready : 1;
  const unsigned mode : 3;
  unsigned count : 4;
};

/* Holds: all const; all guarded by the same lock; a zero-width bit-field
 * separating a const run from a guarded one; an ordinary member between;
 * unnamed padding inside a const run; every member of a const struct. */
struct SS_SYNC good_bits {
  pthread_mutex_t lock;
  const unsigned a : 3;
  const unsigned b : 5;
  const int separator;
  unsigned c : 3 __attribute__((guarded_by(lock)));
  unsigned d : 5 __attribute__((guarded_by(lock)));
  const int separator2;
  const unsigned e : 3;
  unsigned : 0;
  unsigned f : 5 __attribute__((guarded_by(lock)));
  const int separator3;
  const unsigned g : 3;
  unsigned : 2;
  const unsigned h : 3;
  const int separator4;
  const unsigned i : 3;
  int j __attribute__((guarded_by(lock)));
  const struct flags frozen;
};

/* Does not hold: const beside mutable. */
struct SS_SYNC const_and_mutable { // #cm
  const unsigned ro : 3; // #cm_ro
  unsigned rw : 5;       // #cm_rw
};
// expected-warning@#cm_ro {{'struct const_and_mutable' is marked sync, but its field 'ro' is a bit-field that shares its memory location with field 'rw'; writing one rewrites the other, so make all of them const or guard all of them with the same lock [sendsync-claim]}}
// expected-warning@#cm_rw {{'struct const_and_mutable' is marked sync, but its field 'rw' holds a mutable 'unsigned int'}}
// expected-note@#cm 2 {{'struct const_and_mutable' is claimed sync here}}

/* Does not hold: const beside guarded (the const one is read without the
 * lock while the guarded one is rewritten under it). Without the zero-width
 * bit-field of good_bits (e, f) this is the same pair in one location. */
struct SS_SYNC const_and_guarded { // #cg
  pthread_mutex_t lock;
  const unsigned ro : 3;                                // #cg_ro
  unsigned locked : 5 __attribute__((guarded_by(lock))); // #cg_locked
};
// expected-warning@#cg_ro {{'struct const_and_guarded' is marked sync, but its field 'ro' is a bit-field that shares its memory location with field 'locked'}}
// expected-warning@#cg_locked {{'struct const_and_guarded' is marked sync, but its field 'locked' is a bit-field that shares its memory location with field 'ro'}}
// expected-note@#cg 2 {{'struct const_and_guarded' is claimed sync here}}

/* Does not hold: guarded by different locks. */
struct SS_SYNC two_locks { // #tl
  pthread_mutex_t lock_a;
  pthread_mutex_t lock_b;
  unsigned x : 4 __attribute__((guarded_by(lock_a))); // #tl_x
  unsigned y : 4 __attribute__((guarded_by(lock_b))); // #tl_y
};
// expected-warning@#tl_x {{'struct two_locks' is marked sync, but its field 'x' is a bit-field that shares its memory location with field 'y'; writing one rewrites the other, so make all of them const or guard all of them with the same lock [sendsync-claim]}}
// expected-warning@#tl_y {{'struct two_locks' is marked sync, but its field 'y' is a bit-field that shares its memory location with field 'x'; writing one rewrites the other, so make all of them const or guard all of them with the same lock [sendsync-claim]}}
// expected-note@#tl 2 {{'struct two_locks' is claimed sync here}}

/* Does not hold: the zero-width bit-field separates only what it separates:
 * 'late' still shares with mutable 'tail'. */
struct SS_SYNC split { // #split
  const unsigned early : 3;
  unsigned : 0;
  const unsigned late : 3; // #split_late
  unsigned tail : 2;       // #split_tail
};
// expected-warning@#split_late {{'struct split' is marked sync, but its field 'late' is a bit-field that shares its memory location with field 'tail'}}
// expected-warning@#split_tail {{'struct split' is marked sync, but its field 'tail' holds a mutable 'unsigned int'}}
// expected-note@#split 2 {{'struct split' is claimed sync here}}

// CHECK-LABEL: sendsync: derivation of 'struct flags'
// CHECK-NEXT:   Send: yes
// CHECK-NEXT:   Sync: no
// CHECK-NEXT:     - 'struct flags' is not Sync because its field 'ready' holds a mutable 'unsigned int'; make it const, _Atomic, or guard it with a lock (guarded_by) (bit-fields.c:18:12)
// CHECK-NEXT:   field 'ready' 'unsigned int'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: no: it holds a mutable 'unsigned int'
// CHECK-NEXT:   field 'mode' 'const unsigned int'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: no: it is a bit-field that shares its memory location with field 'ready'
