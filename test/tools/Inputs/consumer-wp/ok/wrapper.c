#include "threads.h"

/* A project-wide wrapper: the thread's handle goes back to the caller. */
int start_worker(pthread_t *t, void *(*fn)(void *), void *arg) {
  return pthread_create(t, NULL, fn, arg);
}
