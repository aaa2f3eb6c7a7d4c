#include "project.h"
#include <stdlib.h>

/* One bug of each kind; main_ok.c has the same code, corrected. */

/* The thread may outlive 'j': nothing joins it. */
int run_escape(void) {
  struct job j = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t t;
  return start_worker(&t, count_hits, &j);
}

/* The spawner writes 'j.total' while the thread writes it, with no lock. */
int run_race(void) {
  struct job j = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t t;
  if (start_worker(&t, count_hits, &j))
    return -1;
  j.total = 5;
  wait_worker(t);
  return j.total;
}

/* The thread frees 'buf'; the spawner writes to it afterwards. */
int run_use_after_send(void) {
  char *buf = malloc(16);
  pthread_t t;
  if (!buf || start_worker(&t, consume, buf))
    return -1;
  buf[1] = 'x';
  wait_worker(t);
  return 0;
}
