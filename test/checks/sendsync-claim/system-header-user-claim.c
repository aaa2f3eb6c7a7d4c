// A claim written in the user's code is the user's, even when the struct it
// claims comes from a system header and the breaking field is declared there:
// a typedef claim or an SS_IMPL claim over a library type must be reported,
// not dropped with the library's own findings. It is reported at the claim
// (the user's line), with a note "its field 'x' is declared here" pointing
// into the header at the breaking field, then the hops, then the claim note.
//
// RUN: %verify -isystem %S/Inputs/system %s
// RUN: %sendsync -fno-caret-diagnostics -isystem %S/Inputs/system %s 2>&1 \
// RUN:   | grep -v 'expanded from macro' | FileCheck %s

#include <sendsync.h>
#include <netlib.h>

// A typedef claim over a library struct (which carries its own send claim).
// expected-warning@+3 {{'my_conn_t' is marked send, but its field 'log' owns a 'struct net_logger', which is not Send [sendsync-claim]}}
// expected-note@netlib.h:7 {{its field 'log' is declared here}}
// expected-note@netlib.h:3 {{'struct net_logger' is marked not_send here}}
typedef struct net_conn my_conn_t SS_SEND; // expected-note {{'my_conn_t' is claimed send here}}
// CHECK: system-header-user-claim.c:[[@LINE-1]]:35: warning: 'my_conn_t' is marked send, but its field 'log'
// CHECK-NEXT: netlib.h:7:22: note: its field 'log' is declared here
// CHECK-NEXT: netlib.h:3:23: note: 'struct net_logger' is marked not_send here
// CHECK-NEXT: system-header-user-claim.c:[[@LINE-4]]:35: note: 'my_conn_t' is claimed send here

// An impl claim over an unmarked library struct.
// expected-warning@+3 {{'struct net_session' is marked send, but its field 'log' owns a 'struct net_logger', which is not Send [sendsync-claim]}}
// expected-note@netlib.h:13 {{its field 'log' is declared here}}
// expected-note@netlib.h:3 {{'struct net_logger' is marked not_send here}}
SS_IMPL(struct net_session, send, "moves between workers"); // expected-note {{'struct net_session' is claimed send by the impl declaration here}}
// CHECK: system-header-user-claim.c:[[@LINE-1]]:1: warning: 'struct net_session' is marked send, but its field 'log'
// CHECK-NEXT: netlib.h:13:49: note: its field 'log' is declared here
// CHECK-NEXT: netlib.h:3:23: note: 'struct net_logger' is marked not_send here
// CHECK-NEXT: system-header-user-claim.c:[[@LINE-4]]:1: note: 'struct net_session' is claimed send by the impl declaration here
// CHECK-NOT: warning:
