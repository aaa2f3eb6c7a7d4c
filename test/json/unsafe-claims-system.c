// The unsafe_claims audit list holds the user's unsafe markers only: the
// unsafe_send / unsafe_sync markers and impl declarations inside a system
// header are the library's, like its findings (docs/json.md). An unsafe
// claim the user writes about a library type is the user's and is listed.
//
// RUN: %sendsync -isystem %S/Inputs/system -fplugin-arg-sendsync-json=%t.json %s 2>&1 | count 0
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   assert d['findings'] == [], d['findings']; \
// RUN:   assert sorted((c['type'], c['reason'], c['impl']) for c in d['unsafe_claims']) == \
// RUN:     [('struct lib_handle', 'read-only after init', True), ('struct my_pool', 'one owner at a time', False)], d['unsafe_claims']; \
// RUN:   assert all(c['location']['file'].endswith('unsafe-claims-system.c') for c in d['unsafe_claims']), d['unsafe_claims']" %t.json
//
// The same header included as a user header (-I): its markers are listed.
// RUN: %sendsync -I %S/Inputs/system -fplugin-arg-sendsync-json=%t.user.json %s 2>&1 | count 0
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   assert len(d['unsafe_claims']) == 5, d['unsafe_claims']" %t.user.json

#include <sendsync.h>
#include <libpool.h>

struct SS_UNSAFE_SEND("one owner at a time") my_pool { char *buf; };
SS_IMPL(struct lib_handle, unsafe_sync, "read-only after init");
