// Writing the facts never crashes the compiler: a path that cannot be
// written is an error naming the path, and `facts` with no output file to
// put it beside (-fsyntax-only without -o) says to pass facts=<path>.
//
// RUN: rm -rf %t && mkdir %t
// RUN: not %clang -c %s -o %t/unit.o -fplugin=%plugin -I %annotations \
// RUN:   -fplugin-arg-sendsync-facts=%t/missing-dir/unit.facts 2>&1 | FileCheck %s --check-prefix=UNWRITABLE
// UNWRITABLE: error: sendsync: facts: cannot write '{{.*}}missing-dir/unit.facts': {{.+}}
// RUN: not test -e %t/missing-dir
//
// RUN: not %sendsync %s -fplugin-arg-sendsync-facts 2>&1 | FileCheck %s --check-prefix=NO-OUTPUT
// RUN: not %sendsync %s -fplugin-arg-sendsync-facts=auto 2>&1 | FileCheck %s --check-prefix=NO-OUTPUT
// NO-OUTPUT: error: sendsync: facts: there is no output file (-o) to put the facts beside; pass -fplugin-arg-sendsync-facts=<path>
//
// With a path, -fsyntax-only writes it.
// RUN: %sendsync %s -fplugin-arg-sendsync-facts=%t/syntax.facts
// RUN: test -f %t/syntax.facts
//
// `facts=` names no path.
// RUN: not %sendsync %s -fplugin-arg-sendsync-facts= 2>&1 | FileCheck %s --check-prefix=EMPTY
// EMPTY: error: sendsync: plugin argument 'facts' needs a value: 'facts=<path>'
//
// A file that does not compile gets no facts, as it gets no object.
// RUN: not %clang -c -DBROKEN %s -o %t/broken.o -fplugin=%plugin -I %annotations \
// RUN:   -fplugin-arg-sendsync-facts=%t/broken.facts
// RUN: not test -e %t/broken.facts

int f(int *p) {
#ifdef BROKEN
  return undeclared;
#endif
  return *p;
}
