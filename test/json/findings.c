// The JSON report (docs/json.md, schema "sendsync-findings" version 1),
// field by field, for one finding of each shape: a broken claim with chain
// notes, an annotation error with a fix-it, and an unsafe_send claim for the
// audit list. Lines are found by the `@name` tags in this file, so the
// assertions do not depend on line numbers.
//
// RUN: rm -f %t.json
// RUN: not %sendsync -fplugin-arg-sendsync-json=%t.json -fplugin-arg-sendsync-explain=job %s > %t.stdout 2> %t.stderr
// RUN: python3 %S/Inputs/check_findings.py %t.json %s
// The file is pretty-printed with two-space indentation and ends in a newline.
// RUN: FileCheck %s < %t.json
// CHECK: {{^}}{
// CHECK-NEXT: {{^}}  "compile_errors": false,
// CHECK: {{^}}  "schema": "sendsync-findings",
// CHECK: {{^}}  "version": 1
// CHECK-NEXT: {{^}}}{{$}}
// CHECK-NOT: {{.}}
// No temporary file is left beside the report.
// RUN: not ls %t.json.tmp
// The diagnostics on stderr are the same findings.
// RUN: FileCheck %s --check-prefix=DIAG < %t.stderr
// DIAG: warning: 'struct job' is marked send, but its field 'out' has type 'struct sink', which is not Send [sendsync-claim]
// DIAG: error: unknown sendsync marker 'sned'; did you mean 'send'? [sendsync-annotation]

#include <sendsync.h>

struct SS_NOT_SEND logger { int fd; };                 // @logger
struct sink { struct logger *log SS_OWNED; };          // @sink_log
struct SS_SEND job {                                   // @job_claim
  int id;
  struct sink out;                                     // @job_out
};

struct __attribute__((annotate("sned"))) typo { int x; }; // @typo

struct SS_UNSAFE_SEND("guarded by the pool lock") pool { char *buf; }; // @pool
struct foreign { int fd; };
SS_IMPL(struct foreign, unsafe_sync, "read-only after init");          // @impl
typedef struct foreign foreign_t SS_UNSAFE_SEND("one owner at a time"); // @typedef_unsafe
