/* Running clang with the plugin on one translation unit and collecting what
 * it reports. Two layers:
 *
 *   ss_tu_start() + ss_tu_finish(): start the child without waiting (the
 *     caller waits with waitpid(), e.g. to run -j N children at once);
 *   ss_tu_check(): both, synchronously (what the language server uses).
 *
 * The child's stdout and stderr go to a temporary file and are returned as
 * `output`; the plugin's JSON goes to another temporary file, read and
 * removed by ss_tu_finish(). */
#ifndef SENDSYNC_RUN_CLANG_H
#define SENDSYNC_RUN_CLANG_H

#include <sys/types.h>

#include "clang_command.h"
#include "compile_db.h"
#include "findings.h"

typedef enum ss_tu_status {
  SS_TU_OK,             /* the plugin ran, no compile errors */
  SS_TU_COMPILE_ERRORS, /* the plugin ran, but clang reported errors (findings
                           may be incomplete) */
  SS_TU_FAILED, /* clang failed without a report: driver error, crash, ... */
  SS_TU_PLUGIN_NOT_LOADED, /* the plugin could not be loaded (wrong clang major,
                              bad file) */
  SS_TU_SPAWN_FAILED, /* clang could not be started (not found, not executable)
                       */
} ss_tu_status;

typedef struct ss_tu_job {
  const ss_compile_entry *entry;
  pid_t pid;       /* > 0 while running */
  char *json_path; /* temporary files, owned */
  char *output_path;
  int spawn_errno; /* errno of chdir/exec in the child, 0 if it started */
  int exec_pipe;   /* internal: reports exec failure from the child */
  char *plugin;    /* internal: the plugin's path, set by ss_tu_start, freed by
                      ss_tu_finish */
  const char *keep_json; /* optional: ss_tu_finish moves the plugin's JSON
                            report there instead of removing it */
} ss_tu_job;

typedef struct ss_tu_result {
  ss_tu_status status;
  int exit_code;    /* clang's exit status, -1 if it did not exit normally */
  int term_signal;  /* the signal that killed it, or 0 */
  char *output;     /* clang's stdout+stderr, "" if none; owned */
  int has_report;   /* report is valid */
  ss_report report; /* locations made absolute against entry->directory */
  char *error; /* for every status but OK/COMPILE_ERRORS: one line saying what
                  went wrong; owned */
} ss_tu_result;

/* Creates a private temporary directory (under $TMPDIR or /tmp) for the
 * jobs' files. Returns a malloc'd path or NULL (errno set). */
char *ss_tu_make_tmpdir(void);
/* Removes the directory made by ss_tu_make_tmpdir() and whatever is in it. */
void ss_tu_remove_tmpdir(const char *dir);

/* Starts clang on job->entry. `tmpdir` holds the temporary files, `index`
 * makes their names unique. options->json_path is ignored (the job's own
 * file is used). Returns 0 if the child was forked (exec failure is reported
 * by ss_tu_finish), -1 if not (errno set). */
int ss_tu_start(ss_tu_job *job, const ss_plugin_options *options,
                const char *tmpdir, unsigned index);

/* Collects the outcome after waitpid() returned `wait_status` for job->pid.
 * Removes the temporary files. */
void ss_tu_finish(ss_tu_job *job, int wait_status, ss_tu_result *result);

/* Start, wait and finish. Returns 0, or -1 if the child could not be forked. */
int ss_tu_check(const ss_compile_entry *entry, const ss_plugin_options *options,
                ss_tu_result *result);

void ss_tu_result_free(ss_tu_result *r);

#endif
