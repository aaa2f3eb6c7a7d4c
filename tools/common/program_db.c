/* The program database (program_db.h; docs/facts.md, "The program
 * database"): the facts files of a program merged by external symbol name.
 *
 * Reading the units and the table of names are in program_db_read.c; this
 * file links the names (one hash table lookup per definition and per
 * reference: linear in the facts), builds the database and writes it. */
#define _POSIX_C_SOURCE 200809L
#include "program_db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "program_db_internal.h"
#include "util.h"

void pdb_report(const pdb_merge *m, const char *kind, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(m->diag, "%s%s: ", m->prefix, kind);
  vfprintf(m->diag, fmt, ap);
  fputc('\n', m->diag);
  va_end(ap);
}

/* ---- linking by name ----------------------------------------------------- */

/* Is unit `u` one of the units that define `s`? */
static int defined_in(const pdb_merge *m, const pdb_symbol *s, size_t u) {
  for (size_t d = s->first; d != PDB_NONE; d = m->defs[d].next)
    if (m->defs[d].unit == u)
      return 1;
  return 0;
}

/* Adds the definitions of unit `u` (the units are in database order, so the
 * first definition of a name is the one kept). */
static void add_definitions(pdb_merge *m, size_t u) {
  cJSON *fn;
  cJSON_ArrayForEach(fn, m->units[u].functions) {
    size_t *slot = pdb_slot(m, fn->string);
    size_t d = m->def_count++;
    m->defs[d] = (pdb_definition){u, fn, PDB_NONE};
    if (*slot == 0) {
      m->symbols[m->symbol_count] = (pdb_symbol){fn->string, d, d, 1, 0, 0};
      *slot = ++m->symbol_count;
      continue;
    }
    pdb_symbol *s = &m->symbols[*slot - 1];
    m->defs[s->last].next = d;
    s->last = d;
    s->count++;
    if (!s->differs && !pdb_same_facts(m->defs[s->first].entry, fn))
      s->differs = 1;
  }
}

/* Marks the conflicting names some unit other than their definers uses. */
static void mark_references(pdb_merge *m, size_t u) {
  const cJSON *ref;
  cJSON_ArrayForEach(ref, m->units[u].references) {
    size_t *slot = pdb_slot(m, ref->valuestring);
    if (*slot == 0)
      continue;
    pdb_symbol *s = &m->symbols[*slot - 1];
    if (s->differs && !s->referenced && !defined_in(m, s, u))
      s->referenced = 1;
  }
}

/* ---- the database ------------------------------------------------------- */

static int by_key(const void *a, const void *b) {
  const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
  return strcmp(x->string, y->string);
}

/* Sorts the keys of an object the merge builds (the writer's determinism).
 * What is moved in from a facts file is left as it is there: the plugin
 * writes it sorted, and its bytes do not depend on the other files. */
void ss_json_sort_keys(cJSON *item) {
  size_t n = 0, sorted = 1;
  for (cJSON *c = item->child; c; c = c->next, n++)
    if (c->next && strcmp(c->string, c->next->string) > 0)
      sorted = 0;
  if (sorted)
    return;
  cJSON **v = ss_xmalloc(n * sizeof *v);
  n = 0;
  for (cJSON *c = item->child; c; c = c->next)
    v[n++] = c;
  qsort(v, n, sizeof *v, by_key);
  for (size_t i = 0; i < n; i++) {
    v[i]->next = i + 1 < n ? v[i + 1] : NULL;
    v[i]->prev = i ? v[i - 1] : v[n - 1]; /* cJSON: child->prev is the last */
  }
  item->child = v[0];
  free(v);
}

static void add_place(cJSON *o, const pdb_unit *u) {
  cJSON_AddStringToObject(o, "translation_unit", u->tu);
  if (u->directory)
    cJSON_AddStringToObject(o, "directory", u->directory);
}

/* The facts file's item, moved out of it (it is not copied: the input
 * trees are not needed once the names are linked), or an empty one. */
static cJSON *take_or_empty(cJSON *root, cJSON *item, int array) {
  if (item)
    return cJSON_DetachItemViaPointer(root, item);
  return array ? cJSON_CreateArray() : cJSON_CreateObject();
}

static cJSON *unit_json(pdb_unit *u) {
  cJSON *o = cJSON_CreateObject();
  add_place(o, u);
  cJSON_AddStringToObject(o, "facts", u->path);
  cJSON_AddItemToObject(o, "references",
                        take_or_empty(u->root, u->references, 1));
  cJSON_AddNumberToObject(o, "spawn_sites", u->spawn_sites);
  cJSON_AddItemToObject(o, "thread_entries",
                        take_or_empty(u->root, u->thread_entries, 0));
  u->references = u->thread_entries = NULL;
  ss_json_sort_keys(o);
  return o;
}

static cJSON *conflict_json(const pdb_merge *m, const pdb_symbol *s) {
  cJSON *list = cJSON_CreateArray();
  for (size_t d = s->first; d != PDB_NONE; d = m->defs[d].next) {
    cJSON *o = cJSON_CreateObject();
    add_place(o, &m->units[m->defs[d].unit]);
    const cJSON *at = cJSON_GetObjectItemCaseSensitive(m->defs[d].entry, "at");
    if (cJSON_IsString(at))
      cJSON_AddStringToObject(o, "at", at->valuestring);
    ss_json_sort_keys(o);
    cJSON_AddItemToArray(list, o);
  }
  return list;
}

/* Builds the database, moving the units' items into it: after this, only
 * the conflicting names' definitions are left in the units. */
static cJSON *database_json(pdb_merge *m, ss_merge_stats *st) {
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "format", PDB_PROGRAM_FORMAT);
  cJSON_AddNumberToObject(root, "version", PDB_PROGRAM_VERSION);
  cJSON *units = cJSON_AddArrayToObject(root, "translation_units");
  for (size_t i = 0; i < m->unit_count; i++)
    cJSON_AddItemToArray(units, unit_json(&m->units[i]));
  cJSON *functions = cJSON_AddObjectToObject(root, "functions");
  cJSON *conflicts = cJSON_AddObjectToObject(root, "conflicts");
  for (size_t i = 0; i < m->symbol_count; i++) {
    const pdb_symbol *s = &m->symbols[i];
    if (s->differs) {
      cJSON_AddItemToObject(conflicts, s->name, conflict_json(m, s));
      st->conflicts++;
      st->referenced_conflicts += (size_t)s->referenced;
      continue;
    }
    const pdb_definition *d = &m->defs[s->first];
    cJSON *entry =
        cJSON_DetachItemViaPointer(m->units[d->unit].functions, d->entry);
    add_place(entry, &m->units[d->unit]);
    ss_json_sort_keys(entry);
    cJSON_AddItemToArray(functions, entry); /* keeps its key: s->name */
    st->functions++;
  }
  st->units = m->unit_count;
  ss_json_sort_keys(root);
  return root;
}

/* ---- warnings ----------------------------------------------------------- */

static void warn_conflict(const pdb_merge *m, const pdb_symbol *s) {
  ss_buf where = {0};
  size_t shown = 0;
  for (size_t d = s->first; d != PDB_NONE && shown < 2; d = m->defs[d].next) {
    if (shown++)
      ss_buf_puts(&where, s->count == 2 ? " and " : ", ");
    ss_buf_puts(&where, m->units[m->defs[d].unit].tu);
  }
  if (s->count > 2)
    ss_buf_printf(&where, " and %zu more", s->count - 2);
  pdb_report(m, "warning",
             "'%s' is defined differently in %s; calls to it are judged as "
             "calls to an unknown function",
             s->name, where.s);
  free(where.s);
}

static void warn_conflicts(const pdb_merge *m) {
  size_t quiet = 0;
  for (size_t i = 0; i < m->symbol_count; i++) {
    const pdb_symbol *s = &m->symbols[i];
    if (s->differs && s->referenced)
      warn_conflict(m, s);
    else if (s->differs)
      quiet++;
  }
  if (quiet == 1)
    pdb_report(m, "note",
               "1 more symbol is defined in several translation units; "
               "nothing calls it across units (listed under \"conflicts\")");
  else if (quiet)
    pdb_report(m, "note",
               "%zu more symbols are defined in several translation units; "
               "nothing calls them across units (listed under \"conflicts\")",
               quiet);
}

/* ---- writing ------------------------------------------------------------ */

static int write_all(int fd, const char *text, size_t len) {
  while (len) {
    ssize_t n = write(fd, text, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return -1;
    text += n;
    len -= (size_t)n;
  }
  return 0;
}

/* Writes `text` and a newline to a new temporary beside `path` and renames
 * it over `path`: readers see the old file or the new one, never half of
 * one. */
static int write_atomically(const pdb_merge *m, const char *path,
                            const char *text) {
  char *tmp = NULL;
  int fd = -1;
  for (unsigned n = 0; fd < 0 && n < 100; n++) {
    free(tmp);
    tmp = ss_xasprintf("%s.tmp-%ld-%u", path, (long)getpid(), n);
    fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST)
      break;
  }
  int failed = fd < 0;
  if (!failed) {
    failed =
        write_all(fd, text, strlen(text)) != 0 || write_all(fd, "\n", 1) != 0;
    int saved = errno;
    failed |= close(fd) != 0;
    if (failed && saved)
      errno = saved;
    failed = failed || rename(tmp, path) != 0;
  }
  if (failed) {
    int saved = errno;
    if (fd >= 0)
      unlink(tmp);
    pdb_report(m, "error", "cannot write '%s': %s", path, strerror(saved));
  }
  free(tmp);
  return failed ? -1 : 0;
}

static int by_name(const void *a, const void *b) {
  return strcmp(((const pdb_symbol *)a)->name, ((const pdb_symbol *)b)->name);
}

/* Links the read units and writes the database. */
static int link_and_write(pdb_merge *m, const char *out_path,
                          ss_merge_stats *st) {
  pdb_table_init(m);
  for (size_t u = 0; u < m->unit_count; u++)
    add_definitions(m, u);
  for (size_t u = 0; u < m->unit_count; u++)
    mark_references(m, u);
  qsort(m->symbols, m->symbol_count, sizeof *m->symbols, by_name);
  cJSON *root = database_json(m, st);
  char *text = ss_program_db_text(root);
  int rc = -1;
  if (!text)
    pdb_report(m, "error", "out of memory");
  else
    rc = write_atomically(m, out_path, text);
  free(text);
  if (rc == 0)
    warn_conflicts(m);
  cJSON_Delete(root); /* the names of `functions` are its keys */
  return rc;
}

int ss_program_db_merge(const char *const *facts_paths, size_t count,
                        const char *out_path, FILE *diag,
                        const char *diag_prefix, ss_merge_stats *stats) {
  pdb_merge m = {0};
  m.diag = diag ? diag : stderr;
  m.prefix = diag_prefix ? diag_prefix : "sendsync-merge: ";
  ss_merge_stats st = {0};
  int rc = pdb_read_units(&m, facts_paths, count);
  if (rc == 0)
    rc = link_and_write(&m, out_path, &st);
  pdb_free(&m);
  if (stats)
    *stats = st;
  return rc;
}
