// `facts` without a value, or `facts=auto`, writes <output>.sendsync-facts
// beside clang's -o output, as -MD puts a .d file beside the object.
//
// RUN: rm -rf %t && mkdir %t
// RUN: %clang -c %s -o %t/unit.o -fplugin=%plugin -I %annotations -fplugin-arg-sendsync-facts
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
// RUN:   assert d['format'] == 'sendsync-facts' and d['version'] == 1, d; \
// RUN:   assert 'start' in d['functions'], d" %t/unit.o.sendsync-facts
// RUN: rm %t/unit.o.sendsync-facts
// RUN: %clang -c %s -o %t/other.o -fplugin=%plugin -I %annotations -fplugin-arg-sendsync-facts=auto
// RUN: test -f %t/other.o.sendsync-facts
// RUN: not test -e %t/unit.o.sendsync-facts
// -S and -emit-llvm have an output file too.
// RUN: %clang -S %s -o %t/unit.s -fplugin=%plugin -I %annotations -fplugin-arg-sendsync-facts
// RUN: test -f %t/unit.s.sendsync-facts

#include <pthread.h>
#include <stddef.h>

static void *worker(void *arg) { return arg; }

int start(pthread_t *t, void *arg) {
  return pthread_create(t, NULL, worker, arg);
}
