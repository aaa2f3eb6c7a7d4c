/* Reading compile_commands.json (the JSON compilation database).
 *
 * Entries come in the "arguments" form or the "command" form (split with
 * shell-like quoting); "directory" is honoured: relative file names and
 * relative paths in the arguments are resolved against it. */
#ifndef SENDSYNC_COMPILE_DB_H
#define SENDSYNC_COMPILE_DB_H

#include <stddef.h>

typedef struct ss_compile_entry {
  char *directory; /* absolute: the working directory of the compile */
  char *file;      /* absolute and normalised ("a/./b/../c" -> "a/c") */
  char **argv;     /* the compile command as recorded, NULL-terminated */
  size_t argc;
} ss_compile_entry;

typedef struct ss_compile_db {
  char *path; /* absolute path of the compile_commands.json that was read */
  ss_compile_entry *entries;
  size_t count;
} ss_compile_db;

/* Finds the nearest directory, starting at `start` (a file or a directory)
 * and walking up to "/", that holds a compile_commands.json. Returns the
 * directory (malloc'd, absolute) or NULL. */
char *ss_compile_db_locate(const char *start);

/* clangd's search, for the language server: in each directory from `start`
 * up to "/", compile_commands.json and then build/compile_commands.json.
 * Returns the directory holding it (malloc'd, absolute) or NULL. */
char *ss_compile_db_locate_like_clangd(const char *start);

/* Reads `path`, which is either a compile_commands.json file or a directory
 * holding one. Returns 0 on success; on failure returns -1 and sets *error to
 * a malloc'd, human-readable message (which says how to fix it). */
int ss_compile_db_load(const char *path, ss_compile_db *db, char **error);

/* The entry that compiles `file` (any spelling: it is made absolute against
 * the current directory and normalised), or NULL. When a file is compiled
 * several times, the first entry wins. */
const ss_compile_entry *ss_compile_db_find(const ss_compile_db *db,
                                           const char *file);

/* Builds a database entry by hand (sendsync-check file.c -- <flags>):
 * argv = compiler, flags..., file; directory = `directory`. */
int ss_compile_entry_make(ss_compile_entry *e, const char *directory,
                          const char *compiler, const char *const *flags,
                          size_t flag_count, const char *file);

void ss_compile_entry_free(ss_compile_entry *e);
void ss_compile_db_free(ss_compile_db *db);

#endif
