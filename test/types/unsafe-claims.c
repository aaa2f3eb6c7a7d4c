// docs/rules.md §1: unsafe_send / unsafe_sync (Rust's unsafe impl) are trusted
// claims: not verified (no report on the type itself, even in strict mode)
// and taken as "yes" by every type that contains the marked one. Each
// grants only its own property: unsafe_sync says nothing about Send.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=stats %s | FileCheck %s

#include <sendsync.h>
#include <setjmp.h>

/* A mutable int, trusted to be Sync (say, only written under a lock that
 * the type system cannot see). */
struct SS_UNSAFE_SYNC("written only under the global stats lock") stats {
  long hits;
};
/* Raw pointers and a not_send member, trusted to be Send. */
struct SS_NOT_SEND tls_cache {
  const int slot;
};
struct SS_UNSAFE_SEND("ownership moves with the whole arena") arena {
  char *base; // #arena_base
  void *cursor;
  struct tls_cache cache;
};
/* Trusted Sync, but its fields are not Send: unsafe_sync does not say Send. */
struct SS_UNSAFE_SYNC("the landing pad is only read by its own thread") landing {
  jmp_buf env; // #landing_env
};
typedef struct counter {
  int n; // #counter_n
} counter_t;
typedef counter_t trusted_counter_t SS_UNSAFE_SYNC("incremented with __atomic builtins");

/* Holds: containers take the trusted claims as they are. */
struct SS_SYNC dashboard {
  struct stats totals;
  const struct stats *const per_cpu SS_STATIC;
  struct stats history[4];
  trusted_counter_t requests;
};
struct SS_SEND worker_state {
  struct arena scratch;
  struct arena *spare SS_OWNED;
};

/* Does not hold: unsafe_sync does not make a type Send; unsafe_send does
 * not make it Sync; the struct behind a trusted typedef is not trusted. */
struct SS_SEND mover {        // #mover
  struct landing pad;         // #mover_pad
};
// expected-warning@#mover_pad {{'struct mover' is marked send, but its field 'pad' has type 'struct landing', which is not Send [sendsync-claim]}}
// expected-note@#landing_env {{'struct landing' is not Send because its field 'env' holds a 'jmp_buf', which is thread-affine}}
// expected-note@#mover {{'struct mover' is claimed send here}}

struct SS_SYNC sharer {       // #sharer
  struct arena a;             // #sharer_a
  struct counter c;           // #sharer_c
};
// expected-warning@#sharer_a {{'struct sharer' is marked sync, but its field 'a' has type 'struct arena', which is not Sync [sendsync-claim]}}
// expected-note@#arena_base {{'struct arena' is not Sync because its field 'base' is a mutable pointer 'char *'}}
// expected-warning@#sharer_c {{'struct sharer' is marked sync, but its field 'c' has type 'struct counter', which is not Sync [sendsync-claim]}}
// expected-note@#counter_n {{'struct counter' is not Sync because its field 'n' holds a mutable 'int'}}
// expected-note@#sharer 2 {{'struct sharer' is claimed sync here}}

// CHECK-LABEL: sendsync: derivation of 'struct stats'
// CHECK-NEXT:   Send: yes
// CHECK-NEXT:   Sync: yes
