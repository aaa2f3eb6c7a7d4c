// docs/rules.md §1: an unannotated union is Send iff every member is Send and Sync
// iff every member is Sync, like a struct: any member may be the live one.
// Claims on unions are verified; a union's "no" propagates to what holds it.
//
// RUN: %verify %s
// RUN: %verify -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=value %s | FileCheck %s

#include <sendsync.h>

struct SS_NOT_SEND handle { // #handle
  const int fd;
};

/* Holds. */
union SS_SYNC SS_SEND constant {
  const int i;
  const double d;
  const char *const s SS_STATIC;
  _Atomic long l;
};
union SS_SEND value {
  int i;
  double d;
  const char *s SS_OWNED;
  unsigned char bytes[8];
};
typedef const union value const_value_t SS_SYNC;
struct SS_SYNC frozen {
  const union value v;
  union {
    const int a;
    const float b;
  };
};

/* Does not hold: one mutable member spoils Sync; one non-Send member
 * spoils Send, also for the struct that holds the union. */
union SS_SYNC half { // #half
  const int ro;
  int rw;            // #half_rw
};
// expected-warning@#half_rw {{'union half' is marked sync, but its field 'rw' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by) [sendsync-claim]}}
// expected-note@#half {{'union half' is claimed sync here}}

union SS_SEND either { // #either
  int code;
  struct handle h;     // #either_h
};
// expected-warning@#either_h {{'union either' is marked send, but its field 'h' has type 'struct handle', which is not Send [sendsync-claim]}}
// expected-note@#handle 2 {{'struct handle' is marked not_send here}}
// expected-note@#either {{'union either' is claimed send here}}

union result {
  long n;
  struct handle h;     // #result_h
};
struct SS_SEND reply { // #reply
  union result r;      // #reply_r
};
// expected-warning@#reply_r {{'struct reply' is marked send, but its field 'r' has type 'union result', which is not Send [sendsync-claim]}}
// expected-note@#result_h {{'union result' is not Send because its field 'h' has type 'struct handle', which is not Send}}
// expected-note@#reply {{'struct reply' is claimed send here}}

struct SS_SYNC tagged { // #tagged
  const int kind;
  union {               // #tagged_anon
    const int a;
    int b;              // #tagged_b
  };
};
// expected-warning-re@#tagged_anon {{'struct tagged' is marked sync, but its anonymous member has type 'anonymous union at unions.c:{{[0-9]+}}', which is not Sync [sendsync-claim]}}
// expected-note-re@#tagged_b {{'anonymous union at unions.c:{{[0-9]+}}' is not Sync because its field 'b' holds a mutable 'int'}}
// expected-note@#tagged {{'struct tagged' is claimed sync here}}

// CHECK-LABEL: sendsync: derivation of 'union value'
// CHECK-NEXT:   Send: yes
// CHECK-NEXT:   Sync: no
// CHECK-NEXT:     - 'union value' is not Sync because its field 'i' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by) (unions.c:23:7)
// CHECK-NEXT:   field 'i' 'int'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: no: it holds a mutable 'int'
