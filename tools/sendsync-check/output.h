/* The three report formats (docs/ci.md). Each writes to `path` (NULL:
 * stdout) and returns 0, or -1 after a message on stderr. Baselined
 * findings are left out of all of them. */
#ifndef SENDSYNC_CHECK_OUTPUT_H
#define SENDSYNC_CHECK_OUTPUT_H

#include "options.h"
#include "results.h"

/* Like clang: "file:line:col: warning: message [check-id]" and its notes. */
int output_text(const char *path, const check_results *r,
                const check_options *o);

/* Schema "sendsync-check", version 1. */
int output_json(const char *path, const check_results *r,
                const check_options *o);

/* SARIF 2.1.0: one run, a rule per check id, fingerprints, notes as
 * related locations. */
int output_sarif(const char *path, const check_results *r,
                 const check_options *o);

#endif
