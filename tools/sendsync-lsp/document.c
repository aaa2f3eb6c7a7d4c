/* document.c - see document.h. */
#include "document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edits.h"
#include "jsonrpc.h"
#include "paths.h"

char *uri_to_normal_path(const char *uri) {
  char *path = uri_to_path(uri);
  if (!path)
    return NULL;
  char *normal = ss_path_absolute(path, "/");
  free(path);
  return normal;
}

document *doc_find_path(doc_store *s, const char *path) {
  for (document *d = s->head; d; d = d->next)
    if (d->path && strcmp(d->path, path) == 0)
      return d;
  return NULL;
}

/* The editor and clangd spell the same file differently
 * ("c++%20proj" and "c%2B%2B%20proj"): a file URI matches by its decoded,
 * normalised path. */
document *doc_find(doc_store *s, const char *uri) {
  for (document *d = s->head; d; d = d->next)
    if (strcmp(d->uri, uri) == 0)
      return d;
  char *path = uri_to_normal_path(uri);
  document *d = path ? doc_find_path(s, path) : NULL;
  free(path);
  return d;
}

static char *dup_or_empty(const char *s) { return strdup(s ? s : ""); }

document *doc_open(doc_store *s, const char *uri, const char *language,
                   long version, const char *text) {
  document *d = doc_find(s, uri);
  if (!d) {
    d = calloc(1, sizeof *d);
    if (!d)
      return NULL;
    d->path = uri_to_normal_path(uri);
    d->clangd_version = -1;
    d->ss_version = -1;
    d->checked_version = -1;
    d->next = s->head;
    s->head = d;
  }
  /* Publications go out under the URI the editor used last. */
  if (!d->uri || strcmp(d->uri, uri) != 0) {
    free(d->uri);
    d->uri = strdup(uri);
  }
  free(d->language);
  d->language = dup_or_empty(language);
  free(d->text);
  d->text = dup_or_empty(text);
  d->len = strlen(d->text);
  d->version = version;
  return d;
}

void doc_unlink(doc_store *s, document *d) {
  for (document **p = &s->head; *p; p = &(*p)->next)
    if (*p == d) {
      *p = d->next;
      d->next = NULL;
      return;
    }
}

void doc_free(document *d) {
  if (!d)
    return;
  free(d->uri);
  free(d->path);
  free(d->language);
  free(d->text);
  cJSON_Delete(d->ss_diagnostics);
  cJSON_Delete(d->ss_actions);
  cJSON_Delete(d->ss_foreign);
  cJSON_Delete(d->ss_past);
  cJSON_Delete(d->clangd_diagnostics);
  free(d);
}

static int get_position(const cJSON *range, const char *key, long *line,
                        long *character) {
  const cJSON *p = json_obj(range, key);
  if (!p || json_int(p, "line", line) || json_int(p, "character", character))
    return -1;
  return 0;
}

/* sendsync's sets for the text before an edit follow it (edits.h). */
static void map_sets(document *d, const text_edit *ed) {
  if (d->ss_version == d->version) {
    edit_map_diagnostics(d->ss_diagnostics, d->uri, ed);
    cJSON_Delete(d->ss_actions); /* their edits are for the checked text */
    d->ss_actions = NULL;
  }
  cJSON *f;
  cJSON_ArrayForEach(f, d->ss_foreign) {
    long v = -1;
    json_int(f, "version", &v);
    if (v == d->version)
      edit_map_diagnostics(cJSON_GetObjectItemCaseSensitive(f, "diagnostics"),
                           d->uri, ed);
  }
}

int doc_apply_change(document *d, const cJSON *change, enum pos_encoding e) {
  const char *text = json_str(change, "text");
  if (!text)
    return -1;
  const cJSON *range = json_obj(change, "range");
  text_edit ed;
  if (range ? edit_of_range(range, text, e, &ed) != 0
            : (edit_between(d->text, d->len, text, strlen(text), e, &ed), 0))
    return -1;
  map_sets(d, &ed);
  if (!range) {
    char *copy = strdup(text);
    if (!copy)
      return -1;
    free(d->text);
    d->text = copy;
    d->len = strlen(copy);
    return 0;
  }
  long l0, c0, l1, c1;
  if (get_position(range, "start", &l0, &c0) ||
      get_position(range, "end", &l1, &c1))
    return -1;
  size_t a = pos_lsp_to_offset(d->text, d->len, l0, c0, e);
  size_t b = pos_lsp_to_offset(d->text, d->len, l1, c1, e);
  if (b < a)
    return -1;
  size_t n = strlen(text);
  char *out = malloc(d->len - (b - a) + n + 1);
  if (!out)
    return -1;
  memcpy(out, d->text, a);
  memcpy(out + a, text, n);
  memcpy(out + a + n, d->text + b, d->len - b);
  d->len = d->len - (b - a) + n;
  out[d->len] = '\0';
  free(d->text);
  d->text = out;
  return 0;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

char *uri_to_path(const char *uri) {
  if (strncmp(uri, "file://", 7) != 0)
    return NULL;
  const char *p = uri + 7;
  /* file://host/path: only an empty host or localhost is local. */
  if (*p != '/') {
    if (strncmp(p, "localhost/", 10) != 0)
      return NULL;
    p += 9;
  }
  char *out = malloc(strlen(p) + 1);
  if (!out)
    return NULL;
  size_t n = 0;
  for (; *p; p++) {
    if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
      out[n++] = (char)(hexval(p[1]) * 16 + hexval(p[2]));
      p += 2;
    } else {
      out[n++] = *p;
    }
  }
  out[n] = '\0';
  return out;
}

char *path_to_uri(const char *path) {
  size_t n = strlen(path);
  char *out = malloc(7 + 3 * n + 1);
  if (!out)
    return NULL;
  strcpy(out, "file://");
  size_t k = 7;
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
      out[k++] = (char)*p;
    } else {
      k += (size_t)sprintf(out + k, "%%%02X", *p);
    }
  }
  out[k] = '\0';
  return out;
}

static void add_unique(cJSON *all, const cJSON *diags) {
  const cJSON *e;
  cJSON_ArrayForEach(e, diags) {
    const cJSON *x;
    int dup = 0;
    cJSON_ArrayForEach(x, all) {
      if (cJSON_Compare(x, e, 1)) {
        dup = 1;
        break;
      }
    }
    if (!dup)
      cJSON_AddItemToArray(all, cJSON_Duplicate(e, 1));
  }
}

void doc_add_sendsync(const document *d, long version, cJSON *all) {
  if (version != d->version) {
    const cJSON *p;
    cJSON_ArrayForEach(p, d->ss_past) {
      long v = -1;
      json_int(p, "version", &v);
      if (v == version)
        add_unique(all, cJSON_GetObjectItemCaseSensitive(p, "diagnostics"));
    }
    return;
  }
  if (d->ss_version == version)
    add_unique(all, d->ss_diagnostics);
  const cJSON *f;
  cJSON_ArrayForEach(f, d->ss_foreign) {
    long v = -1;
    json_int(f, "version", &v);
    if (v == version)
      add_unique(all, cJSON_GetObjectItemCaseSensitive(f, "diagnostics"));
  }
}

int doc_has_sendsync(const document *d) {
  if (cJSON_GetArraySize(d->ss_diagnostics) > 0)
    return 1;
  const cJSON *f;
  cJSON_ArrayForEach(f, d->ss_foreign) {
    if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(f, "diagnostics")) >
        0)
      return 1;
  }
  return 0;
}

/* How many past versions keep their sets: enough for clangd to catch up
 * with a burst of typing. */
enum { PAST_VERSIONS = 16 };

void doc_remember_version(document *d) {
  long old = d->version;
  cJSON *set = cJSON_CreateArray();
  doc_add_sendsync(d, old, set);
  if (!d->ss_past)
    d->ss_past = cJSON_CreateArray();
  cJSON *entry = cJSON_CreateObject();
  cJSON_AddNumberToObject(entry, "version", (double)old);
  cJSON_AddItemToObject(entry, "diagnostics", set);
  cJSON_AddItemToArray(d->ss_past, entry);
  while (cJSON_GetArraySize(d->ss_past) > PAST_VERSIONS)
    cJSON_DeleteItemFromArray(d->ss_past, 0);
}

void doc_new_version(document *d, long version) {
  long old = d->version;
  if (d->ss_version == old)
    d->ss_version = version;
  cJSON *f;
  cJSON_ArrayForEach(f, d->ss_foreign) {
    long v = -1;
    json_int(f, "version", &v);
    if (v == old)
      cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(f, "version"),
                           (double)version);
  }
  d->version = version;
}
