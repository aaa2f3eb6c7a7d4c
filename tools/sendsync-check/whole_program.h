/* sendsync-check --whole-program: the passes "facts" (every selected unit,
 * writing its facts), "merge" (the program database) and "check" (again,
 * with the database, the units whose verdict it can change), with the
 * incremental cache of cache.h. docs/ci.md, "Whole program". */
#ifndef SENDSYNC_CHECK_WHOLE_PROGRAM_H
#define SENDSYNC_CHECK_WHOLE_PROGRAM_H

#include "clang_command.h"
#include "options.h"
#include "results.h"
#include "run.h"
#include "select.h"

/* Adds every selected unit's result to `results` in selection order.
 * Returns 0, or 2 after an error (said on stderr). */
int whole_program_run(const check_options *o, const selection *sel,
                      const ss_plugin_options *plugin, const run_config *config,
                      check_results *results);

#endif
