#include "threads.h"

int run_job(pthread_t *t, void *(*fn)(void *), void *arg) {
  return spawn_job(t, fn, arg);
}
