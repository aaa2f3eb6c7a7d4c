/* The program database: the per-TU facts files of a program merged into one
 * file, linked by external symbol name (docs/facts.md, "The program
 * database"). Written by sendsync-merge and by sendsync-check
 * --whole-program; read by the plugin (program=<path>). */
#ifndef SENDSYNC_PROGRAM_DB_H
#define SENDSYNC_PROGRAM_DB_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdio.h>

typedef struct ss_merge_stats {
  size_t units;                /* facts files merged */
  size_t functions;            /* external functions in the database */
  size_t conflicts;            /* names defined differently in several units */
  size_t referenced_conflicts; /* of those, the ones some other unit calls */
} ss_merge_stats;

/* Merges the facts files into a program database at out_path, written
 * atomically. Warnings and errors go to diag, each line starting with
 * diag_prefix ("sendsync-merge: "). Returns 0 on success, -1 on error
 * (then nothing is written). stats may be NULL. */
int ss_program_db_merge(const char *const *facts_paths, size_t count,
                        const char *out_path, FILE *diag,
                        const char *diag_prefix, ss_merge_stats *stats);

/* The database root's text, without a final newline: compact JSON whose
 * `functions` and `translation_units` have one member per line, the layout
 * the plugin reads without parsing the entries its unit does not use
 * (docs/facts.md, "Format"). NULL when out of memory; free() it. */
char *ss_program_db_text(const cJSON *root);

/* Sorts an object's members by key (the database's order), in place. */
void ss_json_sort_keys(cJSON *item);

#endif
