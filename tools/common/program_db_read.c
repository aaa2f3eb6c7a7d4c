/* The merge's input side (program_db_internal.h): reading and checking the
 * facts files, the order of the units, the table of names and the
 * comparison of two definitions. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "program_db_internal.h"
#include "util.h"

/* ---- checking a facts file ---------------------------------------------- */

/* An optional key: NULL when absent, else it must have the type `ok` tests. */
static int optional(const cJSON *root, const char *key,
                    cJSON_bool (*ok)(const cJSON *), cJSON **out) {
  *out = cJSON_GetObjectItemCaseSensitive(root, key);
  return !*out || ok(*out);
}

static char *check_entries(const cJSON *list, const char *key, int strings) {
  const cJSON *c;
  cJSON_ArrayForEach(c, list) {
    if (strings ? !cJSON_IsString(c) : !cJSON_IsObject(c))
      return ss_xasprintf("an element of \"%s\" is not %s", key,
                          strings ? "a string" : "an object");
  }
  return NULL;
}

/* What is wrong with the parsed file (a message to free), or NULL. */
static char *check_facts(pdb_unit *u) {
  const cJSON *format = cJSON_GetObjectItemCaseSensitive(u->root, "format");
  const cJSON *version = cJSON_GetObjectItemCaseSensitive(u->root, "version");
  cJSON *tu, *dir, *sites;
  if (!cJSON_IsString(format) || strcmp(format->valuestring, PDB_FACTS_FORMAT))
    return ss_xstrdup("not a facts file (\"format\" is not \"" PDB_FACTS_FORMAT
                      "\")");
  if (!cJSON_IsNumber(version))
    return ss_xstrdup("\"version\" is missing or not a number");
  if (version->valuedouble != PDB_FACTS_VERSION)
    return ss_xasprintf("unknown version %g (this merge reads version %d)",
                        version->valuedouble, PDB_FACTS_VERSION);
  if (!optional(u->root, "translation_unit", cJSON_IsString, &tu) || !tu)
    return ss_xstrdup("\"translation_unit\" is missing or not a string");
  if (!optional(u->root, "directory", cJSON_IsString, &dir))
    return ss_xstrdup("\"directory\" is not a string");
  if (!optional(u->root, "spawn_sites", cJSON_IsNumber, &sites))
    return ss_xstrdup("\"spawn_sites\" is not a number");
  if (!optional(u->root, "functions", cJSON_IsObject, &u->functions) ||
      !optional(u->root, "thread_entries", cJSON_IsObject,
                &u->thread_entries) ||
      !optional(u->root, "references", cJSON_IsArray, &u->references))
    return ss_xstrdup("\"functions\" or \"thread_entries\" is not an object, "
                      "or \"references\" not an array");
  u->tu = tu->valuestring;
  u->directory = dir ? dir->valuestring : NULL;
  u->spawn_sites = sites ? sites->valuedouble : 0;
  char *wrong = check_entries(u->functions, "functions", 0);
  return wrong ? wrong : check_entries(u->references, "references", 1);
}

/* Reads one facts file into `u`; reports what is wrong and returns -1. */
static int read_unit(const pdb_merge *m, const char *path, pdb_unit *u) {
  struct stat st;
  size_t size = 0;
  char *text = ss_read_file(path, &size);
  if (!text || stat(path, &st) != 0) {
    pdb_report(m, "error", "cannot read '%s': %s", path, strerror(errno));
    free(text);
    return -1;
  }
  *u = (pdb_unit){.path = path, .dev = st.st_dev, .ino = st.st_ino};
  const char *end = NULL;
  /* size + 1: the terminating NUL, so that trailing garbage is an error. */
  u->root = cJSON_ParseWithLengthOpts(text, size + 1, &end, 1);
  if (!u->root) {
    size_t at = end && end >= text ? (size_t)(end - text) : 0;
    pdb_report(m, "error", "'%s' is not JSON (at byte %zu)", path, at);
    free(text);
    return -1;
  }
  free(text);
  char *wrong = cJSON_IsObject(u->root) ? check_facts(u)
                                        : ss_xstrdup("not a JSON object");
  if (!wrong)
    return 0;
  pdb_report(m, "error", "'%s': %s", path, wrong);
  free(wrong);
  cJSON_Delete(u->root);
  u->root = NULL;
  return -1;
}

/* ---- the order of the units, and one file given twice ------------------- */

static int by_place(const void *a, const void *b) {
  const pdb_unit *x = a, *y = b;
  int c = strcmp(x->directory ? x->directory : "",
                 y->directory ? y->directory : "");
  if (!c)
    c = strcmp(x->tu, y->tu);
  return c ? c : strcmp(x->path, y->path);
}

static int by_file(const void *a, const void *b) {
  const pdb_unit *x = *(const pdb_unit *const *)a;
  const pdb_unit *y = *(const pdb_unit *const *)b;
  if (x->dev != y->dev)
    return x->dev < y->dev ? -1 : 1;
  if (x->ino != y->ino)
    return x->ino < y->ino ? -1 : 1;
  return strcmp(x->path, y->path);
}

static int check_twice(const pdb_merge *m) {
  pdb_unit **v = ss_xmalloc((m->unit_count + 1) * sizeof *v);
  for (size_t i = 0; i < m->unit_count; i++)
    v[i] = &m->units[i];
  qsort(v, m->unit_count, sizeof *v, by_file);
  int rc = 0;
  for (size_t i = 1; i < m->unit_count; i++) {
    if (v[i]->dev != v[i - 1]->dev || v[i]->ino != v[i - 1]->ino)
      continue;
    if (strcmp(v[i]->path, v[i - 1]->path) == 0)
      pdb_report(m, "error", "'%s' is given twice", v[i]->path);
    else
      pdb_report(m, "error", "'%s' and '%s' are the same file", v[i - 1]->path,
                 v[i]->path);
    rc = -1;
  }
  free(v);
  return rc;
}

int pdb_read_units(pdb_merge *m, const char *const *paths, size_t count) {
  m->units = ss_xcalloc(count + 1, sizeof *m->units);
  int rc = 0;
  for (size_t i = 0; i < count; i++) {
    if (read_unit(m, paths[i], &m->units[m->unit_count]) == 0)
      m->unit_count++;
    else
      rc = -1;
  }
  if (check_twice(m) != 0)
    rc = -1;
  if (rc == 0)
    qsort(m->units, m->unit_count, sizeof *m->units, by_place);
  return rc;
}

void pdb_free(pdb_merge *m) {
  for (size_t i = 0; i < m->unit_count; i++)
    cJSON_Delete(m->units[i].root);
  free(m->units);
  free(m->defs);
  free(m->symbols);
  free(m->slots);
  *m = (pdb_merge){0};
}

/* ---- the table of names ------------------------------------------------- */

void pdb_table_init(pdb_merge *m) {
  size_t defs = 0;
  for (size_t i = 0; i < m->unit_count; i++)
    defs += (size_t)cJSON_GetArraySize(m->units[i].functions);
  size_t slots = 16;
  while (slots < 2 * defs)
    slots *= 2;
  m->defs = ss_xcalloc(defs + 1, sizeof *m->defs);
  m->symbols = ss_xcalloc(defs + 1, sizeof *m->symbols);
  m->slots = ss_xcalloc(slots, sizeof *m->slots);
  m->slot_mask = slots - 1;
}

static uint64_t hash_name(const char *s) {
  uint64_t h = 14695981039346656037u; /* FNV-1a */
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* The slot of `name`: holds its symbol index + 1, or 0 (then the caller
 * may fill it). At most half the slots are used: probing ends. */
size_t *pdb_slot(pdb_merge *m, const char *name) {
  size_t i = (size_t)hash_name(name) & m->slot_mask;
  while (m->slots[i] && strcmp(m->symbols[m->slots[i] - 1].name, name) != 0)
    i = (i + 1) & m->slot_mask;
  return &m->slots[i];
}

/* ---- comparing two definitions ----------------------------------------- */

static int is_location(const char *key) {
  return key && (strcmp(key, "at") == 0 || strcmp(key, "unknown") == 0 ||
                 strcmp(key, "used_after") == 0);
}

static int same_value(const cJSON *a, const cJSON *b, int location);

static size_t count_children(const cJSON *o) {
  size_t n = 0;
  for (const cJSON *c = o->child; c; c = c->next)
    n++;
  return n;
}

/* Same keys with the same values. The writer sorts keys, so the other
 * object's key is usually at the same place; otherwise it is looked up
 * (objects of a definition have a handful of keys). */
static int same_object(const cJSON *a, const cJSON *b) {
  if (count_children(a) != count_children(b))
    return 0;
  const cJSON *d = b->child;
  for (const cJSON *c = a->child; c; c = c->next, d = d ? d->next : NULL) {
    const cJSON *other = d && strcmp(c->string, d->string) == 0
                             ? d
                             : cJSON_GetObjectItemCaseSensitive(b, c->string);
    if (!other || !same_value(c, other, is_location(c->string)))
      return 0;
  }
  return 1;
}

static int same_value(const cJSON *a, const cJSON *b, int location) {
  if (location && cJSON_IsString(a) && cJSON_IsString(b))
    return 1;
  if ((a->type & 0xFF) != (b->type & 0xFF))
    return 0;
  if (cJSON_IsNumber(a))
    return a->valuedouble == b->valuedouble;
  if (cJSON_IsString(a))
    return strcmp(a->valuestring, b->valuestring) == 0;
  if (cJSON_IsObject(a))
    return same_object(a, b);
  if (cJSON_IsArray(a)) {
    const cJSON *c = a->child, *d = b->child;
    for (; c && d; c = c->next, d = d->next)
      if (!same_value(c, d, 0))
        return 0;
    return !c && !d;
  }
  return 1; /* true, false, null */
}

int pdb_same_facts(const cJSON *a, const cJSON *b) {
  return same_value(a, b, 0);
}
