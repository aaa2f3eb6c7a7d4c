// SS_STRICT_FILE expands differently per language mode (a C11 _Static_assert,
// a C++ static_assert, an __extension__ _Static_assert before C11); strict
// mode follows it in each.
//
// RUN: %sendsync -std=c99 %s 2>&1 | FileCheck %s
// RUN: %sendsync -std=c11 %s 2>&1 | FileCheck %s
// RUN: %sendsync -std=c2x %s 2>&1 | FileCheck %s
// RUN: %sendsync -x c++ -std=c++17 %s 2>&1 | FileCheck %s
// An ordinary static assertion with another message is not the marker.
// RUN: %sendsync -std=c11 -DOTHER_ASSERT %s 2>&1 | count 0
// CHECK: warning: cannot prove the send claim on 'struct job': its field 'name' is an unannotated pointer 'char *'; mark it SS_OWNED, SS_STATIC or SS_BORROWED [sendsync-unknown]

#include <sendsync.h>
#ifdef OTHER_ASSERT
_Static_assert(1, "sendsync: strict");
#else
SS_STRICT_FILE;
#endif

struct SS_SEND job { char *name; };
