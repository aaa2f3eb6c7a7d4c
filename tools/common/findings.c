#include "findings.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "util.h"

static char *dup_string(const cJSON *object, const char *name) {
  const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
  return ss_xstrdup(cJSON_IsString(item) ? item->valuestring : "");
}

static unsigned get_unsigned(const cJSON *object, const char *name) {
  const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
  return cJSON_IsNumber(item) && item->valuedouble >= 0
             ? (unsigned)item->valuedouble
             : 0;
}

static void read_location(const cJSON *object, const char *name,
                          ss_location *loc) {
  const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
  if (cJSON_IsObject(item)) {
    loc->file = dup_string(item, "file");
    loc->line = get_unsigned(item, "line");
    loc->column = get_unsigned(item, "column");
  } else { /* null: unknown */
    loc->file = ss_xstrdup("");
    loc->line = loc->column = 0;
  }
}

/* Allocates *out with one element per member of the array `name`. */
static size_t array_of(const cJSON *object, const char *name,
                       size_t element_size, void **out) {
  const cJSON *array = cJSON_GetObjectItemCaseSensitive(object, name);
  size_t n = cJSON_IsArray(array) ? (size_t)cJSON_GetArraySize(array) : 0;
  *out = n ? ss_xcalloc(n, element_size) : NULL;
  return n;
}

static void read_finding(const cJSON *item, ss_finding *f) {
  f->check = dup_string(item, "check");
  f->severity = dup_string(item, "severity");
  f->message = dup_string(item, "message");
  read_location(item, "location", &f->location);
  f->note_count = array_of(item, "notes", sizeof *f->notes, (void **)&f->notes);
  size_t i = 0;
  const cJSON *note;
  cJSON_ArrayForEach(note, cJSON_GetObjectItemCaseSensitive(item, "notes")) {
    f->notes[i].message = dup_string(note, "message");
    read_location(note, "location", &f->notes[i].location);
    i++;
  }
  f->fixit_count =
      array_of(item, "fixits", sizeof *f->fixits, (void **)&f->fixits);
  i = 0;
  const cJSON *fixit;
  cJSON_ArrayForEach(fixit, cJSON_GetObjectItemCaseSensitive(item, "fixits")) {
    read_location(fixit, "begin", &f->fixits[i].begin);
    read_location(fixit, "end", &f->fixits[i].end);
    f->fixits[i].replacement = dup_string(fixit, "replacement");
    i++;
  }
}

int ss_report_parse(const char *json_text, ss_report *out, char **error) {
  memset(out, 0, sizeof *out);
  cJSON *root = cJSON_Parse(json_text);
  if (!cJSON_IsObject(root)) {
    cJSON_Delete(root);
    *error = ss_xstrdup("the report is not a JSON object");
    return -1;
  }
  const cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
  const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "version");
  if (!cJSON_IsString(schema) ||
      strcmp(schema->valuestring, "sendsync-findings") != 0 ||
      !cJSON_IsNumber(version) || version->valueint != 1) {
    cJSON_Delete(root);
    *error = ss_xstrdup(
        "the report is not a \"sendsync-findings\" version 1 report");
    return -1;
  }
  out->translation_unit = dup_string(root, "translation_unit");
  const cJSON *tool = cJSON_GetObjectItemCaseSensitive(root, "tool");
  out->tool_version = dup_string(tool, "version");
  out->clang_version = dup_string(tool, "clang");
  out->compile_errors =
      cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(root, "compile_errors"));

  out->finding_count = array_of(root, "findings", sizeof *out->findings,
                                (void **)&out->findings);
  size_t i = 0;
  const cJSON *item;
  cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(root, "findings"))
      read_finding(item, &out->findings[i++]);

  out->unsafe_claim_count =
      array_of(root, "unsafe_claims", sizeof *out->unsafe_claims,
               (void **)&out->unsafe_claims);
  i = 0;
  cJSON_ArrayForEach(item,
                     cJSON_GetObjectItemCaseSensitive(root, "unsafe_claims")) {
    ss_unsafe_claim *c = &out->unsafe_claims[i++];
    c->marker = dup_string(item, "marker");
    c->type = dup_string(item, "type");
    c->reason = dup_string(item, "reason");
    c->impl = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(item, "impl"));
    read_location(item, "location", &c->location);
  }

  out->explanation_count =
      array_of(root, "explanations", sizeof *out->explanations,
               (void **)&out->explanations);
  i = 0;
  cJSON_ArrayForEach(item,
                     cJSON_GetObjectItemCaseSensitive(root, "explanations")) {
    out->explanations[i].type = dup_string(item, "type");
    out->explanations[i].text = dup_string(item, "text");
    i++;
  }
  cJSON_Delete(root);
  return 0;
}

int ss_report_read_file(const char *path, ss_report *out, char **error) {
  char *text = ss_read_file(path, NULL);
  if (!text) {
    memset(out, 0, sizeof *out);
    *error = ss_xasprintf("cannot read %s: %s", path, strerror(errno));
    return -1;
  }
  int rc = ss_report_parse(text, out, error);
  free(text);
  return rc;
}

static void absolutize(ss_location *l, const char *directory) {
  if (!l->file[0])
    return;
  char *abs = ss_path_absolute(l->file, directory);
  free(l->file);
  l->file = abs;
}

void ss_report_absolutize(ss_report *r, const char *directory) {
  for (size_t i = 0; i < r->finding_count; i++) {
    ss_finding *f = &r->findings[i];
    absolutize(&f->location, directory);
    for (size_t j = 0; j < f->note_count; j++)
      absolutize(&f->notes[j].location, directory);
    for (size_t j = 0; j < f->fixit_count; j++) {
      absolutize(&f->fixits[j].begin, directory);
      absolutize(&f->fixits[j].end, directory);
    }
  }
  for (size_t i = 0; i < r->unsafe_claim_count; i++)
    absolutize(&r->unsafe_claims[i].location, directory);
}

void ss_location_free(ss_location *l) {
  free(l->file);
  l->file = NULL;
}

void ss_location_copy(ss_location *dst, const ss_location *src) {
  *dst = *src;
  dst->file = ss_xstrdup(src->file);
}

void ss_finding_free(ss_finding *f) {
  free(f->check);
  free(f->severity);
  free(f->message);
  ss_location_free(&f->location);
  for (size_t j = 0; j < f->note_count; j++) {
    free(f->notes[j].message);
    ss_location_free(&f->notes[j].location);
  }
  free(f->notes);
  for (size_t j = 0; j < f->fixit_count; j++) {
    ss_location_free(&f->fixits[j].begin);
    ss_location_free(&f->fixits[j].end);
    free(f->fixits[j].replacement);
  }
  free(f->fixits);
  memset(f, 0, sizeof *f);
}

void ss_finding_copy(ss_finding *dst, const ss_finding *src) {
  dst->check = ss_xstrdup(src->check);
  dst->severity = ss_xstrdup(src->severity);
  dst->message = ss_xstrdup(src->message);
  ss_location_copy(&dst->location, &src->location);
  dst->note_count = src->note_count;
  dst->notes =
      src->note_count ? ss_xcalloc(src->note_count, sizeof *dst->notes) : NULL;
  for (size_t j = 0; j < src->note_count; j++) {
    dst->notes[j].message = ss_xstrdup(src->notes[j].message);
    ss_location_copy(&dst->notes[j].location, &src->notes[j].location);
  }
  dst->fixit_count = src->fixit_count;
  dst->fixits = src->fixit_count
                    ? ss_xcalloc(src->fixit_count, sizeof *dst->fixits)
                    : NULL;
  for (size_t j = 0; j < src->fixit_count; j++) {
    ss_location_copy(&dst->fixits[j].begin, &src->fixits[j].begin);
    ss_location_copy(&dst->fixits[j].end, &src->fixits[j].end);
    dst->fixits[j].replacement = ss_xstrdup(src->fixits[j].replacement);
  }
}

void ss_report_free(ss_report *r) {
  free(r->translation_unit);
  free(r->tool_version);
  free(r->clang_version);
  for (size_t i = 0; i < r->finding_count; i++)
    ss_finding_free(&r->findings[i]);
  free(r->findings);
  for (size_t i = 0; i < r->unsafe_claim_count; i++) {
    ss_unsafe_claim *c = &r->unsafe_claims[i];
    free(c->marker);
    free(c->type);
    free(c->reason);
    ss_location_free(&c->location);
  }
  free(r->unsafe_claims);
  for (size_t i = 0; i < r->explanation_count; i++) {
    free(r->explanations[i].type);
    free(r->explanations[i].text);
  }
  free(r->explanations);
  memset(r, 0, sizeof *r);
}
