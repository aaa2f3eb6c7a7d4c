/* A wrapper that always starts the same entry, in a third file: the unit
 * that calls the wrapper references only the wrapper, not the entry. */
#include <pthread.h>

struct job {
  int n;
};

int start_fixed(pthread_t *t, struct job *j);
void *fixed_worker(void *arg);
