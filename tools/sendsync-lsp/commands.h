/* commands.h - the compile command for an open document.
 *
 * Compile databases are read once and kept; a database is read again when
 * its file changes on disk (modification time or size), so a 30,000-entry
 * database costs one stat() per check, not a parse.
 *
 * A file with no entry of its own is checked with flags borrowed as clangd
 * borrows them: a header from an open source file that includes it, else
 * from the source file with the same stem, else from a source file in the
 * same directory or the nearest one above; anything else with clang's
 * defaults for C. */
#ifndef SENDSYNC_LSP_COMMANDS_H
#define SENDSYNC_LSP_COMMANDS_H

#include <stddef.h>

#include "channel.h"
#include "compile_db.h"
#include "config.h"
#include "document.h"

typedef struct commands {
  struct cached_db *dbs;
  unsigned loads; /* how many times a database was parsed (tests, logs) */
} commands;

void commands_free(commands *c);

/* Fills *out (a copy the caller frees with ss_compile_entry_free) with the
 * command that checks document d. Says once through ch when it falls back
 * to default flags or cannot read a database. When program_db is not NULL,
 * sets *program_db to the program database beside the compile database
 * used (<dir>/program.sendsync-db, malloc'd) if that file exists now, else
 * to NULL: looked for at each call, never made. */
void commands_for(commands *c, const server_config *cfg, const doc_store *docs,
                  const document *d, channel *ch, ss_compile_entry *out,
                  char **program_db);

/* Whether a path names a header (.h). */
int commands_is_header(const char *path);

#endif
