#ifndef WORKER_H
#define WORKER_H

#include <sendsync.h>

struct SS_NOT_SEND logger {
  int fd;
};

/* A broken claim in a header: reported through the markers, which the
 * preprocessor (local, under distcc) expands before the remote compile. */
struct SS_SEND task {
  int id;
  struct logger *log SS_OWNED;
};

void *work(void *arg);

#endif
