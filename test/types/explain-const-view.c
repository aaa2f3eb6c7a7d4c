// explain shows a record's fields once per view: seen through a pointer to
// const its members are const (Sync), seen through a mutable pointer they are
// not. The second view must not be folded into the first.
// RUN: %sendsync -fplugin-arg-sendsync-explain=holder %s | FileCheck %s

#include <sendsync.h>

struct counter { int n; };

struct holder {
  const struct counter *ro SS_BORROWED;
  struct counter *c SS_OWNED;
};

// CHECK:      field 'ro' 'const struct counter *' borrowed
// CHECK:        field 'n' 'int'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: yes
// CHECK:      field 'c' 'struct counter *' owned
// CHECK-NOT:  shown above
// CHECK:        field 'n' 'int'
// CHECK-NEXT:     Send: yes
// CHECK-NEXT:     Sync: no: it holds a mutable 'int'
