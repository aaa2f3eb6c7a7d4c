// The entry, and a 'trace' unlike main.c's.
#include "jobs.h"

void trace(int *p) { *p = 0; }

void *worker_main(void *arg) {
  struct job *j = arg;
  j->n++;
  return 0;
}
