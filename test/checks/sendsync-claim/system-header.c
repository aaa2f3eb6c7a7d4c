// Claims inside a system header are not reported: the user cannot fix them
// (Plugin.cpp drops findings located in system headers). A claim in the
// user's own code about a type from a system header is the user's, and is
// reported, with its chain going into the header.
//
// RUN: %verify -isystem %S/Inputs/system %s
// The same header included as a user header is reported.
// RUN: %sendsync -fno-caret-diagnostics -I %S/Inputs/system %s 2>&1 | FileCheck %s --check-prefix=USER
// USER-DAG: netlib.h:7:{{[0-9]+}}: warning: 'struct net_conn' is marked send, but its field 'log' owns a 'struct net_logger', which is not Send [sendsync-claim]
// USER-DAG: netlib.h:10:{{[0-9]+}}: warning: 'net_stats_t' is marked sync, but its field 'hits' holds a mutable 'long'

#include <sendsync.h>
#include <netlib.h>

// expected-warning@+3 {{'struct mine' is marked send, but its field 'session' has type 'net_session_t', which is not Send [sendsync-claim]}}
// expected-note@netlib.h:* {{'struct net_session' is not Send because its field 'log' owns a 'struct net_logger', which is not Send}}
// expected-note@netlib.h:* {{'struct net_logger' is marked not_send here}}
struct SS_SEND mine { int id; net_session_t session; }; // expected-note {{'struct mine' is claimed send here}}

// (A typedef claim or an impl in the user's code whose breaking field lies in
// the system header: system-header-user-claim.c.)

struct SS_SEND mine_ok { int id; struct net_stats *stats SS_OWNED; };
