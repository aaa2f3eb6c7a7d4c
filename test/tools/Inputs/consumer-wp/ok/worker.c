#include "threads.h"

/* The thread entry: it writes to the job it is given. */
void *worker_main(void *arg) {
  struct job *j = arg;
  j->n = 42;
  return NULL;
}
