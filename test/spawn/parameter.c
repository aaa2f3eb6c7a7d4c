// Provenance "parameter" (docs/rules.md §2): the enclosing function's own pointer
// parameter. Its marker (on the definition or on any redeclaration) says what
// it is; unmarked, it is raw and nothing can be proven.
//
// A function that passes its parameter itself to pthread_create is an
// inferred wrapper (see apis.c): its argument is judged at its callers. Here
// each parameter reaches the spawn through a local copy, so the site stays
// in the function and the provenance is the parameter's.
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>
#include <sendsync.h>
#include <stddef.h>

struct job { int id; };

static void *run(void *arg) { return arg; }

// The marker is on the prototype ("the header") only.
void start_declared(struct job *j SS_OWNED);

void start_owned(struct job *j SS_OWNED) {
  pthread_t t;
  struct job *copy = j;
  // CHECK: spawn parameter.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=copy storage=parameter kind=owned object=j through=copy pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, copy);
  pthread_join(t, NULL);
}

void start_declared(struct job *j) {
  pthread_t t;
  struct job *copy = j;
  // CHECK-NEXT: spawn parameter.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=copy storage=parameter kind=owned object=j through=copy pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, copy);
  pthread_join(t, NULL);
}

void start_static(const struct job *j SS_STATIC) {
  pthread_t t;
  const struct job *copy = j;
  // CHECK-NEXT: spawn parameter.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=copy storage=parameter kind=static object=j through=copy pointee='const struct job' requires=Sync handle=&t
  pthread_create(&t, NULL, run, (void *)copy);
  pthread_join(t, NULL);
}

void start_borrowed(const struct job *j SS_BORROWED) {
  pthread_t t;
  const struct job *copy = j;
  // CHECK-NEXT: spawn parameter.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=copy storage=parameter kind=borrowed object=j through=copy pointee='const struct job' requires=Sync handle=&t
  pthread_create(&t, NULL, run, (void *)copy);
  pthread_join(t, NULL);
}

void start_raw(struct job *j) {
  pthread_t t;
  struct job *copy = j;
  // CHECK-NEXT: spawn parameter.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=copy storage=parameter kind=unannotated object=j through=copy pointee='struct job' requires=nothing handle=&t
  pthread_create(&t, NULL, run, copy);
  pthread_join(t, NULL);
}

// Pointer arithmetic on the parameter stays in the parameter's memory.
void start_offset(struct job *jobs SS_OWNED) {
  pthread_t t;
  // CHECK-NEXT: spawn parameter.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg='jobs + 1' storage=parameter kind=owned object=jobs pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, jobs + 1);
  pthread_join(t, NULL);
}
// CHECK-NOT: spawn
