#include "project.h"
#include <stdlib.h>

void *count_hits(void *arg) {
  struct job *j = arg;
  pthread_mutex_lock(&j->mu);
  j->hits++;
  pthread_mutex_unlock(&j->mu);
  j->total += 1;
  return NULL;
}

/* Takes ownership of its argument. */
void *consume(void *arg) {
  char *buf = arg;
  buf[0] = 0;
  free(buf);
  return NULL;
}
