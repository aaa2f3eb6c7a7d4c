#include "threads.h"

int start_fixed(pthread_t *t, struct job *j) {
  return pthread_create(t, NULL, fixed_worker, j);
}
