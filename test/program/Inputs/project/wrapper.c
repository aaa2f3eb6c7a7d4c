#include "project.h"
#include <stdio.h>

int start_worker(pthread_t *t, void *(*fn)(void *), void *arg) {
  int err = pthread_create(t, NULL, fn, arg);
  if (err)
    fprintf(stderr, "cannot start a worker: %d\n", err);
  return err;
}
