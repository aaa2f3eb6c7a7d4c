// The report follows the same options as the diagnostics: werror makes the
// severity "error", disabled checks are left out, and an input without
// findings still gets a complete report with empty lists. The unsafe claims
// are an audit list, not findings: disabling checks does not hide them.
//
// RUN: not %sendsync -fplugin-arg-sendsync-werror -fplugin-arg-sendsync-json=%t.werror.json %s 2>/dev/null
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   assert [(f['check'], f['severity']) for f in d['findings']] == [('sendsync-claim', 'error')], d['findings']" %t.werror.json
//
// RUN: %sendsync -fplugin-arg-sendsync-disable=sendsync-claim -fplugin-arg-sendsync-json=%t.disabled.json %s 2>/dev/null
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   assert d['findings'] == [], d['findings']; \
// RUN:   assert [c['type'] for c in d['unsafe_claims']] == ['struct pool'], d['unsafe_claims']" %t.disabled.json
//
// RUN: %sendsync -fplugin-arg-sendsync-json=%t.empty.json -x c /dev/null
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   assert d['compile_errors'] is False and d['version'] == 1, d; \
// RUN:   assert d['findings'] == [] and d['unsafe_claims'] == [] and d['explanations'] == [], d" %t.empty.json
//
// An existing report is replaced, not appended to.
// RUN: echo garbage > %t.replace.json
// RUN: %sendsync -fplugin-arg-sendsync-json=%t.replace.json -x c /dev/null
// RUN: python3 -c "import json,sys; json.load(open(sys.argv[1]))" %t.replace.json

#include <sendsync.h>
struct SS_NOT_SEND logger { int fd; };
struct SS_SEND job { struct logger *log SS_OWNED; };
struct SS_UNSAFE_SEND("one owner at a time") pool { char *buf; };
