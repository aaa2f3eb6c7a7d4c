// docs/rules.md §1, Impl declarations: SS_IMPL(type, marker, reason) annotates a
// type the user does not own, even after its definition, and applies the
// marker to the canonical type everywhere in the translation unit (also to
// uses written before the impl declaration, and through any typedef of it).
// A claim applied by an impl is verified like a claim on the type; two
// impls that conflict are an error.
//
// RUN: %verify -isystem %S/Inputs %s
// RUN: %verify=expected,strict -isystem %S/Inputs -fplugin-arg-sendsync-strict %s
// RUN: %sendsync -isystem %S/Inputs -fplugin-arg-sendsync-explain='struct foreign_conn' -DNO_CONFLICT %s | FileCheck %s

#include <sendsync.h>
#include <vendor.h>

/* "Foreign" definitions: the user cannot add markers to them. */
struct foreign_conn {
  int fd;
  char *peer;
};
typedef struct foreign_conn foreign_conn_t;
struct foreign_stats {
  long hits;
};
struct foreign_table {
  int rows; // #table_rows
};

/* Written before the impl declarations below, judged with them. */
struct SS_SEND early_user {    // #early_user
  struct foreign_conn c;       // #early_c
};
// expected-warning@#early_c {{'struct early_user' is marked send, but its field 'c' has type 'struct foreign_conn', which is not Send [sendsync-claim]}}
// expected-note@#impl_conn {{'struct foreign_conn' is marked not_send by the impl declaration here}}
// expected-note@#early_user {{'struct early_user' is claimed send here}}

SS_IMPL(foreign_conn_t, not_send, "the fd is registered with this thread's epoll"); // #impl_conn
SS_IMPL(struct foreign_stats, unsafe_sync, "hits is only an estimate, races are fine");
SS_IMPL(struct vendor_db, unsafe_send, "the vendor library locks internally");
SS_IMPL(struct foreign_table, sync, "checked by the plugin"); // #impl_table
// expected-warning@#table_rows {{'struct foreign_table' is marked sync, but its field 'rows' holds a mutable 'int'}}
// expected-note@#impl_table {{'struct foreign_table' is claimed sync by the impl declaration here}}

/* A claim by impl on a struct defined in a system header is still the
 * user's claim: it must be reported at the claim (not dropped with the
 * header's own diagnostics), with a note at the header's field. */
SS_IMPL(struct vendor_stats, sync, "the user believes the vendor's stats are immutable"); // #impl_vendor_stats
// expected-warning@#impl_vendor_stats {{'struct vendor_stats' is marked sync, but its field 'hits' holds a mutable 'long'; make it const, _Atomic, or guard it with a lock (guarded_by) [sendsync-claim]}}
// expected-note@vendor.h:7 {{its field 'hits' is declared here}}
// expected-note@* 0-1 {{'struct vendor_stats' is not Sync because its field 'hits' holds a mutable 'long'}}
// expected-note@#impl_vendor_stats {{'struct vendor_stats' is claimed sync by the impl declaration here}}

/* Holds: unsafe_sync by impl makes the mutable struct Sync for containers;
 * unsafe_send by impl makes an opaque vendor handle Send, even in strict
 * mode; not_send by impl does not touch Sync (a const view of the
 * connection is still judged from its fields). */
struct SS_SYNC metrics {
  struct foreign_stats totals;
  struct foreign_stats per_cpu[4];
};
struct SS_SEND session {
  struct vendor_db *db SS_OWNED;
};

/* Does not hold: not_send by impl propagates, through the typedef name or
 * the struct name, and through owned pointers. */
struct SS_SEND later_user {     // #later_user
  foreign_conn_t via_typedef;   // #later_td
  struct foreign_conn *owned SS_OWNED; // #later_owned
};
// expected-warning@#later_td {{'struct later_user' is marked send, but its field 'via_typedef' has type 'foreign_conn_t', which is not Send [sendsync-claim]}}
// expected-warning@#later_owned {{'struct later_user' is marked send, but its field 'owned' owns a 'struct foreign_conn', which is not Send [sendsync-claim]}}
// expected-note@#impl_conn 2 {{'struct foreign_conn' is marked not_send by the impl declaration here}}
// expected-note@#later_user 2 {{'struct later_user' is claimed send here}}

/* Conflicting impls are an error (left out of the explain run, which must
 * compile cleanly). */
#ifndef NO_CONFLICT
struct foreign_lock {
  const int id;
};
SS_IMPL(struct foreign_lock, send, "first opinion");     // #impl_lock_send
SS_IMPL(struct foreign_lock, not_send, "second opinion"); // #impl_lock_not_send
// expected-error@#impl_lock_not_send {{marker 'not_send' conflicts with marker 'send' by another impl declaration; keep one of them [sendsync-annotation]}}
// expected-note@#impl_lock_send {{marker 'send' is here}}
#endif

// CHECK-LABEL: sendsync: derivation of 'struct foreign_conn'
// The top-level "no" must say why: the impl declaration (its fields alone
// would give Send: unknown).
// CHECK-NEXT:   Send: no
// CHECK-NEXT:   {{.*}}'struct foreign_conn' is marked not_send by the impl declaration here
