// docs/rules.md §1: handles (pthread_t, thrd_t, pthread_key_t, tss_t, pid_t) are
// Send; Sync follows the storage rule: a const or guarded handle is Sync, a
// mutable one is not. Strict mode finds nothing unknown in them.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=workers %s | FileCheck %s

#include <sendsync.h>
#include <pthread.h>
#include <threads.h>
#include <sys/types.h>

typedef pthread_t worker_id_t;

/* Holds: mutable handles move between threads freely. */
struct SS_SEND workers {
  pthread_t thread;
  thrd_t c11_thread;
  pthread_key_t key;
  tss_t c11_key;
  pid_t child;
  worker_id_t alias;
  pthread_t pool[4];
};

/* Holds: const or guarded handles are Sync. */
struct SS_SYNC frozen {
  pthread_mutex_t lock;
  const pthread_t thread;
  const thrd_t c11_thread;
  const pthread_key_t key;
  const tss_t c11_key;
  const pid_t child;
  const worker_id_t alias;
  pthread_t guarded __attribute__((guarded_by(lock)));
  const pthread_t pool[4];
};
typedef const pid_t const_pid_t SS_SYNC;

/* Does not hold: a mutable handle shared between threads is a data race. */
struct SS_SYNC registry { // #registry
  pthread_t thread;     // #thread
  thrd_t c11_thread;    // #c11_thread
  pthread_key_t key;    // #key
  tss_t c11_key;        // #c11_key
  pid_t child;          // #child
  worker_id_t alias;    // #reg_alias
  pthread_t pool[4];    // #pool
};
// expected-warning@#thread {{'struct registry' is marked sync, but its field 'thread' holds a mutable 'pthread_t'; make it const, _Atomic, or guard it with a lock (guarded_by) [sendsync-claim]}}
// expected-warning@#c11_thread {{'struct registry' is marked sync, but its field 'c11_thread' holds a mutable 'thrd_t'}}
// expected-warning@#key {{'struct registry' is marked sync, but its field 'key' holds a mutable 'pthread_key_t'}}
// expected-warning@#c11_key {{'struct registry' is marked sync, but its field 'c11_key' holds a mutable 'tss_t'}}
// expected-warning@#child {{'struct registry' is marked sync, but its field 'child' holds a mutable 'pid_t'}}
// expected-warning@#reg_alias {{'struct registry' is marked sync, but its field 'alias' holds a mutable}}
// expected-warning@#pool {{'struct registry' is marked sync, but its field 'pool' holds a mutable 'pthread_t'}}
// expected-note@#registry 7 {{'struct registry' is claimed sync here}}

typedef pid_t mutable_pid_t SS_SYNC; // #mutable_pid_t
// expected-warning@#mutable_pid_t {{'mutable_pid_t' is marked sync, but it holds a mutable 'pid_t'}}
// expected-note@#mutable_pid_t {{'mutable_pid_t' is claimed sync here}}

// CHECK-LABEL: sendsync: derivation of 'struct workers'
// CHECK-NEXT:   Send: yes
// CHECK-NEXT:   Sync: no
// CHECK-NEXT:     - 'struct workers' is not Sync because its field 'thread' holds a mutable 'pthread_t'; make it const, _Atomic, or guard it with a lock (guarded_by) (handles.c:18:13)
// CHECK-NEXT:   field 'thread' 'pthread_t'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: no: it holds a mutable 'pthread_t'
// CHECK:        field 'key' 'pthread_key_t'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: no: it holds a mutable 'pthread_key_t'
// CHECK:        field 'child' 'pid_t'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: no: it holds a mutable 'pid_t'
