// Bad plugin arguments are errors that say what is wrong and list what is
// valid, and the compile fails (exit code 1, not a crash: `not` without
// --crash fails on a crash). Good arguments are accepted silently.
//
// ---- an unknown argument lists the valid ones ----------------------------
// RUN: not %sendsync -fplugin-arg-sendsync-bogus %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: sendsync: unknown plugin argument 'bogus'; valid arguments: strict, werror, disable=<check-id>[,<check-id>...], json=<path>, explain=<type>, dump-spawns, dump-summaries, facts[=<path>|auto], program=<path>, help
// UNKNOWN-NOT: did you mean
//
// ---- a near miss gets a suggestion ---------------------------------------
// RUN: not %sendsync -fplugin-arg-sendsync-strcit %s 2>&1 | FileCheck %s --check-prefix=TYPO
// TYPO: error: sendsync: unknown plugin argument 'strcit' (did you mean 'strict'?); valid arguments: strict, werror,
// RUN: not %sendsync -fplugin-arg-sendsync-jsn=out.json %s 2>&1 | FileCheck %s --check-prefix=TYPO-JSON
// TYPO-JSON: error: sendsync: unknown plugin argument 'jsn=out.json' (did you mean 'json'?); valid arguments:
// Arguments are case-sensitive, but the suggestion ignores case.
// RUN: not %sendsync -fplugin-arg-sendsync-STRICT %s 2>&1 | FileCheck %s --check-prefix=CASE
// CASE: error: sendsync: unknown plugin argument 'STRICT' (did you mean 'strict'?); valid arguments: strict, werror,
// RUN: not %sendsync -fplugin-arg-sendsync-JSON=%t.json %s 2>&1 | FileCheck %s --check-prefix=CASE-JSON
// CASE-JSON: error: sendsync: unknown plugin argument 'JSON={{.*}}' (did you mean 'json'?); valid arguments:
//
// ---- arguments that need a value -----------------------------------------
// Each names its own syntax, then lists the valid arguments.
// RUN: not %sendsync -fplugin-arg-sendsync-json %s 2>&1 | FileCheck %s --check-prefix=NOVALUE-JSON
// RUN: not %sendsync -fplugin-arg-sendsync-json= %s 2>&1 | FileCheck %s --check-prefix=NOVALUE-JSON
// RUN: not %sendsync -fplugin-arg-sendsync-disable %s 2>&1 | FileCheck %s --check-prefix=NOVALUE-DISABLE
// RUN: not %sendsync -fplugin-arg-sendsync-disable= %s 2>&1 | FileCheck %s --check-prefix=NOVALUE-DISABLE
// RUN: not %sendsync -fplugin-arg-sendsync-explain %s 2>&1 | FileCheck %s --check-prefix=NOVALUE-EXPLAIN
// RUN: not %sendsync -fplugin-arg-sendsync-explain= %s 2>&1 | FileCheck %s --check-prefix=NOVALUE-EXPLAIN
// NOVALUE-JSON: error: sendsync: plugin argument 'json' needs a value: 'json=<path>'; valid arguments: strict, werror, disable=<check-id>[,<check-id>...], json=<path>, explain=<type>, dump-spawns, dump-summaries, facts[=<path>|auto], program=<path>, help
// NOVALUE-DISABLE: error: sendsync: plugin argument 'disable' needs a value: 'disable=<check-id>[,<check-id>...]'; valid arguments: strict, werror, disable=<check-id>[,<check-id>...], json=<path>, explain=<type>, dump-spawns, dump-summaries, facts[=<path>|auto], program=<path>, help
// NOVALUE-EXPLAIN: error: sendsync: plugin argument 'explain' needs a value: 'explain=<type>'; valid arguments: strict, werror, disable=<check-id>[,<check-id>...], json=<path>, explain=<type>, dump-spawns, dump-summaries, facts[=<path>|auto], program=<path>, help
//
// ---- switches take no value ----------------------------------------------
// RUN: not %sendsync -fplugin-arg-sendsync-strict=1 %s 2>&1 | FileCheck %s --check-prefix=SWITCH -DARG=strict
// RUN: not %sendsync -fplugin-arg-sendsync-werror=yes %s 2>&1 | FileCheck %s --check-prefix=SWITCH -DARG=werror
// RUN: not %sendsync -fplugin-arg-sendsync-help= %s 2>&1 | FileCheck %s --check-prefix=SWITCH -DARG=help
// SWITCH: error: sendsync: plugin argument '[[ARG]]' takes no value; valid arguments: strict,
//
// ---- disable= names known checks -----------------------------------------
// RUN: not %sendsync -fplugin-arg-sendsync-disable=nonexistent-check %s 2>&1 | FileCheck %s --check-prefix=CHECKID -DID=nonexistent-check
// RUN: not %sendsync -fplugin-arg-sendsync-disable=sendsync-claim,nope %s 2>&1 | FileCheck %s --check-prefix=CHECKID -DID=nope
// Check ids are exact: no case folding, no plural.
// RUN: not %sendsync -fplugin-arg-sendsync-disable=sendsync-claims %s 2>&1 | FileCheck %s --check-prefix=CHECKID -DID=sendsync-claims
// CHECKID: error: sendsync: unknown check '[[ID]]' in 'disable='; known checks: sendsync-claim, sendsync-annotation, sendsync-unknown
//
// One error per bad argument list, and no output beyond it.
// RUN: not %sendsync -fplugin-arg-sendsync-bogus %s 2>&1 | FileCheck %s --check-prefix=ONE
// ONE: error: sendsync:
// ONE-NEXT: 1 error generated.
//
// ---- good arguments: no output, exit 0 -----------------------------------
// RUN: %sendsync -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-werror \
// RUN:   -fplugin-arg-sendsync-disable=sendsync-claim,sendsync-unknown %s 2>&1 | count 0
// RUN: %sendsync -fplugin-arg-sendsync-json=%t.json %s 2>&1 | count 0

int unused;
