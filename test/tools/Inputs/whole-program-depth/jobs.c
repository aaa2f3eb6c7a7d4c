#include "threads.h"

int spawn_job(pthread_t *t, void *(*fn)(void *), void *arg) {
  return start_thread(t, fn, arg);
}
