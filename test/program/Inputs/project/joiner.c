#include "project.h"
#include <stdio.h>

void wait_worker(pthread_t t) {
  if (pthread_join(t, NULL))
    fputs("cannot join a worker\n", stderr);
}
