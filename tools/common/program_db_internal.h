/* The insides of the merge (program_db.c, program_db_read.c): the units
 * read, the definitions of each external name and the hash table of names.
 * Not for other users: they call ss_program_db_merge. */
#ifndef SENDSYNC_PROGRAM_DB_INTERNAL_H
#define SENDSYNC_PROGRAM_DB_INTERNAL_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#define PDB_FACTS_FORMAT "sendsync-facts"
#define PDB_FACTS_VERSION 1
#define PDB_PROGRAM_FORMAT "sendsync-program"
#define PDB_PROGRAM_VERSION 1
#define PDB_NONE ((size_t)-1)

typedef struct pdb_unit {
  const char *path;      /* the facts file, as given */
  cJSON *root;           /* the parsed file; the pointers below are in it */
  const char *tu;        /* translation_unit */
  const char *directory; /* NULL when the file has none */
  cJSON *functions, *thread_entries, *references; /* NULL: absent; moved
                                                    into the database */
  double spawn_sites;
  dev_t dev;
  ino_t ino;
} pdb_unit;

/* One definition of an external name; `next`: the name's next one. */
typedef struct pdb_definition {
  size_t unit;
  cJSON *entry; /* functions.<name> of that unit */
  size_t next;  /* PDB_NONE: the last */
} pdb_definition;

typedef struct pdb_symbol {
  const char *name;
  size_t first, last; /* its definitions, in unit order */
  size_t count;
  int differs;    /* a definition's facts differ from the first's */
  int referenced; /* a unit that does not define it references it */
} pdb_symbol;

typedef struct pdb_merge {
  FILE *diag;
  const char *prefix;
  pdb_unit *units; /* sorted by (directory, translation_unit, path) */
  size_t unit_count;
  pdb_definition *defs; /* room for every definition of every unit */
  size_t def_count;
  pdb_symbol *symbols;
  size_t symbol_count;
  size_t *slots; /* open addressing by name: symbol index + 1, 0 empty */
  size_t slot_mask;
} pdb_merge;

void pdb_report(const pdb_merge *m, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reads, checks and sorts the units; sizes the tables. 0, or -1 after
 * reporting every file that is wrong. */
int pdb_read_units(pdb_merge *m, const char *const *paths, size_t count);
void pdb_free(pdb_merge *m);

/* The hash table of names (sized by pdb_read_units). */
void pdb_table_init(pdb_merge *m);
size_t *pdb_slot(pdb_merge *m, const char *name);

/* Are two functions.<name> entries the same once every location string
 * (`at`, `unknown`, `used_after`, at any depth) is ignored? */
int pdb_same_facts(const cJSON *a, const cJSON *b);

#endif
