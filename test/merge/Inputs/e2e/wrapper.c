// The wrapper and the join helper; the entry is in worker.c.
#include "jobs.h"

int start_job(pthread_t *t, struct job *j) {
  return pthread_create(t, 0, worker_main, j);
}

void finish_job(pthread_t t) { pthread_join(t, 0); }
