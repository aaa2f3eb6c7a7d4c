// docs/rules.md §1: markers may sit on any redeclaration before the definition
// (a forward declaration, or the user's own redeclaration of an opaque
// handle from a header they do not own). A marker on a redeclaration that
// follows the definition is dropped by clang (-Wignored-attributes) and has
// no effect.
//
// RUN: %verify -isystem %S/Inputs %s
// RUN: %verify=expected,strict -isystem %S/Inputs -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -isystem %S/Inputs -fplugin-arg-sendsync-explain='struct late' %s | FileCheck %s

#include <sendsync.h>
#include <vendor.h>

/* A negative marker on the forward declaration. */
struct SS_NOT_SEND conn; // #conn_fwd
struct conn {
  const int fd;
};

/* A claim on the forward declaration is verified against the definition. */
struct SS_SYNC cfg; // #cfg_fwd
struct cfg {
  int port; // #cfg_port
  const int backlog;
};
// expected-warning@#cfg_port {{'struct cfg' is marked sync, but its field 'port' holds a mutable 'int'}}
// expected-note@#cfg_fwd {{'struct cfg' is claimed sync here}}

/* The marker on the second of several redeclarations counts. */
struct widget;
struct SS_NOT_SYNC widget; // #widget_marker
struct widget;
struct widget {
  const int id;
};

/* The user's own redeclaration of a vendor's opaque handle. */
struct SS_UNSAFE_SEND("the vendor serialises access internally") vendor_db;

/* A marker after the definition is ignored (and clang says so). */
struct late { // #late_def
  const int x;
};
struct SS_NOT_SEND late; // #late_marker
// expected-warning@#late_marker {{attribute declaration must precede definition}}
// expected-note@#late_def {{previous definition is here}}

/* Holds: the vendor handle is Send thanks to the redeclaration, even in
 * strict mode; the late marker had no effect. */
struct SS_SEND session {
  struct vendor_db *db SS_OWNED;
  struct late l;
};

/* Does not hold: markers on forward declarations propagate. */
struct SS_SEND SS_SYNC pool { // #pool
  struct conn c;    // #pool_c
  struct widget w;  // #pool_w
};
// expected-warning@#pool_c {{'struct pool' is marked send, but its field 'c' has type 'struct conn', which is not Send [sendsync-claim]}}
// expected-note@#conn_fwd {{'struct conn' is marked not_send here}}
// expected-note@#pool {{'struct pool' is claimed send here}}
// expected-warning@#pool_w {{'struct pool' is marked sync, but its field 'w' has type 'struct widget', which is not Sync [sendsync-claim]}}
// expected-note@#widget_marker {{'struct widget' is marked not_sync here}}
// expected-note@#pool {{'struct pool' is claimed sync here}}

/* Unknown: a vendor handle nobody annotated (strict mode only). */
struct SS_SEND statement { // #statement
  struct vendor_stmt *st SS_OWNED; // #statement_st
};
// strict-warning@#statement_st {{cannot prove the send claim on 'struct statement': its field 'st' owns a 'struct vendor_stmt', which cannot be proven Send [sendsync-unknown]}}
// strict-note@* {{'struct vendor_stmt' is incomplete here and carries no sendsync marker}}
// strict-note@#statement {{'struct statement' is claimed send here}}

// CHECK-LABEL: sendsync: derivation of 'struct late'
// CHECK-NEXT:   Send: yes
// CHECK-NEXT:   Sync: yes
