/* What one run of sendsync-check found, merged over all translation units:
 * findings deduplicated (a header included by several files reports once)
 * and sorted by file, line, column, so the output does not depend on -j. */
#ifndef SENDSYNC_CHECK_RESULTS_H
#define SENDSYNC_CHECK_RESULTS_H

#include <stddef.h>

#include "findings.h"
#include "fingerprint.h"
#include "run_clang.h"

typedef struct check_finding {
  ss_finding f; /* location files are display paths (see display_path) */
  char fingerprint[SS_FINGERPRINT_LEN + 1];
  int baselined; /* recorded in --baseline: not reported */
} check_finding;

/* A translation unit that did not compile cleanly. */
typedef struct tu_failure {
  char *file;          /* display path */
  ss_tu_status status; /* SS_TU_COMPILE_ERRORS or SS_TU_FAILED */
  char *message;       /* one line */
  char *errors;        /* clang's error lines (not the plugin's findings) */
} tu_failure;

typedef struct check_results {
  char *root; /* absolute: display paths are relative to it */
  size_t files_checked;
  check_finding *findings;
  size_t finding_count;
  size_t baselined_count;
  ss_unsafe_claim *claims; /* deduplicated and sorted like findings */
  size_t claim_count;
  ss_explanation *explanations; /* in --explain order, deduplicated */
  size_t explanation_count;
  tu_failure *failures; /* in file order */
  size_t failure_count;
  ss_argv
      dropped_flags; /* distinct flags the filter dropped, first seen first */
  size_t files_with_dropped_flags;
  char *plugin_version; /* from the first report, "" if none */
  char *clang_version;
} check_results;

/* Adds one translation unit's result (files in it are absolute). */
void results_add(check_results *r, const char *tu_file, ss_tu_result *tu);

/* Records the flags the filter dropped from one file's command. */
void results_add_dropped(check_results *r, const ss_argv *dropped);

/* One sentence naming the dropped flags and the way to keep them
 * (malloc'd), or NULL if none were dropped. */
char *results_dropped_summary(const check_results *r);

/* Sorts, deduplicates and fingerprints; call once after the last add. */
void results_finish(check_results *r);

/* Findings that are reported (not baselined). */
size_t results_reported(const check_results *r);

void results_free(check_results *r);

/* `path` relative to the root if it lies under it, else unchanged. */
char *display_path(const check_results *r, const char *path);

#endif
