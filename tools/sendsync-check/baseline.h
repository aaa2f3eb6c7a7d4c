/* Baselines: a JSON file of finding fingerprints (docs/ci.md).
 *
 *   { "schema": "sendsync-baseline", "version": 1,
 *     "findings": [ { "fingerprint": "...", "check": "...", "file": "...",
 *                     "message": "..." }, ... ] }
 *
 * Only "fingerprint" is used for matching; the rest is for the reader. */
#ifndef SENDSYNC_CHECK_BASELINE_H
#define SENDSYNC_CHECK_BASELINE_H

#include "results.h"

/* Marks the findings whose fingerprint is in `path` as baselined. Returns 0,
 * or -1 with a message on stderr. */
int baseline_apply(const char *path, check_results *r);

/* Writes every finding (baselined or not). Returns 0, or -1 with a message. */
int baseline_write(const char *path, const check_results *r);

#endif
