// docs/rules.md §1: locks and synchronisation objects are Send and Sync by name
// (their library definitions are plain ints, unions or raw pointers, which
// the storage rule alone would reject): pthread_mutex_t, pthread_rwlock_t,
// pthread_spinlock_t, pthread_cond_t, pthread_barrier_t, pthread_once_t,
// sem_t, mtx_t, cnd_t, once_flag, and any type with clang's capability
// attribute. Strict mode must not find anything unknown in them either.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=locks %s | FileCheck %s

#include <sendsync.h>
#include <pthread.h>
#include <semaphore.h>
#include <threads.h>

struct __attribute__((capability("mutex"))) my_lock {
  int state; /* mutable inside, but it is a lock */
};
typedef struct raw_lock {
  int word; // #raw_lock_word
} raw_lock_t __attribute__((capability("mutex")));
typedef pthread_mutex_t app_mutex_t;

/* Holds: every synchronisation object, by library name, through a typedef
 * of one, in an array, and by capability attribute (struct or typedef). */
struct SS_SEND SS_SYNC locks {
  pthread_mutex_t mutex;
  pthread_rwlock_t rwlock;
  pthread_spinlock_t spin;
  pthread_cond_t cond;
  pthread_barrier_t barrier;
  pthread_once_t once;
  sem_t sem;
  mtx_t mtx;
  cnd_t cnd;
  once_flag flag;
  struct my_lock mine;
  raw_lock_t typedef_cap;
  app_mutex_t alias;
  pthread_mutex_t stripes[8];
};

typedef pthread_spinlock_t spin_t SS_SYNC;
typedef pthread_once_t once_t SS_SYNC;

/* Does not hold: data beside a lock is not protected by being beside it; a
 * struct that only looks like a lock is an ordinary struct; the capability
 * on the typedef raw_lock_t does not make 'struct raw_lock' a lock; and a
 * mutable pointer to a lock is a mutable pointer. */
struct fake_mutex {
  int locked; // #fake_locked
};
struct SS_SYNC counter { // #counter
  pthread_mutex_t lock;
  long count;              // #count
  struct fake_mutex fake;  // #fake
  struct raw_lock untyped; // #untyped
  pthread_mutex_t *shared_lock SS_STATIC; // #shared_lock
};
// expected-warning@#count {{'struct counter' is marked sync, but its field 'count' holds a mutable 'long'; make it const, _Atomic, or guard it with a lock (guarded_by) [sendsync-claim]}}
// expected-warning@#fake {{'struct counter' is marked sync, but its field 'fake' has type 'struct fake_mutex', which is not Sync [sendsync-claim]}}
// expected-note@#fake_locked {{'struct fake_mutex' is not Sync because its field 'locked' holds a mutable 'int'}}
// expected-warning@#untyped {{'struct counter' is marked sync, but its field 'untyped' has type 'struct raw_lock', which is not Sync [sendsync-claim]}}
// expected-note@#raw_lock_word {{'struct raw_lock' is not Sync because its field 'word' holds a mutable 'int'}}
// expected-warning@#shared_lock {{'struct counter' is marked sync, but its field 'shared_lock' is a mutable pointer 'pthread_mutex_t *'}}
// expected-note@#counter 4 {{'struct counter' is claimed sync here}}

// CHECK-LABEL: sendsync: derivation of 'struct locks'
// CHECK-NEXT:   Send: yes
// CHECK-NEXT:   Sync: yes
// CHECK:        field 'spin' 'pthread_spinlock_t'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: yes
// CHECK:        field 'once' 'pthread_once_t'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: yes
// CHECK:        field 'typedef_cap' 'raw_lock_t'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: yes
