// `help` prints the arguments and the checks on stdout, and the compile goes
// on as usual: the plugin still runs and reports.
//
// RUN: %sendsync -fplugin-arg-sendsync-help %s 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=STDERR < %t.err
// CHECK:      sendsync: Rust's Send/Sync thread-safety rules for C
// CHECK-NEXT: usage: clang -fplugin=sendsync.so -fplugin-arg-sendsync-<arg> ...
// CHECK-NEXT: arguments:
// CHECK-NEXT:   strict report what cannot be proven
// CHECK-NEXT:   werror report findings as errors
// CHECK-NEXT:   disable=<ids> comma-separated check ids to turn off
// CHECK-NEXT:   json=<path> also write findings as JSON (docs/json.md)
// CHECK-NEXT:   explain=<type> print the Send/Sync derivation of a struct, union or typedef
// CHECK-NEXT:   dump-spawns print what the plugin knows of each spawn site
// CHECK-NEXT:   dump-summaries print the access summaries of the main file's functions
// CHECK-NEXT:   facts[=<path>] write this translation unit's facts for a whole-program
// CHECK-NEXT:   check (docs/facts.md); without a path, or with 'auto',
// CHECK-NEXT:   beside the -o output as <output>.sendsync-facts
// CHECK-NEXT:   program=<path> read a program database (sendsync-merge): calls into
// CHECK-NEXT:   other translation units behave as if the callee were here
// CHECK-NEXT:   help print this text
// CHECK-NEXT: checks:
// Every check of plugin/support/CheckIds.def, with its summary.
// CHECK-NEXT:   sendsync-claim: a send/sync claim
// CHECK-NEXT:   sendsync-annotation: a malformed, misplaced, conflicting or misspelled marker
// CHECK-NEXT:   sendsync-unknown: strict mode: {{.*}}{{$}}
// CHECK-NEXT:   sendsync-not-send: a value that is not Send is handed over to another thread
// CHECK-NEXT:   sendsync-not-sync: a value that is not Sync is shared between threads
// CHECK-NEXT:   sendsync-arg-type: a thread entry reads its argument as another type than the one passed
// CHECK-NEXT:   sendsync-global: strict mode: a thread reaches a global that is not Sync
// CHECK-NEXT:   sendsync-escape: stack or thread-local memory reaches a thread that may outlive it
// CHECK-NEXT:   sendsync-race: the spawner writes an object it lent to a running thread
// CHECK-NEXT:   sendsync-use-after-send: the spawner writes or frees memory it handed to a thread
// CHECK-EMPTY:
// CHECK-NOT: {{.}}
//
// The findings still go to stderr, and nothing of the help does.
// STDERR: help.c:[[#@LINE+8]]:{{[0-9]+}}: warning: 'struct job' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]
// STDERR-NOT: usage:
//
// help with other arguments, and help alone on an empty input: exit 0.
// RUN: %sendsync -fplugin-arg-sendsync-help -fplugin-arg-sendsync-strict -x c /dev/null | FileCheck %s --check-prefix=ALONE
// ALONE: checks:
#include <sendsync.h>
struct SS_NOT_SEND logger { int fd; };
struct SS_SEND job { struct logger *log SS_OWNED; };
