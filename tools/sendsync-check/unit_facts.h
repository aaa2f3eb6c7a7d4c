/* What sendsync-check --whole-program reads back from a unit's facts file
 * and from the program database, to decide which units to check again
 * (docs/ci.md, "Whole program"). */
#ifndef SENDSYNC_CHECK_UNIT_FACTS_H
#define SENDSYNC_CHECK_UNIT_FACTS_H

#include <cjson/cJSON.h>

#include "argv.h"
#include "hash.h"
#include "strmap.h"

typedef struct unit_facts {
  ss_argv references; /* external functions it uses but does not define */
  double spawn_sites;
  int has_thread_entries;
} unit_facts;

/* Reads a "sendsync-facts" version 1 file. Returns 0, or -1 when it is
 * missing or malformed. */
int unit_facts_read(const char *path, unit_facts *u);
void unit_facts_free(unit_facts *u);

typedef struct program_index {
  cJSON *root;
  ss_strmap functions; /* name -> cJSON entry of "functions" */
  ss_strmap conflicts; /* name -> cJSON entry of "conflicts" */
} program_index;

/* Reads the program database. Returns 0, or -1 after saying why on
 * stderr. */
int program_index_load(const char *path, program_index *p);
void program_index_free(program_index *p);

/* Can the database change this unit's verdict? It can when one of its
 * references is a spawn wrapper or join helper, or when the unit spawns
 * threads or has thread entries and one of its references is known. */
int unit_needs_check(const unit_facts *u, const program_index *p);

/* Adds to h the database entries of the unit's references, and of the
 * entries that wrappers among them fix (transitively): what its verdict
 * can depend on. */
void unit_hash_references(const unit_facts *u, const program_index *p,
                          ss_hasher *h);

/* The part of the database that unit_hash_references hashes, as a program
 * database of its own (JSON text; free() it): what pass 2 gives the plugin
 * for this unit, instead of the whole database, which every unit would
 * parse again. NULL when out of memory. */
char *unit_program_db(const unit_facts *u, const program_index *p);

/* Facts the plugin wrote for a unit while it read the database (pass 2)
 * can name wrappers and join helpers that pass 1 could not see: a wrapper
 * of another unit's wrapper (docs/rules.md §6.8, item 5). Copies each
 * function's spawn_wrapper and join_helper from them into the database
 * entry of the same definition, where new or different; never removes
 * one. Returns how many it changed (0 for a missing or bad file). */
size_t program_index_adopt_wrappers(program_index *p, const char *facts_path);

#endif
