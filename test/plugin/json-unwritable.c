// json=<path> that cannot be written is an error naming the path the user
// gave and why; no crash (`not` without --crash fails on a crash) and no
// stray temporary file.
//
// RUN: not %sendsync -fplugin-arg-sendsync-json=/nonexistent-dir/x.json %s 2>&1 | FileCheck %s
// CHECK: error: sendsync: json: cannot write '/nonexistent-dir/x.json': No such file or directory
// CHECK-NEXT: 1 error generated.
//
// A directory in the way.
// RUN: rm -rf %t.dir && mkdir -p %t.dir/out.json
// RUN: not %sendsync -fplugin-arg-sendsync-json=%t.dir/out.json %s 2>&1 | FileCheck %s --check-prefix=DIR
// DIR: error: sendsync: json: cannot write '{{.*}}.dir/out.json': Is a directory
// RUN: ls -a %t.dir | FileCheck %s --check-prefix=LEFTOVER
// LEFTOVER: out.json
// LEFTOVER-NOT: .tmp

struct job { int id; };
