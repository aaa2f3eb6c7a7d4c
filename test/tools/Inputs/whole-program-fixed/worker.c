#include "threads.h"

void *fixed_worker(void *arg) {
  struct job *j = arg;
  j->n = 42;
  return NULL;
}
