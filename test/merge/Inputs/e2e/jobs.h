#include <pthread.h>

struct job {
  int n;
};

void *worker_main(void *arg);
int start_job(pthread_t *t, struct job *j);
void finish_job(pthread_t t);
void trace(int *p);
