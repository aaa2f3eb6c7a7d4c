// Marker mistakes inside a system header are not reported: the user cannot
// fix them. The same header included as a user header is reported.
//
// RUN: %verify -isystem %S/Inputs/system %s
// RUN: not %sendsync -fno-caret-diagnostics -I %S/Inputs/system %s 2>&1 | FileCheck %s
// CHECK: typos.h:2:{{[0-9]+}}: error: unknown sendsync marker 'sned'; did you mean 'send'? [sendsync-annotation]
// CHECK: typos.h:3:{{[0-9]+}}: error: marker 'owned' applies to pointers, but field 'len' has type 'int' [sendsync-annotation]
// CHECK: typos.h:4:{{[0-9]+}}: error: marker 'not_send' conflicts with marker 'send'; keep one of them [sendsync-annotation]

#include <typos.h>

// The user's own mistakes are still reported.
// expected-error@+1 {{unknown sendsync marker 'sned'; did you mean 'send'?}}
struct __attribute__((annotate("sned"))) my_job { int id; };
