/* Which flags of a compile database entry reach clang (docs/security.md).
 *
 * A compile database may come from a project nobody has reviewed: an
 * editor opening a cloned repository, a CI job on a fork's pull request.
 * Some flags make clang load or run code (-fplugin=, -Xclang -load, -B,
 * ...), so by default an ALLOWLIST decides: what a syntax-only check needs
 * (include paths and sysroots, macros, forced includes, language and
 * standard, target and -m options, warnings, the -f options that change the
 * language, -O, -g, -pthread) is kept, and everything else, known or not, is
 * dropped. Response files (@file) are expanded first and filtered with the
 * rest; they never reach clang.
 *
 * Independent of trust, what writes files or stops before semantic analysis
 * (-o, -c, -MD, -MF <x>, ...), the project's own copy of the sendsync
 * plugin and its arguments, and the source file itself are removed without
 * being reported: the tools add their own. */
#ifndef SENDSYNC_FLAG_FILTER_H
#define SENDSYNC_FLAG_FILTER_H

#include <stddef.h>

#include "argv.h"

typedef struct ss_flag_filter {
  const char *directory; /* the compile's working directory (absolute) */
  const char
      *source_file; /* absolute, normalised: removed wherever it appears */
  int trust;        /* 1: keep every flag that is not removed silently */
} ss_flag_filter;

/* Filters args[0..n) (the entry's arguments without the compiler) into
 * *out. Each flag the allowlist dropped is appended to *dropped (when not
 * NULL) as one string, with its value ("-Xclang -load", "-B /opt/x",
 * "@flags.rsp: no such file"). */
void ss_flag_filter_run(const ss_flag_filter *filter, const char *const *args,
                        size_t n, ss_argv *out, ss_argv *dropped);

#endif
