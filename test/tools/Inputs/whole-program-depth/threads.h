/* A project whose thread API is layered across three files: each layer
 * wraps the one below and passes the entry and the argument on. */
#include <pthread.h>

int start_thread(pthread_t *t, void *(*fn)(void *), void *arg); /* thread.c */
int spawn_job(pthread_t *t, void *(*fn)(void *), void *arg);    /* jobs.c */
int run_job(pthread_t *t, void *(*fn)(void *), void *arg);      /* runner.c */
