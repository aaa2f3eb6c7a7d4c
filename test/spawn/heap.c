// Provenance "heap" (docs/rules.md §2): the result of a known allocator or of any
// function declared with __attribute__((malloc)); ownership moves to the
// thread, so Send is required. The pointee type comes from the local pointer
// the result was stored in, or from a cast; a bare malloc() is untyped.
//
// RUN: %verify -fplugin-arg-sendsync-dump-spawns %s | FileCheck %s
// expected-no-diagnostics

#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct job { int id; };

static void *run(void *arg) {
  free(arg);
  return NULL;
}

__attribute__((malloc)) struct job *job_new(int id);
struct job *job_plain(int id);

void from_malloc(void) {
  pthread_t t;
  struct job *j = malloc(sizeof *j);
  // CHECK: spawn heap.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=j storage=heap through=j pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, j);
  pthread_join(t, NULL);
}

void from_calloc(void) {
  pthread_t t;
  struct job *j = calloc(1, sizeof *j);
  // CHECK-NEXT: spawn heap.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=j storage=heap through=j pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, j);
  pthread_join(t, NULL);
}

void from_realloc(struct job *old) {
  pthread_t t;
  struct job *j = realloc(old, 2 * sizeof *j);
  // CHECK-NEXT: spawn heap.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=j storage=heap through=j pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, j);
  pthread_join(t, NULL);
}

void from_strdup(const char *name) {
  pthread_t t;
  // CHECK-NEXT: spawn heap.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=strdup(name) storage=heap pointee=char requires=Send handle=&t
  pthread_create(&t, NULL, run, strdup(name));
  pthread_join(t, NULL);
}

void from_aligned_alloc(void) {
  pthread_t t;
  // CHECK-NEXT: spawn heap.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg='aligned_alloc(64, 64)' storage=heap pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, (struct job *)aligned_alloc(64, 64));
  pthread_join(t, NULL);
}

void from_malloc_attribute(void) {
  pthread_t t;
  // CHECK-NEXT: spawn heap.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=job_new(1) storage=heap pointee='struct job' requires=Send handle=&t
  pthread_create(&t, NULL, run, job_new(1));
  pthread_join(t, NULL);
}

// An untyped malloc() passed directly: the memory is known, its type is not.
void untyped(void) {
  pthread_t t;
  // CHECK-NEXT: spawn heap.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=malloc(16) storage=heap pointee=- requires=Send handle=&t
  pthread_create(&t, NULL, run, malloc(16));
  pthread_join(t, NULL);
}

// Not an allocator: a function without the attribute says nothing.
void plain_function(void) {
  pthread_t t;
  // CHECK-NEXT: spawn heap.c:[[@LINE+1]]:3 via=pthread_create(builtin) entry=run arg=job_plain(2) storage=unknown pointee='struct job' requires=nothing handle=&t
  pthread_create(&t, NULL, run, job_plain(2));
  pthread_join(t, NULL);
}
