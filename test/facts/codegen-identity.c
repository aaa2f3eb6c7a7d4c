// Writing the facts file does not change code generation: the object file
// is byte-identical without the plugin, with it, and with facts= (and with
// `facts` beside the output), at -O2 and at -O0 -g (see also
// test/codegen/identical.c and bench/codegen-identity.sh).
//
// RUN: rm -rf %t && mkdir %t
// RUN: %clang -c -O2 %s -o %t/plain.o
// RUN: %clang -c -O2 %s -o %t/plugin.o -fplugin=%plugin -I %annotations
// RUN: %clang -c -O2 %s -o %t/facts.o -fplugin=%plugin -I %annotations -fplugin-arg-sendsync-facts=%t/facts.json
// RUN: %clang -c -O2 %s -o %t/beside.o -fplugin=%plugin -I %annotations -fplugin-arg-sendsync-facts
// RUN: test -s %t/facts.json
// RUN: test -s %t/beside.o.sendsync-facts
// RUN: cmp %t/plain.o %t/plugin.o
// RUN: cmp %t/plain.o %t/facts.o
// RUN: cmp %t/plain.o %t/beside.o
// RUN: %clang -c -O0 -g %s -o %t/plain-g.o
// RUN: %clang -c -O0 -g %s -o %t/facts-g.o -fplugin=%plugin -I %annotations -fplugin-arg-sendsync-facts=%t/facts-g.json
// RUN: cmp %t/plain-g.o %t/facts-g.o

#include <pthread.h>
#include <stddef.h>

struct job {
  pthread_mutex_t mu;
  long n;
};

long total;

static void *worker(void *arg) {
  struct job *j = arg;
  pthread_mutex_lock(&j->mu);
  j->n++;
  pthread_mutex_unlock(&j->mu);
  total++;
  return NULL;
}

int start_job(pthread_t *t, struct job *j) {
  return pthread_create(t, NULL, worker, j);
}

void finish_job(pthread_t t) { pthread_join(t, NULL); }
