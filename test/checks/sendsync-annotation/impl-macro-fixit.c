// SS_IMPL takes its marker as a bare token and stringifies it, so the string
// literal the plugin sees was made by the preprocessor and lives in clang's
// "<scratch space>". A fix-it there cannot be applied by any tool, so a near
// miss inside SS_IMPL gets the error and its suggestion, but no fix-it at all
// (neither into the scratch space nor anywhere else).
//
// RUN: %verify %s
// RUN: not %sendsync -fdiagnostics-parseable-fixits %s 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=fix-it: --implicit-check-not=error:

#include <sendsync.h>

struct foreign { int fd; };
// expected-error@+1 {{unknown sendsync marker 'unsafe_snyc' in impl declaration; did you mean 'unsafe_sync'? [sendsync-annotation]}}
SS_IMPL(struct foreign, unsafe_snyc, "read-only after init");
// CHECK: impl-macro-fixit.c:[[@LINE-1]]:1: error: unknown sendsync marker 'unsafe_snyc' in impl declaration; did you mean 'unsafe_sync'?
// CHECK-NOT: scratch space
// (--implicit-check-not=fix-it: above: no fix-it line anywhere in the output.)

SS_IMPL(struct foreign, unsafe_send, "one owner at a time");
