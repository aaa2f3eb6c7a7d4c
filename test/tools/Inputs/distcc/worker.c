#include "worker.h"

#include <stdio.h>

void *work(void *arg) {
  struct task *t = arg;
  printf("task %d\n", t->id);
  return NULL;
}
