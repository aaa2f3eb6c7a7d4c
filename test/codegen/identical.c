// The plugin only reads the AST (Plugin.cpp: AddBeforeMainAction, no
// rewriting): the object file is byte-for-byte the same with and without it,
// whatever the plugin finds and whatever its arguments.
//
// Each plugin compile below also checks a finding on stderr, which proves
// the plugin did run in that compile (otherwise the comparison proves
// nothing).
//
// ---- -O2 --------------------------------------------------------------
// RUN: %clang -c -O2 -I %annotations %s -o %t.plain.o
// RUN: %clang -c -O2 -I %annotations -fplugin=%plugin %s -o %t.plugin.o 2>&1 | FileCheck %s
// RUN: cmp %t.plain.o %t.plugin.o
// With every argument that does not stop the compile.
// RUN: %clang -c -O2 -I %annotations -fplugin=%plugin -fplugin-arg-sendsync-strict \
// RUN:   -fplugin-arg-sendsync-json=%t.json -fplugin-arg-sendsync-explain=job %s -o %t.args.o 2>&1 > %t.explain \
// RUN:   | FileCheck %s --check-prefixes=CHECK,STRICT
// RUN: FileCheck %s --check-prefix=EXPLAIN < %t.explain
// EXPLAIN: sendsync: derivation of 'struct job'
// RUN: cmp %t.plain.o %t.args.o
//
// ---- -O0 -g: debug info included ---------------------------------------
// Clang does not record its command line in DWARF by default on ELF targets
// (-grecord-command-line is off), so even the debug info is identical.
// RUN: %clang -c -O0 -g -I %annotations %s -o %t.plain-g.o
// RUN: %clang -c -O0 -g -I %annotations -fplugin=%plugin %s -o %t.plugin-g.o 2>&1 | FileCheck %s
// RUN: cmp %t.plain-g.o %t.plugin-g.o
//
// With -grecord-command-line the objects differ, but only because
// DW_AT_producer records the command line, which contains -fplugin=...:
// the code and every other piece of debug info is the same.
// RUN: %clang -c -O0 -g -grecord-command-line -I %annotations %s -o %t.plain-rec.o
// RUN: %clang -c -O0 -g -grecord-command-line -I %annotations -fplugin=%plugin %s -o %t.plugin-rec.o 2>/dev/null
// RUN: not cmp -s %t.plain-rec.o %t.plugin-rec.o
// RUN: llvm-dwarfdump --debug-info %t.plugin-rec.o | FileCheck %s --check-prefix=PRODUCER
// PRODUCER: DW_AT_producer ("{{.*}} -fplugin={{.*}}")
// RUN: llvm-objdump -d -r %t.plain-rec.o | tail -n +3 > %t.plain-rec.dis
// RUN: llvm-objdump -d -r %t.plugin-rec.o | tail -n +3 > %t.plugin-rec.dis
// RUN: diff %t.plain-rec.dis %t.plugin-rec.dis
// RUN: llvm-dwarfdump --debug-info --debug-line %t.plain-rec.o | grep -v -e DW_AT_producer -e 'file format' > %t.plain-rec.dwarf
// RUN: llvm-dwarfdump --debug-info --debug-line %t.plugin-rec.o | grep -v -e DW_AT_producer -e 'file format' > %t.plugin-rec.dwarf
// RUN: diff %t.plain-rec.dwarf %t.plugin-rec.dwarf
//
// STRICT: warning: cannot prove the send claim on 'struct request'{{.*}}[sendsync-unknown]
// CHECK: identical.c:{{[0-9]+}}:{{[0-9]+}}: warning: 'struct job' is marked send, but its field 'log' owns a 'struct logger', which is not Send [sendsync-claim]

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sendsync.h>

struct SS_NOT_SEND logger { int fd; char *tls_buf SS_OWNED; };
struct SS_SYNC stats {
  const int level;
  _Atomic long hits;
  pthread_mutex_t mu;
  long total __attribute__((guarded_by(mu)));
};
struct SS_UNSAFE_SEND("one owner at a time") pool { char *buf; size_t n; };
struct foreign { int x; };
SS_IMPL(struct foreign, unsafe_sync, "read-only after init");
typedef char *owned_str SS_OWNED;
struct SS_SEND request { char *raw; int id; };

static struct stats stats = {3, 0, PTHREAD_MUTEX_INITIALIZER, 0};
static const char *program_name SS_STATIC = "identical";

int spawn(void *(*entry)(void *) SS_THREAD_ENTRY, void *arg SS_THREAD_ARG,
          pthread_t *out SS_THREAD_JOIN) {
  return pthread_create(out, NULL, entry, arg);
}

static void *worker(void *p) {
  struct request *r = p;
  size_t n = strlen(r->raw);
  stats.hits++;
  pthread_mutex_lock(&stats.mu);
  stats.total += (long)n + r->id;
  pthread_mutex_unlock(&stats.mu);
  free(r->raw);
  free(r);
  return NULL;
}

struct SS_SEND job {
  owned_str name;
  struct logger *log SS_OWNED;
};

int main(int argc, char **argv) {
  pthread_t threads[4];
  for (int i = 0; i < 4; i++) {
    struct request *r = malloc(sizeof *r);
    if (!r)
      return 1;
    r->raw = strdup(argc > 1 ? argv[1] : program_name);
    r->id = i;
    spawn(worker, sendsync_assume_send(r), &threads[i]);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(threads[i], NULL);
  printf("%ld %ld\n", stats.total, (long)stats.hits);
  return 0;
}
