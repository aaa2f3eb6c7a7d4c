/* Included by a.c and b.c: its broken claim must be reported once. */
#include <sendsync.h>

struct SS_NOT_SEND logger { int fd; };

struct SS_SEND shared_job {
  struct logger *log SS_OWNED;
};
