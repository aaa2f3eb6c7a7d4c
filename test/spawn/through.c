// Looking through (docs/rules.md §2): casts, parentheses, &x[i], &x.f, &p->f,
// array decay, pointer arithmetic, and the assignments to a local pointer
// variable made before the spawn. When those assignments agree, the
// provenance is theirs (through=<variable>); when they disagree, it is
// storage=mixed.
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>
#include <sendsync.h>
#include <stdlib.h>

struct part { int n; };
struct job { int id; struct part part; struct part parts[2]; };

static void *run(void *arg) { return arg; }

struct job global_jobs[4];

// (Four spawns of elements of one global array: each element is its own
// object, so none is shared=sites. Static memory requires Sync anyway.)
void element_and_member(void) {
  pthread_t t[4];
  // &x[i] lives where x lives.
  // CHECK: spawn through.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&global_jobs[1] storage=static object=global_jobs pointee='struct job' requires=Sync handle=&t[0]
  pthread_create(&t[0], NULL, run, &global_jobs[1]);
  // &x.f too, and both nested.
  // CHECK-NEXT: spawn through.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&global_jobs[2].part storage=static object=global_jobs pointee='struct part' requires=Sync handle=&t[1]
  pthread_create(&t[1], NULL, run, &global_jobs[2].part);
  // Array decay of a member array.
  // CHECK-NEXT: spawn through.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=global_jobs[3].parts storage=static object=global_jobs pointee='struct part' requires=Sync handle=&t[2]
  pthread_create(&t[2], NULL, run, global_jobs[3].parts);
  // Parentheses and casts. The pointee is the type just before the
  // conversion to void *: here the programmer made it char.
  // CHECK-NEXT: spawn through.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&global_jobs[0] storage=static object=global_jobs pointee=char requires=Sync handle=&t[3]
  pthread_create(&t[3], NULL, run, (void *)((char *)(&global_jobs[0])));
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

// &p->f lives where p points: here, the owned memory of a parameter.
void arrow_member(struct job *j SS_OWNED) {
  pthread_t t;
  // CHECK-NEXT: spawn through.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&j->part storage=parameter kind=owned object=j pointee='struct part' requires=Send handle=&t
  pthread_create(&t, NULL, run, &j->part);
  pthread_join(t, NULL);
}

// Pointer arithmetic stays in its object.
void arithmetic(void) {
  pthread_t t;
  struct job local[2] = {{0}};
  // CHECK-NEXT: spawn through.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg='local + 1' storage=stack object=local pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, local + 1);
  pthread_join(t, NULL);
}

// Local pointer variables: a chain of copies, and assignments that agree.
void copies_agree(int flag) {
  pthread_t t;
  struct job *a = malloc(sizeof *a);
  struct job *b = a;
  struct job *c;
  if (flag)
    c = b;
  else
    c = calloc(1, sizeof *a);
  // CHECK-NEXT: spawn through.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=c storage=heap through=c pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, c);
  pthread_join(t, NULL);
}

// A null start then a real assignment: the null shares nothing.
void null_then_heap(void) {
  pthread_t t;
  struct job *j = NULL;
  j = malloc(sizeof *j);
  // CHECK-NEXT: spawn through.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=j storage=heap through=j pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, j);
  pthread_join(t, NULL);
}

// Assignments that disagree: heap memory on one path, a local on the other.
void copies_disagree(int flag) {
  pthread_t t;
  struct job local = {0};
  struct job *j;
  if (flag)
    j = malloc(sizeof *j);
  else
    j = &local;
  // CHECK-NEXT: spawn through.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=j storage=mixed through=j pointee='struct job' requires=nothing handle=&t
  pthread_create(&t, NULL, run, j);
  pthread_join(t, NULL);
}

// Two different locals disagree too (two objects, two lifetimes).
void two_locals(int flag) {
  pthread_t t;
  struct job x = {0}, y = {0};
  struct job *j = &x;
  if (flag)
    j = &y;
  // CHECK-NEXT: spawn through.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=j storage=mixed through=j pointee='struct job' requires=nothing handle=&t
  pthread_create(&t, NULL, run, j);
  pthread_join(t, NULL);
}

// Only the assignments before the spawn count: the later one is another
// object for a later thread.
void later_assignment(void) {
  pthread_t t;
  static struct job shared_job;
  struct job *j = malloc(sizeof *j);
  // CHECK-NEXT: spawn through.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=j storage=heap through=j pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, j);
  pthread_join(t, NULL);
  j = &shared_job;
  (void)j;
}

// A pointer whose address is taken may change behind the analysis' back.
void address_taken(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  struct job **pj = &j;
  (void)pj;
  // CHECK-NEXT: spawn through.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=j storage=unknown through=j pointee='struct job' requires=nothing handle=&t
  pthread_create(&t, NULL, run, j);
  pthread_join(t, NULL);
}
// CHECK-NOT: spawn
