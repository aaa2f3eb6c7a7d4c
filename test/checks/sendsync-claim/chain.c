// A claim broken deep inside a type: the report names the field of the
// claimed type, and one note per hop follows the path of fields down to the
// root cause, each at the field it talks about, ending at the marker or the
// built-in rule (docs/rules.md §1 "Derivation": "every hop with its source
// location, ending at the original marker or the built-in rule"), then a note
// at the claim. Every note is asserted at its line (-verify rejects any
// note that is not expected, so a missing or extra hop fails).
//
// RUN: %verify %s
// RUN: %sendsync -fno-caret-diagnostics %s 2>&1 | grep -v 'expanded from macro' \
// RUN:   | FileCheck %s

#include <sendsync.h>

// ---- four hops through an owned pointer, an array and a typedef ----------

struct SS_NOT_SEND tls_ctx { int id; };           // #tls_marker
struct conn { int fd; struct tls_ctx *tls SS_OWNED; }; // #conn_tls
typedef struct conn conn_t;
struct pool { conn_t conns[4]; };                 // #pool_conns
struct server { int port; struct pool *pool SS_OWNED; }; // #server_pool
struct SS_SEND request { // #request_claim
  int id;
  struct server srv; // #request_srv
};
// expected-warning@#request_srv {{'struct request' is marked send, but its field 'srv' has type 'struct server', which is not Send [sendsync-claim]}}
// expected-note@#server_pool {{'struct server' is not Send because its field 'pool' owns a 'struct pool', which is not Send}}
// expected-note@#pool_conns {{'struct pool' is not Send because its field 'conns' holds elements of type 'conn_t', which is not Send}}
// expected-note@#conn_tls {{'struct conn' is not Send because its field 'tls' owns a 'struct tls_ctx', which is not Send}}
// expected-note@#tls_marker {{'struct tls_ctx' is marked not_send here}}
// expected-note@#request_claim {{'struct request' is claimed send here}}

// The notes come in this order: from the claimed field down to the root
// cause, then the claim (-verify checks lines, not order).
// CHECK:      chain.c:{{[0-9]+}}:17: warning: 'struct request' is marked send, but its field 'srv'
// CHECK-NEXT: note: 'struct server' is not Send because its field 'pool'
// CHECK-NEXT: note: 'struct pool' is not Send because its field 'conns'
// CHECK-NEXT: note: 'struct conn' is not Send because its field 'tls'
// CHECK-NEXT: note: 'struct tls_ctx' is marked not_send here
// CHECK-NEXT: note: 'struct request' is claimed send here
// CHECK-NEXT: warning: 'struct handoff' is marked send

// ---- through a borrowed pointer to a typedef marked not_sync -------------

typedef struct tls_ctx ctx_t SS_NOT_SYNC;         // #ctx_not_sync
struct shared { const ctx_t *ctx SS_BORROWED; };  // #shared_ctx
struct SS_SEND handoff { struct shared s; };      // #handoff
// expected-warning@#handoff {{'struct handoff' is marked send, but its field 's' has type 'struct shared', which is not Send [sendsync-claim]}}
// expected-note@#shared_ctx {{'struct shared' is not Send because its field 'ctx' borrows a 'const ctx_t', which is not Sync}}
// expected-note@#ctx_not_sync {{'ctx_t' is marked not_sync here}}
// expected-note@#handoff {{'struct handoff' is claimed send here}}

// ---- ending at the built-in storage rule ---------------------------------

// A const member is const, but const does not reach through a pointer: the
// owned tls_ctx is mutable.
struct SS_SYNC snapshot { const struct conn c; }; // #snapshot
// expected-warning@#snapshot {{'struct snapshot' is marked sync, but its field 'c' has type 'const struct conn', which is not Sync [sendsync-claim]}}
// The hop names the type as the claimed field holds it: 'const struct conn'.
// expected-note@#conn_tls {{'const struct conn' is not Sync because its field 'tls' owns a 'struct tls_ctx', which is not Sync}}
// expected-note@#tls_marker {{'struct tls_ctx' is not Sync because its field 'id' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by)}}
// expected-note@#snapshot {{'struct snapshot' is claimed sync here}}

// ---- the same shapes, fixed: silent --------------------------------------

struct plain_ctx { int id; };
struct conn_ok { int fd; struct plain_ctx *tls SS_OWNED; };
struct pool_ok { struct conn_ok conns[4]; };
struct server_ok { int port; struct pool_ok *pool SS_OWNED; };
struct SS_SEND request_ok { int id; struct server_ok srv; };
struct shared_ok { const struct plain_ctx *const ctx SS_BORROWED; };
struct SS_SEND handoff_ok { struct shared_ok s; };
struct SS_SYNC snapshot_ok { const struct shared_ok s; const int n; };

// Recursive types are judged coinductively: a list of Send nodes is Send.
struct node { int value; struct node *next SS_OWNED; };
struct SS_SEND list { struct node *head SS_OWNED; };
