// Uses the wrapper and the helper of wrapper.c; its 'trace' only reads.
#include <stdio.h>

#include "jobs.h"

void trace(int *p) { printf("%d\n", *p); }

int main(void) {
  struct job j = {0};
  pthread_t t;
  start_job(&t, &j);
  finish_job(t);
  trace(&j.n);
  return 0;
}
