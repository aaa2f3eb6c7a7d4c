// docs/rules.md §1: thread-affine types (jmp_buf, sigjmp_buf, ucontext_t,
// va_list) belong to the thread that created them: neither Send nor Sync,
// whatever their qualifiers, and the "no" propagates to every type that
// holds one (also behind an owned pointer, and under a lock: a guarded
// field is Sync only if it is Send). They are explicit causes, so default
// mode reports them.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=trampoline %s | FileCheck %s

#include <sendsync.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <ucontext.h>

/* Holds: code that merely mentions these types (a function pointer taking a
 * va_list or a jmp_buf) is Send and Sync; so is a struct without them. */
struct SS_SEND SS_SYNC logger_vtable {
  void (*const vlog)(const char *fmt, va_list ap);
  int (*const try_call)(jmp_buf env);
  const int level;
};

/* Does not hold: each thread-affine type breaks Send. */
struct SS_SEND contexts { // #contexts
  jmp_buf env;            // #env
  sigjmp_buf sigenv;      // #sigenv
  ucontext_t uctx;        // #uctx
  va_list args;           // #args
  const jmp_buf *saved SS_OWNED; // #saved
};
// expected-warning@#env {{'struct contexts' is marked send, but its field 'env' holds a 'jmp_buf', which is thread-affine: it belongs to the thread that created it [sendsync-claim]}}
// expected-warning@#sigenv {{'struct contexts' is marked send, but its field 'sigenv' holds a 'sigjmp_buf', which is thread-affine}}
// expected-warning@#uctx {{'struct contexts' is marked send, but its field 'uctx' holds a 'ucontext_t', which is thread-affine}}
// expected-warning@#args {{'struct contexts' is marked send, but its field 'args' holds a 'va_list', which is thread-affine}}
// expected-warning@#saved {{'struct contexts' is marked send, but its field 'saved' owns memory that holds a 'jmp_buf', which is thread-affine}}
// expected-note@#contexts 5 {{'struct contexts' is claimed send here}}

/* Does not hold: and Sync, even const or guarded by a lock. */
struct SS_SYNC shared_contexts { // #shared_contexts
  pthread_mutex_t lock;
  const sigjmp_buf frozen;                               // #frozen
  jmp_buf guarded __attribute__((guarded_by(lock)));     // #guarded
  const ucontext_t uctx;                                 // #shared_uctx
};
// expected-warning@#frozen {{'struct shared_contexts' is marked sync, but its field 'frozen' holds a 'sigjmp_buf', which is thread-affine}}
// expected-warning@#guarded {{'struct shared_contexts' is marked sync, but its field 'guarded' is guarded by a lock, yet holds a 'jmp_buf', which is thread-affine}}
// expected-warning@#shared_uctx {{'struct shared_contexts' is marked sync, but its field 'uctx' holds a 'ucontext_t', which is thread-affine}}
// expected-note@#shared_contexts 3 {{'struct shared_contexts' is claimed sync here}}

/* Does not hold: the "no" reaches outward through nesting, with a chain
 * that ends at the thread-affine field. */
struct trampoline {
  int depth;
  jmp_buf landing; // #landing
};
struct SS_SEND task { // #task
  struct trampoline tramp; // #tramp
};
// expected-warning@#tramp {{'struct task' is marked send, but its field 'tramp' has type 'struct trampoline', which is not Send [sendsync-claim]}}
// expected-note@#landing {{'struct trampoline' is not Send because its field 'landing' holds a 'jmp_buf', which is thread-affine: it belongs to the thread that created it}}
// expected-note@#task {{'struct task' is claimed send here}}

typedef va_list saved_args_t SS_SEND; // #saved_args_t
// expected-warning@#saved_args_t {{'saved_args_t' is marked send, but it holds a 'va_list', which is thread-affine}}
// expected-note@#saved_args_t {{'saved_args_t' is claimed send here}}

// CHECK-LABEL: sendsync: derivation of 'struct trampoline'
// CHECK-NEXT:   Send: no
// CHECK-NEXT:     - 'struct trampoline' is not Send because its field 'landing' holds a 'jmp_buf', which is thread-affine: it belongs to the thread that created it (thread-affine.c:57:11)
// CHECK-NEXT:   Sync: no
// CHECK-NEXT:     - 'struct trampoline' is not Sync because its field 'depth' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by) (thread-affine.c:56:7)
// CHECK:        field 'landing' 'jmp_buf'
// CHECK-NEXT:     Send: no: it holds a 'jmp_buf', which is thread-affine
// CHECK-NEXT:     Sync: no: it holds a 'jmp_buf', which is thread-affine
