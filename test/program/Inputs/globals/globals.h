/* Globals shared across files: defined in counters.c, used by thread code
 * there and here. */
#ifndef GLOBALS_H
#define GLOBALS_H

#include <pthread.h>

extern int jobs_done;            /* a plain int: not Sync */
extern _Atomic int jobs_atomic;  /* Sync */
extern pthread_mutex_t jobs_mu;
extern int jobs_guarded __attribute__((guarded_by(jobs_mu))); /* Sync */
extern int last_job;             /* a plain int: not Sync */
extern _Atomic int last_job_atomic;

/* counters.c: a thread entry that writes jobs_done. */
void *count_jobs(void *arg);
/* counters.c: its twin, on Sync globals (and a static of its own). */
void *count_jobs_ok(void *arg);
/* counters.c: helpers a thread of another file calls. */
void note_job(int n);
void note_job_ok(int n);

#endif
