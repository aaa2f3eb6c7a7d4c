#include "project.h"
#include <stdlib.h>

/* main.c's code, corrected: the nearest correct twin of each bug. */

/* Joined before 'j' goes out of scope. */
int run_escape(void) {
  struct job j = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t t;
  if (start_worker(&t, count_hits, &j))
    return -1;
  wait_worker(t);
  return j.hits;
}

/* The spawner writes 'j.hits', under the lock the thread takes for it. */
int run_race(void) {
  struct job j = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t t;
  if (start_worker(&t, count_hits, &j))
    return -1;
  pthread_mutex_lock(&j.mu);
  j.hits = 5;
  pthread_mutex_unlock(&j.mu);
  wait_worker(t);
  return j.total;
}

/* The spawner writes 'buf' before handing it over. */
int run_use_after_send(void) {
  char *buf = malloc(16);
  pthread_t t;
  if (!buf)
    return -1;
  buf[1] = 'x';
  if (start_worker(&t, consume, buf)) {
    free(buf);
    return -1;
  }
  wait_worker(t);
  return 0;
}
