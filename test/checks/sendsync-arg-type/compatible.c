// The nearest correct code of sendsync-arg-type: reads that are how C
// programs do it are not reported (docs/design.md): the same type (also
// through typedefs, and with other qualifiers), bytes (char *, unsigned
// char *), the first member of the passed struct ("C inheritance", also
// nested), the element type of a passed array, and arguments that share no
// memory or whose type is unknown.
//
// RUN: %verify %s
// Strict mode changes nothing for this check (the other strict checks, which
// see one object shared by several threads here, are turned off).
// RUN: %verify -fplugin-arg-sendsync-strict -fplugin-arg-sendsync-disable=sendsync-not-sync,sendsync-unknown %s
// expected-no-diagnostics

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

struct base { int kind; };
struct derived { struct base base; int extra; };
struct most_derived { struct derived derived; long more; };
typedef struct derived derived_t;

static void *run_derived(void *arg) {
  derived_t *d = arg;
  return d;
}
static void *run_const_derived(void *arg) {
  const struct derived *d = arg;
  return (void *)d;
}
static void *run_base(void *arg) {
  struct base *b = arg;
  return b;
}
static void *run_bytes(void *arg) {
  char *bytes = arg;
  return bytes;
}
static void *run_ubytes(void *arg) {
  unsigned char *bytes = arg;
  return bytes;
}
static void *run_int(void *arg) {
  int *n = arg;
  return n;
}
static void *run_number(void *arg) {
  intptr_t n = (intptr_t)arg; // not a pointer conversion
  return (void *)n;
}
static void *run_untouched(void *arg) {
  return arg;
}

void compatible(int n) {
  pthread_t t[10];
  struct derived *d = malloc(sizeof *d);
  struct most_derived *m = malloc(sizeof *m);
  int counts[4] = {0};
  pthread_create(&t[0], NULL, run_derived, d);       // same type via typedef
  pthread_create(&t[1], NULL, run_const_derived, d); // adds const
  pthread_create(&t[2], NULL, run_base, d);          // first member
  pthread_create(&t[3], NULL, run_base, m);          // first member of first
  pthread_create(&t[4], NULL, run_bytes, d);         // bytes
  pthread_create(&t[5], NULL, run_ubytes, m);        // bytes
  pthread_create(&t[6], NULL, run_int, counts);      // element of an array
  pthread_create(&t[7], NULL, run_int, &counts);     // the array itself
  pthread_create(&t[8], NULL, run_number, (void *)(intptr_t)n); // a value
  pthread_create(&t[9], NULL, run_untouched, d);     // never converted
  for (int i = 0; i < 10; i++)
    pthread_join(t[i], NULL);
  free(d);
  free(m);
}

// Untyped memory: nothing to compare.
void untyped(void) {
  pthread_t t;
  pthread_create(&t, NULL, run_base, malloc(16));
  pthread_join(t, NULL);
  pthread_create(&t, NULL, run_base, NULL);
  pthread_join(t, NULL);
}
