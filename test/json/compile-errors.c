// When the translation unit does not compile, the report is still written,
// with compile_errors true, so a build tool can tell "no findings" from "the
// analysis saw a broken file". The findings the plugin could make are kept:
// everything the error does not touch is judged, thread scope included
// (docs/rules.md §4.14), so the escape in 'clean' is reported and the one in
// 'broken' is not.
//
// RUN: rm -f %t.json
// RUN: not %sendsync -fplugin-arg-sendsync-json=%t.json %s 2>&1 | FileCheck %s --check-prefix=DIAG
// DIAG: error: use of undeclared identifier 'undeclared_identifier'
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   assert d['schema'] == 'sendsync-findings' and d['version'] == 1, d; \
// RUN:   assert d['compile_errors'] is True, d['compile_errors']; \
// RUN:   assert [f['check'] for f in d['findings']] == ['sendsync-claim', 'sendsync-escape'], d['findings']; \
// RUN:   assert d['findings'][0]['message'].startswith(\"'struct job' is marked send\"), d['findings']; \
// RUN:   assert d['findings'][1]['message'] == \"address of local 'j' escapes to a thread that may outlive it\", d['findings']; \
// RUN:   assert d['findings'][1]['location']['line'] == 70, d['findings']; \
// RUN:   assert [c['type'] for c in d['unsafe_claims']] == ['struct pool'], d['unsafe_claims']" %t.json
//
// A fatal error (a missing header): the report is still written, but the
// plugin judges nothing, since clang skipped what it could not parse after
// the error: no findings on stderr or in the report. (The unsafe_claims
// audit list is not a judgment and is not asserted here.)
// RUN: rm -f %t.fatal.json
// RUN: not %sendsync -fplugin-arg-sendsync-json=%t.fatal.json -DFATAL %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=FATAL --implicit-check-not=warning: --implicit-check-not=[sendsync-
// FATAL: fatal error: 'no/such/header.h' file not found
// FATAL: 1 error generated.
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   assert d['compile_errors'] is True, d; \
// RUN:   assert d['findings'] == [], d['findings']" %t.fatal.json
//
// The same when the fatal error comes after code the plugin could judge
// (clang records a fatal error only when a later diagnostic arrives; the
// plugin must not be fooled into judging a cut-short AST).
// RUN: rm -f %t.late.json
// RUN: not %sendsync -fplugin-arg-sendsync-json=%t.late.json -DFATAL_LATE %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LATE --implicit-check-not=warning: --implicit-check-not=[sendsync-
// LATE: fatal error: 'no/such/late/header.h' file not found
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   assert d['compile_errors'] is True, d; \
// RUN:   assert d['findings'] == [], d['findings']" %t.late.json
//
// Errors from the plugin itself are findings, not compile errors.
// RUN: rm -f %t.own.json
// RUN: not %sendsync -fplugin-arg-sendsync-json=%t.own.json -DOWN_ERROR_ONLY %s 2>/dev/null
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   assert d['compile_errors'] is False, d; \
// RUN:   assert [f['severity'] for f in d['findings']] == ['error'], d['findings']" %t.own.json

#ifdef FATAL
#include "no/such/header.h"
#endif
#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>

#ifdef OWN_ERROR_ONLY
struct __attribute__((annotate("ownd"))) typo { int x; };
#else
struct SS_NOT_SEND logger { int fd; };
struct SS_SEND job { struct logger *log SS_OWNED; };
struct SS_UNSAFE_SEND("one owner at a time") pool { char *buf; };
int broken(void) { return undeclared_identifier; }

static void *run(void *arg) { return arg; }
void clean(void) {
  pthread_t tid;
  int j = 1;
  pthread_create(&tid, NULL, run, &j);
  pthread_detach(tid);
}
void broken_spawn(void) {
  pthread_t tid;
  int j = 1;
  pthread_create(&tid, NULL, run, &j);
  pthread_detach(tid);
  return undeclared_identifier;
}
#endif

#ifdef FATAL_LATE
#include "no/such/late/header.h"
#endif
