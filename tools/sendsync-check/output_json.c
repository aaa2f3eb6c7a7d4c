#include <cjson/cJSON.h>
#include <stdlib.h>

#include "locate.h"
#include "output.h"
#include "write_file.h"

static cJSON *location(const ss_location *l) {
  if (!l->line)
    return cJSON_CreateNull();
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "file", l->file);
  cJSON_AddNumberToObject(o, "line", l->line);
  cJSON_AddNumberToObject(o, "column", l->column);
  return o;
}

static cJSON *finding(const check_finding *cf) {
  const ss_finding *f = &cf->f;
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "check", f->check);
  cJSON_AddStringToObject(o, "severity", f->severity);
  cJSON_AddStringToObject(o, "message", f->message);
  cJSON_AddItemToObject(o, "location", location(&f->location));
  cJSON *notes = cJSON_AddArrayToObject(o, "notes");
  for (size_t i = 0; i < f->note_count; i++) {
    cJSON *n = cJSON_CreateObject();
    cJSON_AddStringToObject(n, "message", f->notes[i].message);
    cJSON_AddItemToObject(n, "location", location(&f->notes[i].location));
    cJSON_AddItemToArray(notes, n);
  }
  cJSON *fixits = cJSON_AddArrayToObject(o, "fixits");
  for (size_t i = 0; i < f->fixit_count; i++) {
    cJSON *x = cJSON_CreateObject();
    cJSON_AddItemToObject(x, "begin", location(&f->fixits[i].begin));
    cJSON_AddItemToObject(x, "end", location(&f->fixits[i].end));
    cJSON_AddStringToObject(x, "replacement", f->fixits[i].replacement);
    cJSON_AddItemToArray(fixits, x);
  }
  cJSON_AddStringToObject(o, "fingerprint", cf->fingerprint);
  return o;
}

int output_json(const char *path, const check_results *r,
                const check_options *o) {
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "schema", "sendsync-check");
  cJSON_AddNumberToObject(root, "version", 1);
  cJSON *tool = cJSON_AddObjectToObject(root, "tool");
  cJSON_AddStringToObject(tool, "name", "sendsync-check");
  cJSON_AddStringToObject(tool, "version", SENDSYNC_VERSION);
  cJSON_AddStringToObject(tool, "clang", r->clang_version);
  cJSON_AddNumberToObject(root, "files_checked", (double)r->files_checked);
  cJSON *findings = cJSON_AddArrayToObject(root, "findings");
  for (size_t i = 0; i < r->finding_count; i++)
    if (!r->findings[i].baselined)
      cJSON_AddItemToArray(findings, finding(&r->findings[i]));
  cJSON_AddNumberToObject(root, "baselined", (double)r->baselined_count);
  cJSON *failures = cJSON_AddArrayToObject(root, "failed_files");
  for (size_t i = 0; i < r->failure_count; i++) {
    const tu_failure *f = &r->failures[i];
    cJSON *x = cJSON_CreateObject();
    cJSON_AddStringToObject(x, "file", f->file);
    cJSON_AddStringToObject(x, "reason",
                            f->status == SS_TU_COMPILE_ERRORS ? "compile-errors"
                                                              : "not-checked");
    cJSON_AddStringToObject(x, "message", f->message);
    cJSON_AddStringToObject(x, "errors", f->errors);
    cJSON_AddItemToArray(failures, x);
  }
  /* The flags the filter kept from clang: findings may depend on them. */
  cJSON *dropped = cJSON_AddObjectToObject(root, "dropped_flags");
  cJSON_AddNumberToObject(dropped, "files",
                          (double)r->files_with_dropped_flags);
  cJSON *flags = cJSON_AddArrayToObject(dropped, "flags");
  for (size_t i = 0; i < r->dropped_flags.n; i++)
    cJSON_AddItemToArray(flags, cJSON_CreateString(r->dropped_flags.v[i]));
  if (o->audit) {
    cJSON *claims = cJSON_AddArrayToObject(root, "unsafe_claims");
    for (size_t i = 0; i < r->claim_count; i++) {
      const ss_unsafe_claim *c = &r->claims[i];
      cJSON *x = cJSON_CreateObject();
      cJSON_AddStringToObject(x, "marker", c->marker);
      cJSON_AddStringToObject(x, "type", c->type);
      cJSON_AddStringToObject(x, "reason", c->reason);
      cJSON_AddBoolToObject(x, "impl", c->impl);
      cJSON_AddItemToObject(x, "location", location(&c->location));
      cJSON_AddItemToArray(claims, x);
    }
  }
  cJSON *explanations = cJSON_AddArrayToObject(root, "explanations");
  for (size_t i = 0; i < r->explanation_count; i++) {
    cJSON *x = cJSON_CreateObject();
    cJSON_AddStringToObject(x, "type", r->explanations[i].type);
    cJSON_AddStringToObject(x, "text", r->explanations[i].text);
    cJSON_AddItemToArray(explanations, x);
  }
  int rc = write_json_file(path, root);
  cJSON_Delete(root);
  return rc;
}
