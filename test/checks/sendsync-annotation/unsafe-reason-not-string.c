// A reason that is not a string literal is an error, with a fix-it that
// replaces it by a reason string to fill in: the same mechanical fix as for
// an empty reason (docs/rules.md §5: fix-its for "a missing reason string").
//
// RUN: %verify %s
// RUN: not %sendsync -fdiagnostics-parseable-fixits %s 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:

// expected-error@+1 {{the reason of marker 'unsafe_send' must be a string literal [sendsync-annotation]}}
struct __attribute__((annotate("unsafe_send", 42))) number_reason { char *buf; };
// CHECK: unsafe-reason-not-string.c:[[@LINE-1]]:23: error: the reason of marker 'unsafe_send' must be a string literal
// CHECK: fix-it:"{{.*}}unsafe-reason-not-string.c":{[[@LINE-2]]:47-[[@LINE-2]]:49}:"\"<why this is safe>\""

struct foreign { int fd; };
// expected-error@+1 {{the reason of marker 'unsafe_sync' must be a string literal [sendsync-annotation]}}
typedef struct foreign impl_number __attribute__((annotate("impl", "unsafe_sync", 1 + 1)));
// CHECK: unsafe-reason-not-string.c:[[@LINE-1]]:51: error: the reason of marker 'unsafe_sync' must be a string literal
// CHECK: fix-it:"{{.*}}unsafe-reason-not-string.c":{[[@LINE-2]]:83-[[@LINE-2]]:88}:"\"<why this is safe>\""

struct __attribute__((annotate("unsafe_send", "a string"))) string_reason { char *buf; };
