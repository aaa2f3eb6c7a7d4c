// `disable=sendsync-claim` silences broken claims (docs/rules.md §4 escape hatches:
// "disabling a check by name"), and only them: other checks still report.
//
// RUN: %verify %s
// RUN: %sendsync -fplugin-arg-sendsync-disable=sendsync-claim -DONLY_CLAIMS %s 2>&1 | count 0
// RUN: %sendsync -Xclang -verify=claim-off -fplugin-arg-sendsync-disable=sendsync-claim %s
// A list of ids, with spaces around the comma, and werror with nothing left.
// RUN: %sendsync -fplugin-arg-sendsync-disable=sendsync-annotation,sendsync-claim -fplugin-arg-sendsync-werror %s 2>&1 | count 0
// RUN: %sendsync "-fplugin-arg-sendsync-disable=sendsync-annotation, sendsync-claim" %s 2>&1 | count 0
// Disabling another check leaves the claim reported.
// RUN: not %sendsync -fplugin-arg-sendsync-disable=sendsync-unknown %s 2>&1 | FileCheck %s
// CHECK: warning: 'struct job' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]

#include <sendsync.h>

struct SS_NOT_SEND logger { int fd; }; // expected-note {{'struct logger' is marked not_send here}}

struct SS_SEND job { // expected-note {{'struct job' is claimed send here}}
  // expected-warning@+1 {{'struct job' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]}}
  struct logger *log SS_OWNED;
};

#ifndef ONLY_CLAIMS
// expected-error@+2 {{unknown sendsync marker 'sned'; did you mean 'send'?}}
// claim-off-error@+1 {{unknown sendsync marker 'sned'; did you mean 'send'?}}
struct __attribute__((annotate("sned"))) typo { int x; };
#endif
