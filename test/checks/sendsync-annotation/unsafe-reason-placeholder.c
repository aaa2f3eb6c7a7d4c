// The reason fix-it inserts a placeholder, "<why this is safe>". Applied as
// is (clang -Xclang -fixit), the placeholder must not count as a reason:
// otherwise applying the fix-it silences the error and the audit list shows
// an unsafe claim that nobody justified. The error stays until the user
// writes a real reason. The error has a message of its own and no fix-it
// (another placeholder would not help).
//
// RUN: %verify %s
// RUN: not %sendsync -fdiagnostics-parseable-fixits %s 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=fix-it: --implicit-check-not=error:

#include <sendsync.h>

// expected-error@+1 {{marker 'unsafe_send' still has the placeholder reason; replace it with why the type is safe anyway (the audit report lists it) [sendsync-annotation]}}
struct SS_UNSAFE_SEND("<why this is safe>") pool { char *slab; };
// CHECK: unsafe-reason-placeholder.c:[[@LINE-1]]:8: error: marker 'unsafe_send' still has the placeholder reason; replace it with why the type is safe anyway (the audit report lists it) [sendsync-annotation]
struct foreign { int fd; };
// expected-error@+1 {{marker 'unsafe_sync' still has the placeholder reason; replace it with why the type is safe anyway (the audit report lists it) [sendsync-annotation]}}
SS_IMPL(struct foreign, unsafe_sync, "<why this is safe>");
// CHECK: unsafe-reason-placeholder.c:[[@LINE-1]]:1: error: marker 'unsafe_sync' still has the placeholder reason; replace it with why the type is safe anyway (the audit report lists it) [sendsync-annotation]

// A real reason, even one mentioning the words, is fine.
struct SS_UNSAFE_SEND("why this is safe: one owner at a time") slab { char *p; };
