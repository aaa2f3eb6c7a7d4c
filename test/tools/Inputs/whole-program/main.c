#include "threads.h"

int main(void) {
  pthread_t t;
  struct job j = {0};
  /* The thread gets a stack object, and main returns without joining. */
  start_worker(&t, worker_main, &j);
  return 0;
}
