/* Running the plugin over the selected entries, -j at a time. */
#ifndef SENDSYNC_CHECK_RUN_H
#define SENDSYNC_CHECK_RUN_H

#include <stddef.h>

#include "clang_command.h"
#include "compile_db.h"
#include "results.h"

typedef struct run_config {
  unsigned jobs; /* compiles at once (>= 1) */
  int show_progress;
  unsigned timeout_seconds; /* per file; 0: none */
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
