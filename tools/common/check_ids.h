/* The registry of check ids, read from plugin/support/CheckIds.def at build
 * time, so a new check appears here (and as a SARIF rule) without editing the
 * tools. */
#ifndef SENDSYNC_CHECK_IDS_H
#define SENDSYNC_CHECK_IDS_H

#include <stddef.h>

typedef struct ss_check_info {
  const char *id;   /* "sendsync-claim" */
  const char *name; /* the registry's enumerator, "Claim": a SARIF rule name */
  const char *summary; /* one line */
} ss_check_info;

extern const ss_check_info ss_checks[];
extern const size_t ss_check_count;

/* The entry for `id`, or NULL. */
const ss_check_info *ss_check_find(const char *id);

#endif
