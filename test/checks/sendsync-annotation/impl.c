// Impl declarations (docs/rules.md §1): a typedef carrying
// annotate("impl", "<marker>"[, "<reason>"]) applies a type marker to the
// aliased struct or union. Everything else is an error: an impl that is not a
// typedef, an impl of a non-record type, a marker that is not a type marker,
// an unknown marker (with a fix-it when it is a near miss), a missing marker,
// extra arguments. Well-formed impls stay silent.
//
// RUN: %verify %s
// RUN: not %sendsync -fdiagnostics-parseable-fixits %s 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=fix-it:

#include <sendsync.h>

struct foreign { int fd; };
union foreign_u { int i; float f; };
typedef struct foreign foreign_t;

// ---- where an impl goes --------------------------------------------------

// expected-error@+1 {{an impl declaration is a typedef: SS_IMPL(type, marker, reason), not struct 'not_a_typedef' [sendsync-annotation]}}
struct __attribute__((annotate("impl", "send", "x"))) not_a_typedef { int x; };
// expected-error@+1 {{an impl declaration is a typedef: SS_IMPL(type, marker, reason), not variable 'not_a_typedef_var' [sendsync-annotation]}}
struct foreign not_a_typedef_var __attribute__((annotate("impl", "send", "x")));

// expected-error@+1 {{an impl declaration applies to a struct or union type, but 'int_impl' names 'int' [sendsync-annotation]}}
typedef int int_impl __attribute__((annotate("impl", "send", "x")));
// expected-error@+1 {{an impl declaration applies to a struct or union type, but 'ptr_impl' names 'struct foreign *' [sendsync-annotation]}}
typedef struct foreign *ptr_impl __attribute__((annotate("impl", "unsafe_send", "x")));
// expected-error-re@+1 {{an impl declaration applies to a struct or union type, but 'sendsync_impl_{{[0-9]+}}' names 'char *'}}
SS_IMPL(char *, unsafe_send, "x");

// Correct: a struct, a union, a typedef of a struct, before the definition.
SS_IMPL(struct foreign, unsafe_send, "one owner at a time");
SS_IMPL(union foreign_u, not_sync, "type-punned by the reader");
SS_IMPL(foreign_t, not_sync, "unguarded fd");
SS_IMPL(struct later, unsafe_sync, "read-only after init");
struct later { int x; };

// ---- what an impl says ---------------------------------------------------

struct target1 { int x; };
struct target2 { int x; };
struct target3 { int x; };
struct target4 { int x; };
struct target5 { int x; };

// expected-error@+1 {{unknown sendsync marker 'snd' in impl declaration; did you mean 'send'? [sendsync-annotation]}}
typedef struct target1 typo_impl __attribute__((annotate("impl", "snd", "x")));
// CHECK: impl.c:[[@LINE-1]]:49: error: unknown sendsync marker 'snd' in impl declaration; did you mean 'send'?
// CHECK: fix-it:"{{.*}}impl.c":{[[@LINE-2]]:66-[[@LINE-2]]:71}:"\"send\""
// (Through SS_IMPL, where the marker is a bare token: impl-macro-fixit.c.)

// expected-error@+1 {{unknown sendsync marker 'frobnicate' in impl declaration [sendsync-annotation]}}
typedef struct target2 unknown_impl __attribute__((annotate("impl", "frobnicate", "x")));
// CHECK: impl.c:[[@LINE-1]]:52: error: unknown sendsync marker 'frobnicate' in impl declaration [sendsync-annotation]

// expected-error@+1 {{an impl declaration applies a type marker (send, sync, not_send, not_sync, unsafe_send, unsafe_sync), not 'owned' [sendsync-annotation]}}
SS_IMPL(struct target3, owned, "x");
// CHECK: impl.c:[[@LINE-1]]:1: error: an impl declaration applies a type marker

// expected-error@+1 {{an impl declaration needs the marker it applies: annotate("impl", "<marker>", "<reason>") [sendsync-annotation]}}
typedef struct target4 bare_impl __attribute__((annotate("impl")));
// CHECK: impl.c:[[@LINE-1]]:49: error: an impl declaration needs the marker it applies
// expected-error@+1 {{an impl declaration needs the marker it applies}}
typedef struct target4 number_impl __attribute__((annotate("impl", 3, "x")));
// CHECK: impl.c:[[@LINE-1]]:51: error: an impl declaration needs the marker it applies

// expected-error@+1 {{an impl declaration takes a marker and a reason, nothing more [sendsync-annotation]}}
typedef struct target5 long_impl __attribute__((annotate("impl", "not_send", "x", "y")));
// CHECK: impl.c:[[@LINE-1]]:49: error: an impl declaration takes a marker and a reason, nothing more
