#include "unit_facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "program_db.h"
#include "util.h"

static cJSON *read_json(const char *path, const char *format) {
  char *text = ss_read_file(path, NULL);
  cJSON *root = text ? cJSON_Parse(text) : NULL;
  free(text);
  const cJSON *f = cJSON_GetObjectItemCaseSensitive(root, "format");
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "version");
  if (!cJSON_IsObject(root) || !cJSON_IsString(f) ||
      strcmp(f->valuestring, format) != 0 || !cJSON_IsNumber(v) ||
      v->valuedouble != 1) {
    cJSON_Delete(root);
    return NULL;
  }
  return root;
}

int unit_facts_read(const char *path, unit_facts *u) {
  memset(u, 0, sizeof *u);
  cJSON *root = read_json(path, "sendsync-facts");
  if (!root)
    return -1;
  const cJSON *refs = cJSON_GetObjectItemCaseSensitive(root, "references");
  const cJSON *spawns = cJSON_GetObjectItemCaseSensitive(root, "spawn_sites");
  const cJSON *entries =
      cJSON_GetObjectItemCaseSensitive(root, "thread_entries");
  int ok = (!refs || cJSON_IsArray(refs)) &&
           (!spawns || cJSON_IsNumber(spawns)) &&
           (!entries || cJSON_IsObject(entries));
  const cJSON *ref;
  cJSON_ArrayForEach(ref, refs) {
    if (cJSON_IsString(ref))
      ss_argv_push(&u->references, ref->valuestring);
    else
      ok = 0;
  }
  u->spawn_sites = cJSON_IsNumber(spawns) ? spawns->valuedouble : 0;
  u->has_thread_entries = entries && entries->child != NULL;
  cJSON_Delete(root);
  if (!ok)
    unit_facts_free(u);
  return ok ? 0 : -1;
}

void unit_facts_free(unit_facts *u) {
  ss_argv_free(&u->references);
  memset(u, 0, sizeof *u);
}

static void index_object(ss_strmap *map, const cJSON *object) {
  const cJSON *item;
  cJSON_ArrayForEach(item, object) {
    if (item->string)
      ss_strmap_put(map, item->string, (void *)item);
  }
}

int program_index_load(const char *path, program_index *p) {
  memset(p, 0, sizeof *p);
  p->root = read_json(path, "sendsync-program");
  if (!p->root) {
    fprintf(stderr,
            "sendsync-check: the program database '%s' is missing or is not "
            "a sendsync-program version 1 file\n",
            path);
    return -1;
  }
  index_object(&p->functions,
               cJSON_GetObjectItemCaseSensitive(p->root, "functions"));
  index_object(&p->conflicts,
               cJSON_GetObjectItemCaseSensitive(p->root, "conflicts"));
  return 0;
}

void program_index_free(program_index *p) {
  ss_strmap_free(&p->functions, NULL);
  ss_strmap_free(&p->conflicts, NULL);
  cJSON_Delete(p->root);
  memset(p, 0, sizeof *p);
}

int unit_needs_check(const unit_facts *u, const program_index *p) {
  int spawns = u->spawn_sites > 0 || u->has_thread_entries;
  for (size_t i = 0; i < u->references.n; i++) {
    const cJSON *f = ss_strmap_get(&p->functions, u->references.v[i]);
    if (!f)
      continue;
    if (spawns || cJSON_GetObjectItemCaseSensitive(f, "spawn_wrapper") ||
        cJSON_GetObjectItemCaseSensitive(f, "join_helper"))
      return 1;
  }
  return 0;
}

/* The names whose database entries can change the unit's verdict: its
 * references, and the entries that the wrappers among them fix (a wrapper's
 * "entry", looked up by name in the unit), transitively. In `names`, in the
 * order found; no name twice. */
static void unit_db_names(const unit_facts *u, const program_index *p,
                          ss_argv *names) {
  ss_strmap seen = {0};
  for (size_t i = 0; i < u->references.n; i++)
    if (!ss_strmap_get(&seen, u->references.v[i])) {
      ss_strmap_put(&seen, u->references.v[i], (void *)1);
      ss_argv_push(names, u->references.v[i]);
    }
  for (size_t i = 0; i < names->n; i++) { /* names grows as it goes */
    const cJSON *f = ss_strmap_get(&p->functions, names->v[i]);
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(f, "spawn_wrapper");
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(w, "entry");
    if (cJSON_IsString(e) && !ss_strmap_get(&seen, e->valuestring)) {
      ss_strmap_put(&seen, e->valuestring, (void *)1);
      ss_argv_push(names, e->valuestring);
    }
  }
  ss_strmap_free(&seen, NULL);
}

void unit_hash_references(const unit_facts *u, const program_index *p,
                          ss_hasher *h) {
  ss_argv names = {0};
  unit_db_names(u, p, &names);
  for (size_t i = 0; i < names.n; i++) {
    const char *name = names.v[i];
    const cJSON *f = ss_strmap_get(&p->functions, name);
    ss_hash_str(h, name);
    if (!f) {
      ss_hash_str(h, ss_strmap_get(&p->conflicts, name) ? "conflict" : "none");
      continue;
    }
    char *text = cJSON_PrintUnformatted(f);
    ss_hash_str(h, text ? text : "");
    free(text);
  }
  ss_argv_free(&names);
}

/* Adds a copy of `from`'s member `name` to `to`, if there is one. */
static void copy_member(cJSON *to, const cJSON *from, const char *name) {
  const cJSON *item = cJSON_GetObjectItemCaseSensitive(from, name);
  if (item)
    cJSON_AddItemToObject(to, name, cJSON_Duplicate(item, 1));
}

char *unit_program_db(const unit_facts *u, const program_index *p) {
  ss_argv names = {0};
  unit_db_names(u, p, &names);
  const cJSON *all = cJSON_GetObjectItemCaseSensitive(p->root, "functions");
  const cJSON *all_conflicts =
      cJSON_GetObjectItemCaseSensitive(p->root, "conflicts");
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "format", "sendsync-program");
  cJSON_AddNumberToObject(root, "version", 1);
  cJSON *functions = cJSON_AddObjectToObject(root, "functions");
  cJSON *conflicts = cJSON_AddObjectToObject(root, "conflicts");
  for (size_t i = 0; i < names.n; i++) {
    copy_member(functions, all, names.v[i]);
    copy_member(conflicts, all_conflicts, names.v[i]);
  }
  ss_argv_free(&names);
  char *text = ss_program_db_text(root);
  cJSON_Delete(root);
  return text;
}

static int same_string(const cJSON *a, const cJSON *b, const char *key) {
  const cJSON *x = cJSON_GetObjectItemCaseSensitive(a, key);
  const cJSON *y = cJSON_GetObjectItemCaseSensitive(b, key);
  if (!x || !y)
    return !x && !y;
  return cJSON_IsString(x) && cJSON_IsString(y) &&
         strcmp(x->valuestring, y->valuestring) == 0;
}

/* Copies `key` of `from` into the database entry `to` when it is new or
 * different there. Returns 1 when it did. */
static int adopt_member(cJSON *to, const cJSON *from, const char *key) {
  const cJSON *fact = cJSON_GetObjectItemCaseSensitive(from, key);
  const cJSON *old = cJSON_GetObjectItemCaseSensitive(to, key);
  if (!cJSON_IsObject(fact) || (old && cJSON_Compare(old, fact, 1)))
    return 0;
  cJSON_DeleteItemFromObjectCaseSensitive(to, key);
  cJSON_AddItemToObject(to, key, cJSON_Duplicate(fact, 1));
  ss_json_sort_keys(to);
  return 1;
}

size_t program_index_adopt_wrappers(program_index *p, const char *facts_path) {
  cJSON *root = read_json(facts_path, "sendsync-facts");
  const cJSON *functions = cJSON_GetObjectItemCaseSensitive(root, "functions");
  size_t changed = 0;
  const cJSON *f;
  cJSON_ArrayForEach(f, functions) {
    cJSON *entry = f->string ? ss_strmap_get(&p->functions, f->string) : NULL;
    /* Only the definition the database holds (not a same-named static or
     * another unit's copy): the same unit, in the same directory. */
    if (!entry || !same_string(entry, root, "translation_unit") ||
        !same_string(entry, root, "directory"))
      continue;
    changed += (size_t)adopt_member(entry, f, "spawn_wrapper");
    changed += (size_t)adopt_member(entry, f, "join_helper");
  }
  cJSON_Delete(root);
  return changed;
}
