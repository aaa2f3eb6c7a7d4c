/* The progress line on stderr: "[done/total] N findings", or with
 * --whole-program "[facts done/total] ..." naming the pass. Only shown on a
 * terminal, and not in CI (CI=true or CI=1 in the environment). */
#ifndef SENDSYNC_CHECK_PROGRESS_H
#define SENDSYNC_CHECK_PROGRESS_H

#include <stddef.h>

/* Whether to show it: `requested` is 1 (--progress), 0 (--no-progress or
 * --quiet) or -1 (auto). */
int progress_wanted(int requested);
void progress_update(const char *pass, size_t done, size_t total,
                     size_t findings);
void progress_clear(void);

#endif
