#include "globals.h"
#include <stddef.h>

int jobs_done;
_Atomic int jobs_atomic;
pthread_mutex_t jobs_mu = PTHREAD_MUTEX_INITIALIZER;
int jobs_guarded;
int last_job;
_Atomic int last_job_atomic;
static int calls; /* this file's own: not main.c's business */

static void bump(void) {
  jobs_done++;
}

void *count_jobs(void *arg) {
  (void)arg;
  bump();
  return NULL;
}

void *count_jobs_ok(void *arg) {
  (void)arg;
  jobs_atomic++;
  pthread_mutex_lock(&jobs_mu);
  jobs_guarded++;
  pthread_mutex_unlock(&jobs_mu);
  calls++;
  return NULL;
}

void note_job(int n) {
  last_job = n;
}

void note_job_ok(int n) {
  last_job_atomic = n;
}
