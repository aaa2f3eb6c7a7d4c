// `disable=,` names no check at all: bad input, an error like `disable=` with
// the list of known checks, not a silent no-op.
//
// RUN: not %sendsync -fplugin-arg-sendsync-disable=, %s 2>&1 | FileCheck %s --check-prefix=EMPTY
// RUN: not %sendsync -fplugin-arg-sendsync-disable=,, %s 2>&1 | FileCheck %s --check-prefix=EMPTY
// EMPTY: error: sendsync: 'disable=' names no check; known checks: sendsync-claim, sendsync-annotation, sendsync-unknown
// EMPTY-NEXT: 1 error generated.
// A blank value is an error with the known checks too.
// RUN: not %sendsync "-fplugin-arg-sendsync-disable= " %s 2>&1 | FileCheck %s
// CHECK: error: sendsync: {{.*}}disable=
// CHECK-SAME: known checks: sendsync-claim, sendsync-annotation, sendsync-unknown

int unused;
