/* The three-file project of test/tools/whole-program-*.test: the wrapper,
 * the entry and the spawn are each in another file. */
#include <pthread.h>

struct job {
  int n;
};

int start_worker(pthread_t *t, void *(*fn)(void *), void *arg);
void *worker_main(void *arg);
