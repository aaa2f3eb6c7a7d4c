/* The source line under a diagnostic, as clang prints it:
 *
 *     5 |   int hits;
 *       |       ^   ~~~~
 *       |           const
 *
 * the line (tabs expanded to 8 columns), a caret at the column with '~'
 * under what a fix-it replaces, and the fix-its' inserted text. Line numbers
 * take at least 4 columns, and as many as clang gives them. */
#ifndef SENDSYNC_CHECK_SNIPPET_H
#define SENDSYNC_CHECK_SNIPPET_H

#include <stddef.h>

#include "findings.h"
#include "util.h"

/* Source files read so far, each once. */
typedef struct source_cache {
  struct source_file *files;
  size_t count;
} source_cache;

/* Appends the snippet for `loc` (a display path, relative to `root` or
 * absolute) to *b, with the fix-its that lie on its line. Appends nothing
 * if the file or the line cannot be read. */
void snippet_append(ss_buf *b, source_cache *cache, const char *root,
                    const ss_location *loc, const ss_fixit *fixits,
                    size_t fixit_count);

void source_cache_free(source_cache *cache);

#endif
