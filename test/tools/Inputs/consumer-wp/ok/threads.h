/* The three-file project of test/tools/Inputs/whole-program, for the
 * correct twin (ok/main.c joins) of test/tools/cmake-package.test. */
#include <pthread.h>

struct job {
  int n;
};

int start_worker(pthread_t *t, void *(*fn)(void *), void *arg);
void *worker_main(void *arg);
