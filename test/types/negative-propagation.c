// docs/rules.md §1: a negative marker (not_send / not_sync, Rust's impl !Send)
// propagates to every type that contains the marked type, through any
// number of levels (struct and union fields, arrays, owned pointers), and
// every "no" carries a chain: one located note per hop, ending at the
// marker. not_send says nothing about Sync and not_sync nothing about Send,
// except through the pointer rules (static/borrowed need Sync of the
// pointee). A negative marker beats const.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=carrier %s | FileCheck %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=fd_guard %s | FileCheck %s --check-prefix=MARKED
// RUN: %sendsync -fno-caret-diagnostics %s 2>&1 | grep -v 'expanded from macro' | FileCheck %s --check-prefix=ORDER

#include <sendsync.h>

struct SS_NOT_SEND fd_guard { // #fd_guard
  const int fd;               /* Sync: nothing mutable */
};
struct SS_NOT_SYNC cell {     // #cell
  int v;                      /* Send: a plain int */
};

struct l1 {
  struct fd_guard g;          // #l1_g
};
struct l2 {
  const int tag;
  struct l1 items[2];         // #l2_items
};
union l3 {
  long raw;
  struct l2 body;             // #l3_body
};
struct l4 {
  union l3 *payload SS_OWNED; // #l4_payload
};

/* Does not hold: five levels down to the marker, every hop asserted. */
struct SS_SEND l5 {           // #l5
  int id;
  struct l4 inner;            // #l5_inner
};
// expected-warning@#l5_inner {{'struct l5' is marked send, but its field 'inner' has type 'struct l4', which is not Send [sendsync-claim]}}
// expected-note@#l4_payload {{'struct l4' is not Send because its field 'payload' owns a 'union l3', which is not Send}}
// expected-note@#l3_body {{'union l3' is not Send because its field 'body' has type 'struct l2', which is not Send}}
// expected-note@#l2_items {{'struct l2' is not Send because its field 'items' holds elements of type 'struct l1', which is not Send}}
// expected-note@#l1_g {{'struct l1' is not Send because its field 'g' has type 'struct fd_guard', which is not Send}}
// expected-note@#fd_guard {{'struct fd_guard' is marked not_send here}}
// expected-note@#l5 {{'struct l5' is claimed send here}}

/* Holds: not_send does not spoil Sync, and a static pointer only needs
 * Sync of its pointee. */
struct SS_SYNC l1_view {
  const struct l1 a;
  const struct l2 b;
};
struct SS_SEND shares_l2 {
  struct l2 *shared SS_STATIC;
  const struct fd_guard *guard SS_BORROWED;
};

/* not_sync: propagates for Sync (beating const), not for Send. */
struct m1 {
  const int k;
  struct cell c;              // #m1_c
};
struct m2 {
  struct m1 pair[2];          // #m2_pair
};
struct SS_SEND carrier {      /* holds: cell is Send */
  struct m2 m;
  struct m1 *owned SS_OWNED;
};

struct SS_SYNC board {        // #board
  const struct m2 frozen;     // #board_frozen
};
// expected-warning@#board_frozen {{'struct board' is marked sync, but its field 'frozen' has type 'const struct m2', which is not Sync [sendsync-claim]}}
// expected-note@#m2_pair {{'const struct m2' is not Sync because its field 'pair' holds elements of type 'const struct m1', which is not Sync}}
// expected-note@#m1_c {{'const struct m1' is not Sync because its field 'c' has type 'const struct cell', which is not Sync}}
// expected-note@#cell {{'struct cell' is marked not_sync here}}
// expected-note@#board {{'struct board' is claimed sync here}}

/* ... and for Send through a borrowed pointer, which needs Sync. */
struct SS_SEND courier {      // #courier
  const struct m2 *m SS_BORROWED; // #courier_m
};
// expected-warning@#courier_m {{'struct courier' is marked send, but its field 'm' borrows a 'const struct m2', which is not Sync [sendsync-claim]}}
// expected-note@#m2_pair {{'const struct m2' is not Sync because its field 'pair' holds elements of type 'const struct m1', which is not Sync}}
// expected-note@#m1_c {{'const struct m1' is not Sync because its field 'c' has type 'const struct cell', which is not Sync}}
// expected-note@#cell {{'struct cell' is marked not_sync here}}
// expected-note@#courier {{'struct courier' is claimed send here}}

// CHECK-LABEL: sendsync: derivation of 'struct carrier'
// CHECK-NEXT:   Send: yes
// CHECK-NEXT:   Sync: no

// The top-level "no" of a marked type must say why (its only field is Send).
// MARKED-LABEL: sendsync: derivation of 'struct fd_guard'
// MARKED-NEXT:   Send: no
// MARKED-NEXT:   {{.*}}'struct fd_guard' is marked not_send here

// The chain in order, hop by hop, each at its field (exact lines).
// ORDER:      negative-propagation.c:42:{{[0-9]+}}: warning: 'struct l5' is marked send, but its field 'inner' has type 'struct l4', which is not Send [sendsync-claim]
// ORDER-NEXT: negative-propagation.c:36:{{[0-9]+}}: note: 'struct l4' is not Send because its field 'payload' owns a 'union l3', which is not Send
// ORDER-NEXT: negative-propagation.c:33:{{[0-9]+}}: note: 'union l3' is not Send because its field 'body' has type 'struct l2', which is not Send
// ORDER-NEXT: negative-propagation.c:29:{{[0-9]+}}: note: 'struct l2' is not Send because its field 'items' holds elements of type 'struct l1', which is not Send
// ORDER-NEXT: negative-propagation.c:25:{{[0-9]+}}: note: 'struct l1' is not Send because its field 'g' has type 'struct fd_guard', which is not Send
// ORDER-NEXT: negative-propagation.c:17:{{[0-9]+}}: note: 'struct fd_guard' is marked not_send here
// ORDER-NEXT: negative-propagation.c:40:{{[0-9]+}}: note: 'struct l5' is claimed send here
// ORDER:      negative-propagation.c:77:{{[0-9]+}}: warning: 'struct board' is marked sync
// ORDER-NEXT: negative-propagation.c:69:{{[0-9]+}}: note: 'const struct m2' is not Sync because its field 'pair'
// ORDER-NEXT: negative-propagation.c:66:{{[0-9]+}}: note: 'const struct m1' is not Sync because its field 'c'
// ORDER-NEXT: negative-propagation.c:20:{{[0-9]+}}: note: 'struct cell' is marked not_sync here
// ORDER-NEXT: negative-propagation.c:76:{{[0-9]+}}: note: 'struct board' is claimed sync here
