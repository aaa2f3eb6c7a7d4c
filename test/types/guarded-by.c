// docs/rules.md §1: a field with clang's guarded_by(m) or pt_guarded_by(m) is
// Send iff its type is Send, and Sync iff its type is Send (like Mutex<T>:
// the threads that take the lock in turn each own the value for a while).
// So a guarded mutable scalar is Sync; a guarded non-Send value is not; a
// guarded unannotated pointer cannot be proven Send (strict only).
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=account %s | FileCheck %s

#include <sendsync.h>
#include <pthread.h>
#include <setjmp.h>

struct stats {
  long hits; /* mutable: Send, not Sync */
};
struct SS_NOT_SEND session { // #session
  const int id;
};
struct counter {
  int n; // #counter_n
};

/* Holds: guarded values whose types are Send, whether or not they are Sync. */
struct SS_SYNC account {
  pthread_mutex_t lock;
  long balance __attribute__((guarded_by(lock)));
  struct stats stats __attribute__((guarded_by(lock)));
  char *owner SS_OWNED __attribute__((guarded_by(lock)));
  int *history SS_OWNED __attribute__((pt_guarded_by(lock)));
  double samples[4] __attribute__((guarded_by(lock)));
  const struct counter *peer SS_STATIC __attribute__((guarded_by(lock)));
};

/* Does not hold: the guarded type is not Send. */
struct SS_SYNC vault { // #vault
  pthread_mutex_t lock;
  struct session s __attribute__((guarded_by(lock)));             // #vault_s
  jmp_buf env __attribute__((guarded_by(lock)));                  // #vault_env
  struct counter *peer SS_BORROWED __attribute__((guarded_by(lock))); // #vault_peer
  struct session *mine SS_OWNED __attribute__((pt_guarded_by(lock))); // #vault_mine
};
// expected-warning@#vault_s {{'struct vault' is marked sync, but its field 's' is guarded by a lock, yet has type 'struct session', which is not Send [sendsync-claim]}}
// expected-warning@#vault_env {{'struct vault' is marked sync, but its field 'env' is guarded by a lock, yet holds a 'jmp_buf', which is thread-affine}}
// expected-warning@#vault_peer {{'struct vault' is marked sync, but its field 'peer' is guarded by a lock, yet borrows a 'struct counter', which is not Sync [sendsync-claim]}}
// expected-note@#counter_n {{'struct counter' is not Sync because its field 'n' holds a mutable 'int'}}
// expected-warning@#vault_mine {{'struct vault' is marked sync, but its field 'mine' is guarded by a lock, yet owns a 'struct session', which is not Send [sendsync-claim]}}
// expected-note@#session 2 {{'struct session' is marked not_send here}}
// expected-note@#vault 4 {{'struct vault' is claimed sync here}}

/* The same field without the lock is not Sync. */
struct SS_SYNC unguarded { // #unguarded
  pthread_mutex_t lock;
  long balance; // #unguarded_balance
};
// expected-warning@#unguarded_balance {{'struct unguarded' is marked sync, but its field 'balance' holds a mutable 'long'}}
// expected-note@#unguarded {{'struct unguarded' is claimed sync here}}

/* Unknown: a guarded raw pointer cannot be proven Send; silent by default. */
struct SS_SYNC raw { // #raw
  pthread_mutex_t lock;
  char *name __attribute__((guarded_by(lock))); // #raw_name
};
// strict-warning@#raw_name {{cannot prove the sync claim on 'struct raw': its field 'name' is guarded by a lock, yet is an unannotated pointer 'char *'; mark it SS_OWNED, SS_STATIC or SS_BORROWED [sendsync-unknown]}}
// strict-note@#raw {{'struct raw' is claimed sync here}}

// CHECK-LABEL: sendsync: derivation of 'struct account'
// CHECK-NEXT:   Send: yes
// CHECK-NEXT:   Sync: yes
// CHECK:        field 'balance' 'long'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: yes
// CHECK-NEXT:   field 'stats' 'struct stats'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: yes
