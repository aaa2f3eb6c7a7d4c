// explain=<type> for a name that is not a struct, union or typedef of the
// translation unit is a warning naming it; the compile succeeds and a known
// name given beside it is still explained.
//
// RUN: %sendsync -fplugin-arg-sendsync-explain=no_such_type %s 2>&1 | FileCheck %s --check-prefix=WARN
// WARN: warning: sendsync: explain: no struct, union or typedef named 'no_such_type' in this translation unit
// WARN-NEXT: 1 warning generated.
//
// RUN: %sendsync -fplugin-arg-sendsync-explain=no_such_type -fplugin-arg-sendsync-explain=job %s 2>%t.err | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --check-prefix=WARN < %t.err
// OUT: sendsync: derivation of 'struct job'
// OUT-NOT: no_such_type
//
// A variable or function of that name is not a type.
// RUN: %sendsync -fplugin-arg-sendsync-explain=counter %s 2>&1 | FileCheck %s --check-prefix=VAR
// VAR: warning: sendsync: explain: no struct, union or typedef named 'counter'

struct job { int id; };
int counter;
