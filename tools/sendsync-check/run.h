/* Running the plugin over the selected entries, -j at a time. */
#ifndef SENDSYNC_CHECK_RUN_H
#define SENDSYNC_CHECK_RUN_H

#include <stddef.h>

#include "clang_command.h"
#include "compile_db.h"
#include "results.h"

/* Optional: what a caller (--whole-program) adds per file. */
typedef struct run_hooks {
  /* Before entry i starts: may set per-file plugin arguments (facts,
   * program, dependency file) and job->keep_json. */
  void (*prepare)(void *context, size_t i, ss_plugin_options *options,
                  ss_tu_job *job);
  /* With entry i's result, in entry order, instead of results_add(); may
   * move the result out (leaving it zeroed). */
  void (*collect)(void *context, size_t i, ss_tu_result *result);
  void *context;
} run_hooks;

typedef struct run_config {
  unsigned jobs; /* compiles at once (>= 1) */
  int show_progress;
  unsigned timeout_seconds; /* per file; 0: none */
  const char *pass;         /* named in the progress line; NULL: none */
  const run_hooks *hooks;   /* NULL: none */
} run_config;

/* Checks entries[0..count) and adds each result to `results` in entry order
 * (whatever order the children finish in). Returns 0, or 2 after an
 * environment error (clang cannot be run, the plugin does not load), which
 * is printed to stderr with how to fix it; no further files are started
 * then. */
int run_all(const ss_compile_entry *const *entries, size_t count,
            const ss_plugin_options *plugin, const run_config *config,
            check_results *results);

#endif
