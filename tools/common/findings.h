/* The plugin's JSON report (docs/json.md, schema "sendsync-findings",
 * version 1) as C structs. Every string is owned (malloc'd) and never NULL
 * (absent text is ""); ss_report_free() releases everything. */
#ifndef SENDSYNC_FINDINGS_H
#define SENDSYNC_FINDINGS_H

#include <stddef.h>

typedef struct ss_location {
  char *file; /* as the plugin wrote it (may be relative to the compile's
                 directory) */
  unsigned line,
      column; /* 1-based; 0 when the location is unknown (JSON null) */
} ss_location;

typedef struct ss_note {
  char *message;
  ss_location location;
} ss_note;

typedef struct ss_fixit {
  ss_location begin, end; /* end is exclusive */
  char *replacement;
} ss_fixit;

typedef struct ss_finding {
  char *check;    /* "sendsync-claim", ... */
  char *severity; /* "warning" or "error" */
  char *message;  /* without the trailing [check-id] */
  ss_location location;
  ss_note *notes;
  size_t note_count;
  ss_fixit *fixits;
  size_t fixit_count;
} ss_finding;

typedef struct ss_unsafe_claim {
  char *marker; /* "unsafe_send" / "unsafe_sync" */
  char *type;
  char *reason;
  int impl;
  ss_location location;
} ss_unsafe_claim;

typedef struct ss_explanation {
  char *type;
  char *text;
} ss_explanation;

typedef struct ss_report {
  char *translation_unit;
  char *tool_version;  /* tool.version */
  char *clang_version; /* tool.clang */
  int compile_errors;
  ss_finding *findings;
  size_t finding_count;
  ss_unsafe_claim *unsafe_claims;
  size_t unsafe_claim_count;
  ss_explanation *explanations;
  size_t explanation_count;
} ss_report;

/* Parse a report. Returns 0, or -1 with *error set (malloc'd message) when the
 * text is not JSON or not a "sendsync-findings" version 1 report. */
int ss_report_parse(const char *json_text, ss_report *out, char **error);
int ss_report_read_file(const char *path, ss_report *out, char **error);

/* Makes every relative location file absolute against `directory` (the
 * compile's working directory) and normalises it. */
void ss_report_absolutize(ss_report *report, const char *directory);

void ss_location_free(ss_location *l);
void ss_finding_free(ss_finding *f);
void ss_report_free(ss_report *report);

/* Deep copies (for collecting findings out of per-TU reports). */
void ss_location_copy(ss_location *dst, const ss_location *src);
void ss_finding_copy(ss_finding *dst, const ss_finding *src);

#endif
