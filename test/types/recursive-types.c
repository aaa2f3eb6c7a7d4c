// docs/rules.md §1, Derivation: recursive types are judged coinductively: assume
// yes on the cycle, so a list of Send nodes is Send, and mutually recursive
// types are judged together. A cycle that passes through a non-Send type is
// not Send, wherever the judgement starts, and a judgement made while
// assuming a cycle must not be remembered as final when the cycle fails.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=node %s | FileCheck %s
// RUN: %sendsync -fno-caret-diagnostics %s 2>&1 | grep -v 'expanded from macro' | FileCheck %s --check-prefix=ORDER

#include <sendsync.h>

struct SS_NOT_SEND tok { // #tok
  const int id;
};

/* Holds: a singly linked list of Send nodes is Send. */
struct SS_SEND node {
  int value;
  struct node *next SS_OWNED;
};

/* Holds: a list of immutable nodes is Sync. */
struct SS_SYNC SS_SEND cnode {
  const int value;
  struct cnode *const next SS_OWNED;
};

/* Holds: mutually recursive types, claims on the forward declarations. */
struct SS_SEND tree;
struct SS_SEND forest;
struct tree {
  int label;
  struct forest *children SS_OWNED;
};
struct forest {
  struct tree *first SS_OWNED;
  struct forest *rest SS_OWNED;
};

/* Holds: recursion through a typedef name. */
typedef struct tnode tnode_t;
struct SS_SEND tnode {
  long v;
  tnode_t *next SS_OWNED;
};

/* Does not hold: a two-type cycle through a non-Send type. */
struct rb;
struct SS_SEND ra {           // #ra
  int x;
  struct rb *b SS_OWNED;      // #ra_b
};
struct rb {
  struct ra *a SS_OWNED;
  struct tok t;               // #rb_t
};
// expected-warning@#ra_b {{'struct ra' is marked send, but its field 'b' owns a 'struct rb', which is not Send [sendsync-claim]}}
// expected-note@#rb_t {{'struct rb' is not Send because its field 't' has type 'struct tok', which is not Send}}
// expected-note@#tok {{'struct tok' is marked not_send here}}
// expected-note@#ra {{'struct ra' is claimed send here}}

/* Does not hold: judging w1 first judges x1, which judges y1 while
 * assuming x1; x1 then fails on 't', so y1 (which owns an x1) must fail
 * too when z1 asks for it later. */
struct y1;
struct x1 {
  struct y1 *y SS_OWNED;
  struct tok t;               // #x1_t
};
struct y1 {
  struct x1 *x SS_OWNED;      // #y1_x
};
struct SS_SEND w1 {           // #w1
  struct x1 *x SS_OWNED;      // #w1_x
};
struct SS_SEND z1 {           // #z1
  struct y1 y;                // #z1_y
};
// expected-warning@#w1_x {{'struct w1' is marked send, but its field 'x' owns a 'struct x1', which is not Send [sendsync-claim]}}
// expected-note@#x1_t {{'struct x1' is not Send because its field 't' has type 'struct tok', which is not Send}}
// expected-note@#tok {{'struct tok' is marked not_send here}}
// expected-note@#w1 {{'struct w1' is claimed send here}}
// expected-warning@#z1_y {{'struct z1' is marked send, but its field 'y' has type 'struct y1', which is not Send [sendsync-claim]}}
// expected-note@#y1_x {{'struct y1' is not Send because its field 'x' owns a 'struct x1', which is not Send}}
// expected-note@#x1_t {{'struct x1' is not Send because its field 't' has type 'struct tok', which is not Send}}
// expected-note@#tok {{'struct tok' is marked not_send here}}
// expected-note@#z1 {{'struct z1' is claimed send here}}

/* Does not hold: a doubly linked list whose back link is borrowed needs the
 * node to be Sync, and a mutable value is not. The owned 'next' link leads
 * back to the same node, so it breaks Send too; both chains are complete. */
struct SS_SEND dnode {        // #dnode
  int v;                      // #dnode_v
  struct dnode *next SS_OWNED; // #dnode_next
  struct dnode *prev SS_BORROWED; // #dnode_prev
};
// expected-warning@#dnode_next {{'struct dnode' is marked send, but its field 'next' owns a 'struct dnode', which is not Send [sendsync-claim]}}
// expected-note@#dnode_prev {{'struct dnode' is not Send because its field 'prev' borrows a 'struct dnode', which is not Sync}}
// expected-note@#dnode_v {{'struct dnode' is not Sync because its field 'v' holds a mutable 'int'}}
// expected-warning@#dnode_prev {{'struct dnode' is marked send, but its field 'prev' borrows a 'struct dnode', which is not Sync [sendsync-claim]}}
// expected-note@#dnode_v {{'struct dnode' is not Sync because its field 'v' holds a mutable 'int'}}
// expected-note@#dnode 2 {{'struct dnode' is claimed send here}}

// CHECK-LABEL: sendsync: derivation of 'struct node'
// CHECK-NEXT:   Send: yes
// CHECK-NEXT:   Sync: no
// CHECK-NEXT:     - 'struct node' is not Sync because its field 'value' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by) (recursive-types.c:20:7)
// CHECK-NEXT:   field 'value' 'int'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: no: it holds a mutable 'int'
// CHECK-NEXT:   field 'next' 'struct node *' owned
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: no: it is a mutable pointer 'struct node *'

// Chains in order, hop by hop (exact lines).
// ORDER:      recursive-types.c:53:{{[0-9]+}}: warning: 'struct ra' is marked send, but its field 'b' owns a 'struct rb', which is not Send
// ORDER-NEXT: recursive-types.c:57:{{[0-9]+}}: note: 'struct rb' is not Send because its field 't' has type 'struct tok', which is not Send
// ORDER-NEXT: recursive-types.c:14:{{[0-9]+}}: note: 'struct tok' is marked not_send here
// ORDER-NEXT: recursive-types.c:51:{{[0-9]+}}: note: 'struct ra' is claimed send here
// ORDER:      recursive-types.c:79:{{[0-9]+}}: warning: 'struct z1' is marked send, but its field 'y' has type 'struct y1', which is not Send
// ORDER-NEXT: recursive-types.c:73:{{[0-9]+}}: note: 'struct y1' is not Send because its field 'x' owns a 'struct x1', which is not Send
// ORDER-NEXT: recursive-types.c:70:{{[0-9]+}}: note: 'struct x1' is not Send because its field 't' has type 'struct tok', which is not Send
// ORDER-NEXT: recursive-types.c:14:{{[0-9]+}}: note: 'struct tok' is marked not_send here
// ORDER-NEXT: recursive-types.c:78:{{[0-9]+}}: note: 'struct z1' is claimed send here
// ORDER:      recursive-types.c:96:{{[0-9]+}}: warning: 'struct dnode' is marked send, but its field 'next' owns a 'struct dnode', which is not Send
// ORDER-NEXT: recursive-types.c:97:{{[0-9]+}}: note: 'struct dnode' is not Send because its field 'prev' borrows a 'struct dnode', which is not Sync
// ORDER-NEXT: recursive-types.c:95:{{[0-9]+}}: note: 'struct dnode' is not Sync because its field 'v' holds a mutable 'int'
// ORDER-NEXT: recursive-types.c:94:{{[0-9]+}}: note: 'struct dnode' is claimed send here
