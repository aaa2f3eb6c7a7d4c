// Sharing (docs/rules.md §2): the same object handed to two or more threads is
// shared, so Sync is required (shared=loop / shared=sites). In a loop, an
// object made anew in each iteration (a fresh malloc, a local declared in
// the body) or a different element per iteration (&a[i], a + i) is not.
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#include <pthread.h>
#include <stdlib.h>

struct job { int id; };

static void *run(void *arg) { return arg; }

static struct job global_job;

void same_object_in_loop(void) {
  pthread_t t[4];
  struct job j = {0};
  for (int i = 0; i < 4; i++)
    // CHECK: spawn sharing.c:[[@LINE+1]]:5 via=pthread_create(builtin) entry=run arg=&j storage=stack object=j pointee='struct job' shared=loop requires=Sync handle=&t[i]
    pthread_create(&t[i], NULL, run, &j);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

void one_heap_object_in_loop(void) {
  pthread_t t[4];
  struct job *j = malloc(sizeof *j);
  for (int i = 0; i < 4; i++)
    // CHECK-NEXT: spawn sharing.c:[[@LINE+1]]:5 via=pthread_create(builtin) entry=run arg=j storage=heap through=j pointee='struct job' shared=loop requires=Sync handle=&t[i]
    pthread_create(&t[i], NULL, run, j);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
  free(j);
}

void fresh_malloc_per_iteration(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) {
    struct job *j = malloc(sizeof *j);
    j->id = i;
    // CHECK-NEXT: spawn sharing.c:[[@LINE+1]]:5 via=pthread_create(builtin) entry=run arg=j storage=heap through=j pointee='struct job' requires=Send handle=&t[i]
    pthread_create(&t[i], NULL, run, j);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

void element_per_iteration(void) {
  pthread_t t[4];
  struct job jobs[4] = {{0}};
  for (int i = 0; i < 4; i++)
    // CHECK-NEXT: spawn sharing.c:[[@LINE+1]]:5 via=pthread_create(builtin) entry=run arg=&jobs[i] storage=stack object=jobs pointee='struct job' requires=Send handle=&t[i]
    pthread_create(&t[i], NULL, run, &jobs[i]);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

void element_by_arithmetic(void) {
  pthread_t t[4];
  struct job jobs[4] = {{0}};
  int i = 0;
  while (i < 4) {
    // CHECK-NEXT: spawn sharing.c:[[@LINE+1]]:5 via=pthread_create(builtin) entry=run arg='jobs + i' storage=stack object=jobs pointee='struct job' requires=Send handle=&t[i]
    pthread_create(&t[i], NULL, run, jobs + i);
    i++;
  }
  for (i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
}

void static_in_loop(void) {
  pthread_t t[2];
  int i = 0;
  do {
    // CHECK-NEXT: spawn sharing.c:[[@LINE+1]]:5 via=pthread_create(builtin) entry=run arg=&global_job storage=static object=global_job pointee='struct job' shared=loop requires=Sync handle=&t[i]
    pthread_create(&t[i], NULL, run, &global_job);
  } while (++i < 2);
  pthread_join(t[0], NULL);
  pthread_join(t[1], NULL);
}

// Two spawns of one object in one function: each site names the other.
void two_spawns(void) {
  pthread_t a, b;
  struct job j = {0};
  // CHECK-NEXT: spawn sharing.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&j storage=stack object=j pointee='struct job' shared=sites requires=Sync handle=&a
  pthread_create(&a, NULL, run, &j);
  // CHECK-NEXT: spawn sharing.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&j storage=stack object=j pointee='struct job' shared=sites requires=Sync handle=&b
  pthread_create(&b, NULL, run, &j);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}

// Two spawns of two objects: neither is shared.
void two_objects(void) {
  pthread_t a, b;
  struct job x = {0}, y = {0};
  // CHECK-NEXT: spawn sharing.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&x storage=stack object=x pointee='struct job' requires=Send handle=&a
  pthread_create(&a, NULL, run, &x);
  // CHECK-NEXT: spawn sharing.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=&y storage=stack object=y pointee='struct job' requires=Send handle=&b
  pthread_create(&b, NULL, run, &y);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}
// CHECK-NOT: spawn
