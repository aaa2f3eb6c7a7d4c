#include "threads.h"

/* The thread gets a stack object, and launch returns without joining.
 * (Not in main: returning from main ends the process and its threads.) */
void launch(void) {
  pthread_t t;
  struct job j = {0};
  start_worker(&t, worker_main, &j);
}

int main(void) {
  launch();
  return 0;
}
