// A program database that cannot be used is an error that names the file
// and, inside it, the place that is wrong; never a crash, never a database
// silently ignored (docs/facts.md, "The program database").
//
// RUN: rm -rf %t && mkdir %t
// RUN: not %sendsync %s -fplugin-arg-sendsync-program=%t/none.db 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: sendsync: program: cannot read '{{.*}}none.db': No such file or directory
//
// RUN: printf 'not json' > %t/text.db
// RUN: not %sendsync %s -fplugin-arg-sendsync-program=%t/text.db 2>&1 | FileCheck %s --check-prefix=TEXT
// TEXT: error: sendsync: program: '{{.*}}text.db' is not JSON:
//
// A facts file is not a database: it must be merged first.
// RUN: %sendsync %s -fplugin-arg-sendsync-facts=%t/unit.facts
// RUN: not %sendsync %s -fplugin-arg-sendsync-program=%t/unit.facts 2>&1 | FileCheck %s --check-prefix=FORMAT
// FORMAT: error: sendsync: program: '{{.*}}unit.facts': not a program database (expected "format": "sendsync-program"; make one with sendsync-merge) at program.format
//
// RUN: printf '{"format":"sendsync-program","version":2,"functions":{}}' > %t/v2.db
// RUN: not %sendsync %s -fplugin-arg-sendsync-program=%t/v2.db 2>&1 | FileCheck %s --check-prefix=VERSION
// VERSION: error: sendsync: program: '{{.*}}v2.db': a version this plugin does not read (it reads version 1); merge the facts again with this release's sendsync-merge at program.version
//
// A wrong value deep inside names its place.
// RUN: printf '{"format":"sendsync-program","version":1,"functions":{"start":{"spawn_wrapper":{"arg_param":-1}}}}' > %t/index.db
// RUN: not %sendsync %s -fplugin-arg-sendsync-program=%t/index.db 2>&1 | FileCheck %s --check-prefix=INDEX
// INDEX: error: sendsync: program: '{{.*}}index.db': expected a parameter index (an integer from 0) at program.functions.start.spawn_wrapper.arg_param
//
// RUN: printf '{"format":"sendsync-program","version":1,"functions":{"f":{"summary":{"params":[{"index":0,"uses":[{"kind":"poke"}]}]}}}}' > %t/kind.db
// RUN: not %sendsync %s -fplugin-arg-sendsync-program=%t/kind.db 2>&1 | FileCheck %s --check-prefix=KIND
// KIND: error: sendsync: program: '{{.*}}kind.db': expected "read", "write", "free" or "realloc" at program.functions.f.summary.params[0].uses[0].kind
//
// RUN: printf '{"format":"sendsync-program","version":1,"functions":{"f":{"at":"f.c:zero"}}}' > %t/loc.db
// RUN: not %sendsync %s -fplugin-arg-sendsync-program=%t/loc.db 2>&1 | FileCheck %s --check-prefix=LOC
// LOC: error: sendsync: program: '{{.*}}loc.db': expected a location "<file>:<line>" at program.functions.f.at
//
// A function's globals (docs/facts.md, "thread_entries.<name>"): typed too.
// RUN: printf '{"format":"sendsync-program","version":1,"functions":{"f":{"globals":{}}}}' > %t/globals.db
// RUN: not %sendsync %s -fplugin-arg-sendsync-program=%t/globals.db 2>&1 | FileCheck %s --check-prefix=GLOBALS
// GLOBALS: error: sendsync: program: '{{.*}}globals.db': expected an array of globals at program.functions.f.globals
// RUN: printf '{"format":"sendsync-program","version":1,"functions":{"f":{"globals":[{"name":"g"},{"at":"f.c:3"}]}}}' > %t/gname.db
// RUN: not %sendsync %s -fplugin-arg-sendsync-program=%t/gname.db 2>&1 | FileCheck %s --check-prefix=GNAME
// GNAME: error: sendsync: program: '{{.*}}gname.db': expected a string at program.functions.f.globals[1].name
// RUN: printf '{"format":"sendsync-program","version":1,"functions":{"f":{"globals":[{"name":"g","write":1}]}}}' > %t/gwrite.db
// RUN: not %sendsync %s -fplugin-arg-sendsync-program=%t/gwrite.db 2>&1 | FileCheck %s --check-prefix=GWRITE
// GWRITE: error: sendsync: program: '{{.*}}gwrite.db': expected true or false at program.functions.f.globals[0].write
//
// RUN: not %sendsync %s -fplugin-arg-sendsync-program 2>&1 | FileCheck %s --check-prefix=NOVALUE
// NOVALUE: error: sendsync: plugin argument 'program' needs a value: 'program=<path>'
//
// The nearest correct input: a valid, empty database is no error, and keys
// a reader does not know are ignored (a newer writer may add them).
// RUN: printf '{"format":"sendsync-program","version":1,"functions":{},"later":1}' > %t/empty.db
// RUN: %sendsync %s -fplugin-arg-sendsync-program=%t/empty.db 2>&1 | count 0

int answer(void) { return 42; }
