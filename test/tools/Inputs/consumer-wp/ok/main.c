#include "threads.h"

/* The correct twin of whole-program/main.c: launch joins the thread
 * before its stack object dies. */
void launch(void) {
  pthread_t t;
  struct job j = {0};
  if (start_worker(&t, worker_main, &j) == 0)
    pthread_join(t, NULL);
}

int main(void) {
  launch();
  return 0;
}
