// docs/rules.md §1: an unannotated (raw) pointer is *mut T: Send and Sync are
// unknown. Unknown counts as "yes" in default mode (no noise on unannotated
// code) and as "cannot prove" in strict mode, reported as sendsync-unknown
// with the field that causes it. The same holds for what cannot be seen:
// void and incomplete types behind a marked pointer. A definite "no" (a
// mutable pointer object shared, a not_send pointee) is reported in both.
// Strict mode comes from the plugin argument or from SS_STRICT_FILE.
//
// RUN: %verify %s
// RUN: %verify=expected,strict -fplugin-arg-sendsync-strict %s
// RUN: %verify=expected,strict -DSTRICT_FILE %s
// RUN: %sendsync -fplugin-arg-sendsync-explain=message %s | FileCheck %s

#include <sendsync.h>

#ifdef STRICT_FILE
SS_STRICT_FILE;
#endif

struct opaque; // #opaque
struct SS_NOT_SEND sink { // #sink
  int fd;
};

/* Unknown: silent by default, sendsync-unknown in strict mode. */
struct SS_SEND message { // #message
  int len;
  char *text;           // #message_text
  void *ctx;            // #message_ctx
  void *blob SS_OWNED;  // #message_blob
  struct opaque *h SS_OWNED; // #message_h
};
// strict-warning@#message_text {{cannot prove the send claim on 'struct message': its field 'text' is an unannotated pointer 'char *'; mark it SS_OWNED, SS_STATIC or SS_BORROWED [sendsync-unknown]}}
// strict-warning@#message_ctx {{cannot prove the send claim on 'struct message': its field 'ctx' is an unannotated pointer 'void *'; mark it SS_OWNED, SS_STATIC or SS_BORROWED [sendsync-unknown]}}
// strict-warning@#message_blob {{cannot prove the send claim on 'struct message': its field 'blob' owns memory that is untyped ('void'), so what it holds cannot be judged [sendsync-unknown]}}
// strict-warning@#message_h {{cannot prove the send claim on 'struct message': its field 'h' owns a 'struct opaque', which cannot be proven Send [sendsync-unknown]}}
// strict-note@#opaque {{'struct opaque' is incomplete here and carries no sendsync marker; mark a declaration of it, e.g. 'struct SS_UNSAFE_SEND("why") opaque;'}}
// strict-note@#message 4 {{'struct message' is claimed send here}}

struct SS_SYNC view { // #view
  const char *const text; // #view_text
};
// strict-warning@#view_text {{cannot prove the sync claim on 'struct view': its field 'text' is an unannotated pointer 'const char *const'}}
// strict-note@#view {{'struct view' is claimed sync here}}

/* Unknown propagates outward with its chain. */
struct inner {
  char *p; // #inner_p
};
struct SS_SEND outer { // #outer
  struct inner in; // #outer_in
};
// strict-warning@#outer_in {{cannot prove the send claim on 'struct outer': its field 'in' has type 'struct inner', which cannot be proven Send [sendsync-unknown]}}
// strict-note@#inner_p {{'struct inner' cannot be proven Send because its field 'p' is an unannotated pointer 'char *'; mark it SS_OWNED, SS_STATIC or SS_BORROWED}}
// strict-note@#outer {{'struct outer' is claimed send here}}

/* A definite "no" is reported in both modes: sharing a mutable pointer
 * object is a race whatever it points to; a known non-Send field is
 * reported even beside unknown ones. */
struct SS_SYNC racy { // #racy
  char *cursor; // #racy_cursor
};
// expected-warning@#racy_cursor {{'struct racy' is marked sync, but its field 'cursor' is a mutable pointer 'char *'; make the pointer itself const ('T *const'), _Atomic, or guard it with a lock [sendsync-claim]}}
// expected-note@#racy {{'struct racy' is claimed sync here}}

struct SS_SEND mixed { // #mixed
  char *raw;         // #mixed_raw
  struct sink s;     // #mixed_s
};
// expected-warning@#mixed_s {{'struct mixed' is marked send, but its field 's' has type 'struct sink', which is not Send [sendsync-claim]}}
// expected-note@#sink {{'struct sink' is marked not_send here}}
// expected-note@#mixed {{'struct mixed' is claimed send here}}
// strict-warning@#mixed_raw {{cannot prove the send claim on 'struct mixed': its field 'raw' is an unannotated pointer 'char *'}}
// strict-note@#mixed {{'struct mixed' is claimed send here}}

/* Holds in both modes: marked pointers to complete types, function
 * pointers (code needs no marker). */
struct plain {
  const int n;
};
struct SS_SEND SS_SYNC marked {
  const char *const text SS_OWNED;
  const struct plain *const in SS_STATIC;
  void (*const done)(void *);
};

// CHECK-LABEL: sendsync: derivation of 'struct message'
// CHECK-NEXT:   Send: unknown
// CHECK-NEXT:     - 'struct message' cannot be proven Send because its field 'text' is an unannotated pointer 'char *'; mark it SS_OWNED, SS_STATIC or SS_BORROWED (unannotated-pointers.c:28:9)
// CHECK-NEXT:   Sync: no
// CHECK-NEXT:     - 'struct message' is not Sync because its field 'len' holds a mutable 'int'; make it const, _Atomic, or guard it with a lock (guarded_by) (unannotated-pointers.c:27:7)
// CHECK-NEXT:   field 'len' 'int'
// CHECK-NEXT:     Send: yes
// CHECK:        field 'text' 'char *'
// CHECK-NEXT:     Send: unknown (an unannotated pointer or opaque type; strict mode reports it): it is an unannotated pointer 'char *'
