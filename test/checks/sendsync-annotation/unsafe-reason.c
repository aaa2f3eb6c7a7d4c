// unsafe_send / unsafe_sync are trusted without checking, so they must say
// why (docs/rules.md §1: "takes a reason as second argument; listed by the audit
// report"). A missing or blank reason is an error with a fix-it that inserts
// or replaces the reason (docs/rules.md §5: "fix-its where the fix is mechanical
// (... a missing reason string)"). A reason given stays silent.
// (A reason that is not a string: unsafe-reason-not-string.c.)
//
// RUN: %verify %s
// RUN: not %sendsync -fdiagnostics-parseable-fixits %s 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:

// No reason: the fix-it inserts one after the marker string.
// expected-error@+1 {{marker 'unsafe_send' needs a reason: say why the type is safe anyway (the audit report lists it) [sendsync-annotation]}}
struct __attribute__((annotate("unsafe_send"))) no_reason { char *buf; };
// CHECK: unsafe-reason.c:[[@LINE-1]]:23: error: marker 'unsafe_send' needs a reason
// CHECK: fix-it:"{{.*}}unsafe-reason.c":{[[@LINE-2]]:45-[[@LINE-2]]:45}:", \"<why this is safe>\""

// An empty reason: the fix-it replaces the empty string.
// expected-error@+1 {{marker 'unsafe_sync' needs a reason: say why the type is safe anyway (the audit report lists it) [sendsync-annotation]}}
struct __attribute__((annotate("unsafe_sync", ""))) empty_reason { char *buf; };
// CHECK: unsafe-reason.c:[[@LINE-1]]:23: error: marker 'unsafe_sync' needs a reason
// CHECK: fix-it:"{{.*}}unsafe-reason.c":{[[@LINE-2]]:47-[[@LINE-2]]:49}:"\"<why this is safe>\""

// Only blanks is no reason either.
// expected-error@+1 {{marker 'unsafe_send' needs a reason}}
typedef struct no_reason blank_t __attribute__((annotate("unsafe_send", "   ")));
// CHECK: unsafe-reason.c:[[@LINE-1]]:49: error: marker 'unsafe_send' needs a reason
// CHECK: fix-it:"{{.*}}unsafe-reason.c":{[[@LINE-2]]:73-[[@LINE-2]]:78}:"\"<why this is safe>\""

// The same through the header's macro: the reason is the macro argument.
#include <sendsync.h>
// expected-error@+1 {{marker 'unsafe_sync' needs a reason}}
struct SS_UNSAFE_SYNC("") macro_empty { char *buf; };
// CHECK: unsafe-reason.c:[[@LINE-1]]:8: error: marker 'unsafe_sync' needs a reason
// CHECK: fix-it:"{{.*}}unsafe-reason.c":{[[@LINE-2]]:23-[[@LINE-2]]:25}:"\"<why this is safe>\""

// An impl declaration with an unsafe marker needs its reason too.
struct foreign { int fd; };
// expected-error@+1 {{marker 'unsafe_send' needs a reason}}
typedef struct foreign impl_no_reason __attribute__((annotate("impl", "unsafe_send")));
// CHECK: unsafe-reason.c:[[@LINE-1]]:54: error: marker 'unsafe_send' needs a reason
// CHECK: fix-it:"{{.*}}unsafe-reason.c":{[[@LINE-2]]:84-[[@LINE-2]]:84}:", \"<why this is safe>\""
struct foreign2 { int fd; };
// expected-error@+1 {{marker 'unsafe_sync' needs a reason}}
SS_IMPL(struct foreign2, unsafe_sync, "");
// CHECK: unsafe-reason.c:[[@LINE-1]]:1: error: marker 'unsafe_sync' needs a reason
// CHECK: fix-it:"{{.*}}unsafe-reason.c":{[[@LINE-2]]:39-[[@LINE-2]]:41}:"\"<why this is safe>\""

// With reasons: silent.
struct __attribute__((annotate("unsafe_send", "one owner at a time"))) with_reason { char *buf; };
struct SS_UNSAFE_SYNC("written before the threads start") table { int rows; };
typedef struct table table_t SS_UNSAFE_SEND("no thread-local state");
struct foreign3 { int fd; };
SS_IMPL(struct foreign3, unsafe_send, "one owner at a time");
// Claims and negative markers need no reason; SS_IMPL's reason is optional.
struct foreign4 { int fd; };
SS_IMPL(struct foreign4, not_sync, "");
