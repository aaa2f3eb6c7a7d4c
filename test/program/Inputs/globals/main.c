#include "globals.h"
#include <stddef.h>

/* Two bugs: a thread entry of counters.c writes 'jobs_done', and this
 * file's thread calls a function of counters.c that writes 'last_job'.
 * main_ok.c is the same code on Sync globals. */

static void *record(void *arg) {
  (void)arg;
  note_job(1);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, count_jobs, NULL);
  pthread_create(&b, NULL, record, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
