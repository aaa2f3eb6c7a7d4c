/* settings.c - see settings.h. */
#include "settings.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "paths.h"

static void set_string(char **slot, const char *value) {
  char *copy = value ? strdup(value) : NULL;
  free(*slot);
  *slot = copy;
}

void settings_init(settings *st, const server_config *cfg) {
  memset(st, 0, sizeof *st);
  set_string(&st->clang, cfg->clang);
  set_string(&st->plugin, cfg->plugin);
  st->debounce_ms = cfg->debounce_ms;
  for (size_t i = 0; i < cfg->plugin_arg_count; i++) {
    const char *a = cfg->plugin_args[i];
    if (strcmp(a, "strict") == 0)
      st->strict = 1;
    else if (strcmp(a, "werror") == 0)
      st->werror = 1;
    else if (strncmp(a, "disable=", 8) == 0)
      set_string(&st->disable, a + 8);
  }
  char *cwd = ss_path_cwd();
  for (size_t i = 0; i < cfg->trusted_folder_count; i++) {
    char *abs = ss_path_absolute(cfg->trusted_folders[i], cwd ? cwd : "/");
    if (abs)
      settings_trust(st, abs);
    free(abs);
  }
  free(cwd);
}

void settings_free(settings *st) {
  free(st->clang);
  free(st->plugin);
  free(st->disable);
  for (size_t i = 0; i < st->trusted_count; i++)
    free(st->trusted[i]);
  free(st->trusted);
  memset(st, 0, sizeof *st);
}

int settings_trust(settings *st, const char *folder) {
  char *path = NULL;
  if (strncmp(folder, "file://", 7) == 0)
    path = uri_to_normal_path(folder);
  else if (folder[0] == '/')
    path = ss_path_absolute(folder, "/");
  if (!path)
    return -1;
  size_t n = strlen(path);
  while (n > 1 && path[n - 1] == '/')
    path[--n] = '\0';
  char **p = realloc(st->trusted, (st->trusted_count + 1) * sizeof *p);
  if (!p) {
    free(path);
    return -1;
  }
  st->trusted = p;
  st->trusted[st->trusted_count++] = path;
  return 0;
}

int settings_trusts(const settings *st, const char *path) {
  for (size_t i = 0; path && i < st->trusted_count; i++) {
    const char *t = st->trusted[i];
    size_t n = strlen(t);
    if (strcmp(t, "/") == 0)
      return 1;
    /* A prefix at a '/' boundary: /a/proj trusts /a/proj/x.c, not
     * /a/project/x.c. */
    if (strncmp(path, t, n) == 0 && (path[n] == '/' || path[n] == '\0'))
      return 1;
  }
  return 0;
}

/* "disable": a string "id,id" or an array of ids. */
static int set_disable(settings *st, const cJSON *v) {
  if (cJSON_IsString(v)) {
    set_string(&st->disable, v->valuestring);
    return 0;
  }
  if (!cJSON_IsArray(v))
    return -1;
  size_t len = 1;
  const cJSON *e;
  cJSON_ArrayForEach(e, v) {
    if (!cJSON_IsString(e))
      return -1;
    len += strlen(e->valuestring) + 1;
  }
  char *joined = calloc(len, 1);
  if (!joined)
    return -1;
  cJSON_ArrayForEach(e, v) {
    if (*joined)
      strcat(joined, ",");
    strcat(joined, e->valuestring);
  }
  free(st->disable);
  st->disable = joined;
  return 0;
}

static int set_trusted(settings *st, const cJSON *v) {
  if (!cJSON_IsArray(v))
    return -1;
  int bad = 0;
  const cJSON *e;
  cJSON_ArrayForEach(e, v) {
    if (!cJSON_IsString(e) || settings_trust(st, e->valuestring) != 0)
      bad = -1;
  }
  return bad;
}

/* One member; returns 0, or -1 if its value is unusable. Unknown members
 * are ignored (they may be clangd's, in wrap mode). */
static int apply_one(settings *st, const cJSON *v, int allow_trust) {
  const char *key = v->string;
  if (strcmp(key, "strict") == 0) {
    if (!cJSON_IsBool(v))
      return -1;
    st->strict = cJSON_IsTrue(v);
  } else if (strcmp(key, "disable") == 0) {
    return set_disable(st, v);
  } else if (strcmp(key, "debounce") == 0) {
    if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 60000)
      return -1;
    st->debounce_ms = (long)v->valuedouble;
  } else if (strcmp(key, "plugin") == 0 || strcmp(key, "clang") == 0) {
    if (!allow_trust)
      return -1; /* they name programs that run: docs/security.md */
    if (!cJSON_IsString(v) || !*v->valuestring)
      return -1;
    set_string(key[0] == 'p' ? &st->plugin : &st->clang, v->valuestring);
  } else if (strcmp(key, "trustedFolders") == 0) {
    return allow_trust ? set_trusted(st, v) : -1;
  }
  return 0;
}

int settings_apply(settings *st, const cJSON *obj, int allow_trust,
                   const char **bad) {
  int failures = 0;
  *bad = NULL;
  const cJSON *v;
  cJSON_ArrayForEach(v, obj) {
    if (v->string && apply_one(st, v, allow_trust) != 0) {
      if (!failures)
        *bad = v->string;
      failures++;
    }
  }
  return failures;
}
