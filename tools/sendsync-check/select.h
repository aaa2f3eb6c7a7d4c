/* Which compile database entries (or hand-made entries, for
 * "files -- flags") a run checks: -p, positional files, --files, --exclude. */
#ifndef SENDSYNC_CHECK_SELECT_H
#define SENDSYNC_CHECK_SELECT_H

#include <stddef.h>

#include "compile_db.h"
#include "options.h"

typedef struct selection {
  ss_compile_db db;      /* when read from compile_commands.json */
  ss_compile_entry *own; /* when made from "files -- flags" */
  size_t own_count;
  const ss_compile_entry **entries;
  size_t count;
  const ss_compile_entry **skipped; /* not C, C++ or Objective-C (.S, ...) */
  size_t skipped_count;
} selection;

/* Fills *s (zeroed) from the options; `clang` is the compiler of hand-made
 * entries and `root` the directory --files/--exclude match against.
 * Returns 0, or -1 after printing what is wrong and how to fix it. */
int select_entries(const check_options *o, const char *clang, const char *root,
                   selection *s);

void free_selection(selection *s);

#endif
