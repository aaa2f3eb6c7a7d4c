// SS_STRICT_FILE switches strict mode on for the file that contains it
// (docs/rules.md §4: "per file (a marker declaration from the header)"). "Per file"
// is the file of the finding's location (CheckContext::isStrictAt): a claim
// in the strict main file is reported even when its unprovable field's type
// comes from a lenient header; a claim that lives in an included lenient
// header is not; a header with its own SS_STRICT_FILE is strict by itself.
//
// RUN: %verify -I %S/Inputs %s
// Without the marker the main file is lenient too, but the strict header
// still reports its own claim.
// RUN: %sendsync -I %S/Inputs -DLENIENT_MAIN %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LENIENT --implicit-check-not=warning:
// LENIENT: strict.h:4:{{[0-9]+}}: warning: cannot prove the send claim on 'struct strict_header_job': its field 'raw'
// Strict for the whole build, the lenient header is reported as well.
// RUN: %sendsync -I %S/Inputs -fplugin-arg-sendsync-strict %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BUILD
// BUILD-DAG: lenient.h:4:{{[0-9]+}}: warning: cannot prove the send claim on 'struct header_job'
// BUILD-DAG: strict.h:4:{{[0-9]+}}: warning: cannot prove the send claim on 'struct strict_header_job'
// BUILD-DAG: strict-file.c:{{[0-9]+}}:{{[0-9]+}}: warning: cannot prove the send claim on 'struct job'

#include <sendsync.h>
#include "lenient.h"
#include "strict.h"
#ifndef LENIENT_MAIN
SS_STRICT_FILE;
#endif

// expected-warning@strict.h:4 {{cannot prove the send claim on 'struct strict_header_job': its field 'raw' is an unannotated pointer 'char *'}}
// expected-note@strict.h:4 {{'struct strict_header_job' is claimed send here}}

struct SS_SEND job { // expected-note 2 {{'struct job' is claimed send here}}
  // expected-warning@+1 {{cannot prove the send claim on 'struct job': its field 'name' is an unannotated pointer 'char *'; mark it SS_OWNED, SS_STATIC or SS_BORROWED [sendsync-unknown]}}
  char *name;
  // The cause is in the lenient header, the claim and the field are here.
  // expected-warning@+1 {{cannot prove the send claim on 'struct job': its field 'part' has type 'struct header_part', which cannot be proven Send [sendsync-unknown]}}
  struct header_part part;
  // expected-note@lenient.h:5 {{'struct header_part' cannot be proven Send because its field 'raw' is an unannotated pointer 'char *'}}
};

struct SS_SEND job_ok { char *name SS_OWNED; };
