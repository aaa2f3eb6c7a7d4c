// docs/rules.md §1, Pointers: for a pointer P to T (marker on the field or on a
// typedef of the pointer type),
//   owned     Send(P) = Send(T)   Sync(P) = storage(P) and Sync(T)
//   static    Send(P) = Sync(T)   Sync(P) = storage(P) and Sync(T)
//   borrowed  Send(P) = Sync(T)   Sync(P) = storage(P) and Sync(T)
// Qualifiers of the pointee count (a pointer to const shares an immutable
// view); function pointers are code: Send, and Sync by the storage rule only.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=handoff %s | FileCheck %s
// RUN: %sendsync -fno-caret-diagnostics %s 2>&1 | grep -v 'expanded from macro' | FileCheck %s --check-prefix=ORDER

#include <sendsync.h>

struct SS_NOT_SEND sink { // #sink
  int fd;
};
struct SS_NOT_SEND token { // #token_marker (not Send, but Sync: nothing in it is mutable)
  const int id;
};
struct counter {
  int n; // #counter_n
};
struct config {
  const int port;
};
struct backend {
  struct sink sinks[2]; // #backend_sinks
};
struct logger {
  struct backend backend; // #logger_backend
};

typedef struct counter *counter_ref SS_BORROWED;
typedef const struct config *config_ref SS_STATIC;

/* Holds (Send): owned needs Send(T); static and borrowed need Sync(T), which
 * const pointees and a Sync-but-not-Send type provide. */
struct SS_SEND handoff {
  struct counter *c SS_OWNED;
  char *buf SS_OWNED;
  const char *name SS_OWNED;
  const struct config *cfg SS_STATIC;
  struct config *cfg2 SS_BORROWED;
  const struct counter *ro SS_BORROWED;
  const char *msg SS_STATIC;
  const struct token *tok SS_STATIC;
  const struct token *tok2 SS_BORROWED;
  config_ref via_typedef;
  void (*cb)(void);
};

/* Holds (Sync): const pointer objects to Sync pointees. */
struct SS_SYNC shared_view {
  const struct config *const a SS_OWNED;
  struct config *const b SS_STATIC;
  const struct counter *const c SS_BORROWED;
  const char *const s SS_OWNED;
  const struct token *const t SS_OWNED;
  const config_ref via_typedef;
  void (*const cb)(int);
};

/* Does not hold (Send). */
struct SS_SEND bad_handoff { // #bad_handoff
  struct counter *c SS_STATIC;   // #bh_c
  struct counter *b SS_BORROWED; // #bh_b
  char *s SS_STATIC;             // #bh_s
  struct token *t SS_OWNED;      // #bh_t
  counter_ref r;                 // #bh_r
};
// expected-warning@#bh_c {{'struct bad_handoff' is marked send, but its field 'c' points to a static 'struct counter', which is not Sync [sendsync-claim]}}
// expected-warning@#bh_b {{'struct bad_handoff' is marked send, but its field 'b' borrows a 'struct counter', which is not Sync [sendsync-claim]}}
// expected-warning@#bh_s {{'struct bad_handoff' is marked send, but its field 's' points to static memory that holds a mutable 'char'}}
// expected-warning@#bh_t {{'struct bad_handoff' is marked send, but its field 't' owns a 'struct token', which is not Send [sendsync-claim]}}
// expected-note@#token_marker {{'struct token' is marked not_send here}}
// expected-warning@#bh_r {{'struct bad_handoff' is marked send, but its field 'r' borrows a 'struct counter', which is not Sync [sendsync-claim]}}
// expected-note@#counter_n 3 {{'struct counter' is not Sync because its field 'n' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by)}}
// expected-note@#bad_handoff 5 {{'struct bad_handoff' is claimed send here}}

/* Does not hold (Sync): the pointer object is mutable, or the pointee is
 * not Sync. */
struct SS_SYNC bad_view { // #bad_view
  const struct config *a SS_OWNED;     // #bv_a
  struct counter *const c SS_OWNED;    // #bv_c
  struct counter *const b SS_STATIC;   // #bv_b
  char *const s SS_BORROWED;           // #bv_s
  void (*cb)(int);                     // #bv_cb
};
// expected-warning@#bv_a {{'struct bad_view' is marked sync, but its field 'a' is a mutable pointer 'const struct config *'; make the pointer itself const ('T *const'), _Atomic, or guard it with a lock [sendsync-claim]}}
// expected-warning@#bv_c {{'struct bad_view' is marked sync, but its field 'c' owns a 'struct counter', which is not Sync [sendsync-claim]}}
// expected-warning@#bv_b {{'struct bad_view' is marked sync, but its field 'b' points to a static 'struct counter', which is not Sync [sendsync-claim]}}
// expected-note@#counter_n 2 {{'struct counter' is not Sync because its field 'n' holds a mutable 'int'}}
// expected-warning@#bv_s {{'struct bad_view' is marked sync, but its field 's' borrows memory that holds a mutable 'char'}}
// expected-warning@#bv_cb {{'struct bad_view' is marked sync, but its field 'cb' is a mutable pointer 'void (*)(int)'}}
// expected-note@#bad_view 5 {{'struct bad_view' is claimed sync here}}

/* Does not hold: an owned pointer carries Send through several hops; every
 * hop of the chain is a note at its own field, ending at the marker. */
struct SS_SEND job { // #job
  int id;
  struct logger *log SS_OWNED; // #job_log
};
// expected-warning@#job_log {{'struct job' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]}}
// expected-note@#logger_backend {{'struct logger' is not Send because its field 'backend' has type 'struct backend', which is not Send}}
// expected-note@#backend_sinks {{'struct backend' is not Send because its field 'sinks' holds elements of type 'struct sink', which is not Send}}
// expected-note@#sink {{'struct sink' is marked not_send here}}
// expected-note@#job {{'struct job' is claimed send here}}

// CHECK-LABEL: sendsync: derivation of 'struct handoff'
// CHECK-NEXT:   Send: yes
// CHECK-NEXT:   Sync: no
// CHECK:        field 'tok' 'const struct token *' static
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: no: it is a mutable pointer

// The owned-pointer chain in order, hop by hop (exact lines).
// ORDER:      pointer-kinds.c:103:{{[0-9]+}}: warning: 'struct job' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]
// ORDER-NEXT: pointer-kinds.c:32:{{[0-9]+}}: note: 'struct logger' is not Send because its field 'backend' has type 'struct backend', which is not Send
// ORDER-NEXT: pointer-kinds.c:29:{{[0-9]+}}: note: 'struct backend' is not Send because its field 'sinks' holds elements of type 'struct sink', which is not Send
// ORDER-NEXT: pointer-kinds.c:16:{{[0-9]+}}: note: 'struct sink' is marked not_send here
// ORDER-NEXT: pointer-kinds.c:101:{{[0-9]+}}: note: 'struct job' is claimed send here
