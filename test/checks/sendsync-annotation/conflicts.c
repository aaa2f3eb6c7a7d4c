// Markers that contradict each other are an error that names both and points
// at the other one with a note (docs/rules.md §1: "conflicting markers ... are
// errors"; "two impls that conflict are an error"). Markers that agree, or
// that are about different properties, stay silent.
//
// RUN: %verify %s

#include <sendsync.h>

// ---- a claim and its negation on one declaration -------------------------

// expected-error@+2 {{marker 'not_send' conflicts with marker 'send'; keep one of them [sendsync-annotation]}}
// expected-note@+1 {{marker 'send' is here}}
struct SS_SEND SS_NOT_SEND both { int x; };
// Send and not Sync is a real combination (Rust's Cell<T>).
struct SS_SEND SS_NOT_SYNC cell_like { int x; };

// expected-error@+2 {{marker 'unsafe_sync' conflicts with marker 'sync'; keep one of them [sendsync-annotation]}}
// expected-note@+1 {{marker 'sync' is here}}
struct SS_SYNC SS_UNSAFE_SYNC("immutable") twice_sync { const int x; };
// expected-error@+2 {{marker 'not_send' conflicts with marker 'unsafe_send'; keep one of them [sendsync-annotation]}}
// expected-note@+1 {{marker 'unsafe_send' is here}}
struct SS_UNSAFE_SEND("one owner") SS_NOT_SEND trusted_and_not { int x; };

// ---- across redeclarations: the note points at the other declaration ----

struct SS_SEND job;             // expected-note {{marker 'send' is here}}
// expected-error@+1 {{marker 'not_send' conflicts with marker 'send'; keep one of them [sendsync-annotation]}}
struct SS_NOT_SEND job;
struct job { int id; };

// The same marker on two redeclarations agrees with itself.
struct SS_NOT_SYNC cache;
struct SS_NOT_SYNC cache { int hits; };

// Typedef redefinitions (C11) are redeclarations too.
struct point { int x, y; };
typedef struct point point_t SS_SEND; // expected-note {{marker 'send' is here}}
// expected-error@+1 {{marker 'not_send' conflicts with marker 'send'; keep one of them [sendsync-annotation]}}
typedef struct point point_t SS_NOT_SEND;

// ---- pointer kinds ------------------------------------------------------

struct buffer {
  // expected-error@+2 {{marker 'borrowed' conflicts with marker 'owned'; keep one of them [sendsync-annotation]}}
  // expected-note@+1 {{marker 'owned' is here}}
  char *data SS_OWNED SS_BORROWED;
  char *name SS_OWNED SS_OWNED; // the same kind twice is redundant, not a conflict
};
extern char *current SS_STATIC; // expected-note {{marker 'static' is here}}
// expected-error@+1 {{marker 'owned' conflicts with marker 'static'; keep one of them [sendsync-annotation]}}
extern char *current SS_OWNED;

// A declaration's pointer kind must agree with the kind of its typedef.
typedef char *borrowed_str SS_BORROWED; // expected-note 3 {{'borrowed_str' is declared here}}
struct message {
  // expected-error@+1 {{marker 'owned' conflicts with the typedef 'borrowed_str', which is borrowed [sendsync-annotation]}}
  borrowed_str text SS_OWNED;
  borrowed_str from SS_BORROWED; // agrees
  borrowed_str to;               // inherits borrowed
};
// expected-error@+1 {{marker 'static' conflicts with the typedef 'borrowed_str', which is borrowed [sendsync-annotation]}}
void log_message(borrowed_str text SS_STATIC);
// expected-error@+1 {{marker 'owned' conflicts with the typedef 'borrowed_str', which is borrowed [sendsync-annotation]}}
typedef borrowed_str owned_again SS_OWNED;
typedef char *plain_str;
plain_str owned_plain SS_OWNED; // a typedef without a kind takes any

// ---- impl declarations ---------------------------------------------------

struct foreign { int fd; };
SS_IMPL(struct foreign, send, "moves between workers"); // expected-note {{marker 'send' is here}}
// expected-error@+1 {{marker 'not_send' conflicts with marker 'send' by another impl declaration; keep one of them [sendsync-annotation]}}
SS_IMPL(struct foreign, not_send, "bound to its thread");
// Different properties do not conflict.
SS_IMPL(struct foreign, not_sync, "unguarded counters");

struct SS_SYNC shared_cfg { const int level; }; // expected-note {{marker 'sync' is here}}
// expected-error@+1 {{marker 'not_sync' conflicts with marker 'sync' on the type's declaration; keep one of them [sendsync-annotation]}}
SS_IMPL(struct shared_cfg, not_sync, "changed my mind");

struct SS_SEND owned_here { int x; }; // expected-note {{marker 'send' is here}}
// expected-error@+1 {{marker 'unsafe_send' conflicts with marker 'send' on the type's declaration; keep one of them [sendsync-annotation]}}
SS_IMPL(struct owned_here, unsafe_send, "trust me");
SS_IMPL(struct owned_here, not_sync, "unguarded counter"); // another property: fine
