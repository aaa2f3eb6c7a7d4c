#include "threads.h"

static void *count(void *arg) {
  ++*(int *)arg;
  return NULL;
}

/* The nearest correct code: joined before the local dies. */
int start_counting(void) {
  int hits = 0;
  pthread_t t;
  if (run_job(&t, count, &hits) != 0)
    return -1;
  pthread_join(t, NULL);
  return hits;
}
