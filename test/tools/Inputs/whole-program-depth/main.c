#include "threads.h"

static void *count(void *arg) {
  ++*(int *)arg;
  return NULL;
}

/* The thread gets the address of a local and is never joined. */
int start_counting(void) {
  int hits = 0;
  pthread_t t;
  return run_job(&t, count, &hits);
}
