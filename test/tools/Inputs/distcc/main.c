#include <pthread.h>

#include "worker.h"

/* The thread is detached and may outlive start(): the stack object it is
 * handed escapes. */
int start(void) {
  struct task t = {.id = 1, .log = 0};
  pthread_t th;
  if (pthread_create(&th, NULL, work, &t) != 0)
    return -1;
  pthread_detach(th);
  return 0;
}

int main(void) { return start(); }
