/* A small threaded program split the way real ones are: the thread
 * wrapper, the thread entries and the join helper each live in their own
 * file, and the code that hands work to threads in another. */
#ifndef PROJECT_H
#define PROJECT_H

#include <pthread.h>

struct job {
  pthread_mutex_t mu;
  int hits;  /* written under mu */
  int total; /* written with no lock */
};

/* wrapper.c: starts fn(arg) on a new thread; the handle goes to *t. */
int start_worker(pthread_t *t, void *(*fn)(void *), void *arg);
/* joiner.c: waits for the thread. */
void wait_worker(pthread_t t);
/* worker.c: thread entries. */
void *count_hits(void *arg);
void *consume(void *arg);

#endif
