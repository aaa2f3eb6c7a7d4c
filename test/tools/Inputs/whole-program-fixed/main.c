#include "threads.h"

int launch(void) {
  pthread_t t;
  struct job j = {0};
  start_fixed(&t, &j);
  j.n = 1;
  pthread_join(t, NULL);
  return j.n;
}
