// Every field that breaks a claim is its own report (docs/rules.md §1: "reports
// every field that breaks it"), at that field, each with the claim note; the
// fields that keep the claim are not reported.
//
// RUN: %verify %s
// RUN: %sendsync -fno-caret-diagnostics %s 2>&1 | grep -c 'warning:.*\[sendsync-claim\]' \
// RUN:   | FileCheck %s --check-prefix=COUNT
// COUNT: {{^}}5{{$}}

#include <sendsync.h>
#include <setjmp.h>

struct SS_NOT_SEND logger { int fd; }; // #logger

struct SS_SYNC cfg { // #cfg_claim
  // expected-warning@+1 {{'struct cfg' is marked sync, but its field 'level' holds a mutable 'int'}}
  int level;
  const char *const name SS_STATIC; // fine
  // expected-warning@+1 {{'struct cfg' is marked sync, but its field 'buf' is a mutable pointer 'char *'}}
  char *buf SS_OWNED;
  _Atomic long hits;                // fine
};
// expected-note@#cfg_claim 2 {{'struct cfg' is claimed sync here}}

struct SS_SEND worker { // #worker_claim
  int id;                           // fine
  // expected-warning@+1 {{'struct worker' is marked send, but its field 'env' holds a 'jmp_buf', which is thread-affine}}
  jmp_buf env;
  // expected-warning@+1 {{'struct worker' is marked send, but its field 'log' owns a 'struct logger', which is not Send}}
  struct logger *log SS_OWNED;
  char *name SS_OWNED;              // fine
};
// expected-note@#worker_claim 2 {{'struct worker' is claimed send here}}
// expected-note@#logger {{'struct logger' is marked not_send here}}

// A type claimed both send and sync is checked for each, separately.
struct SS_SEND SS_SYNC both { // #both_claims
  // expected-warning@+1 {{'struct both' is marked sync, but its field 'n' holds a mutable 'int'}}
  int n;
};
// expected-note@#both_claims {{'struct both' is claimed sync here}}
