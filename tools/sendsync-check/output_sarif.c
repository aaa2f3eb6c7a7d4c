/* SARIF 2.1.0 (OASIS), the format GitHub code scanning uploads.
 *
 * Paths under the root are relative URIs with uriBaseId "SRCROOT", which
 * originalUriBaseIds maps to the root as a file:// URI; other paths are
 * absolute file:// URIs. Rule help: helpUri is --help-uri-base<id>.md when
 * given, else the file:// URI of the installed (or source tree) page
 * docs/checks/<id>.md; help.markdown carries the page itself, so the
 * explanation travels with the SARIF file. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "check_ids.h"
#include "locate.h"
#include "output.h"
#include "paths.h"
#include "util.h"
#include "write_file.h"

#define FINGERPRINT_KEY "sendsync/v1"
#define AUDIT_RULE "sendsync-unsafe-claim"

/* Percent-encodes what may not appear in a URI path. */
static char *uri_path(const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  ss_buf b = {0};
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
      ss_buf_append(&b, (const char *)p, 1);
    } else {
      char esc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
      ss_buf_append(&b, esc, 3);
    }
  }
  return ss_buf_take(&b);
}

static cJSON *artifact_location(const char *file) {
  cJSON *o = cJSON_CreateObject();
  char *encoded = uri_path(file);
  if (file[0] == '/') {
    char *uri = ss_xasprintf("file://%s", encoded);
    cJSON_AddStringToObject(o, "uri", uri);
    free(uri);
  } else {
    cJSON_AddStringToObject(o, "uri", encoded);
    cJSON_AddStringToObject(o, "uriBaseId", "SRCROOT");
  }
  free(encoded);
  return o;
}

static cJSON *physical_location(const ss_location *l) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddItemToObject(o, "artifactLocation", artifact_location(l->file));
  if (l->line) {
    cJSON *region = cJSON_AddObjectToObject(o, "region");
    cJSON_AddNumberToObject(region, "startLine", l->line);
    if (l->column)
      cJSON_AddNumberToObject(region, "startColumn", l->column);
  }
  return o;
}

static cJSON *location(const ss_location *l, const char *message, int id) {
  cJSON *o = cJSON_CreateObject();
  if (id >= 0)
    cJSON_AddNumberToObject(o, "id", id);
  cJSON_AddItemToObject(o, "physicalLocation", physical_location(l));
  if (message) {
    cJSON *m = cJSON_AddObjectToObject(o, "message");
    cJSON_AddStringToObject(m, "text", message);
  }
  return o;
}

static cJSON *text_object(const char *text) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "text", text);
  return o;
}

/* The rule ids: the registry's, then any id the plugin reported that this
 * build does not know (a newer plugin), then the audit pseudo-rule. */
typedef struct rule_list {
  const char **ids;
  size_t count;
} rule_list;

static size_t rule_index(rule_list *rules, const char *id) {
  for (size_t i = 0; i < rules->count; i++)
    if (strcmp(rules->ids[i], id) == 0)
      return i;
  rules->ids = ss_xrealloc(rules->ids, (rules->count + 1) * sizeof *rules->ids);
  rules->ids[rules->count] = id;
  return rules->count++;
}

static cJSON *rule(const char *id, const check_options *o,
                   const char *docs_dir) {
  const ss_check_info *info = ss_check_find(id);
  int audit = strcmp(id, AUDIT_RULE) == 0;
  const char *summary =
      info    ? info->summary
      : audit ? "an unsafe_send/unsafe_sync claim: trusted without checking, "
                "to be reviewed"
              : "a sendsync check";
  cJSON *r = cJSON_CreateObject();
  cJSON_AddStringToObject(r, "id", id);
  cJSON_AddStringToObject(r, "name",
                          info    ? info->name
                          : audit ? "UnsafeClaim"
                                  : id);
  cJSON_AddItemToObject(r, "shortDescription", text_object(summary));
  char *full = ss_xasprintf("%s. See docs/checks/%s.md.", summary, id);
  cJSON_AddItemToObject(r, "fullDescription", text_object(full));
  free(full);
  char *page = docs_dir ? ss_xasprintf("%s/%s.md", docs_dir, id) : NULL;
  if (o->help_uri_base) {
    char *uri = ss_xasprintf("%s%s.md", o->help_uri_base, id);
    cJSON_AddStringToObject(r, "helpUri", uri);
    free(uri);
  } else if (page && ss_path_is_file(page)) {
    char *encoded = uri_path(page);
    char *uri = ss_xasprintf("file://%s", encoded);
    cJSON_AddStringToObject(r, "helpUri", uri);
    free(uri);
    free(encoded);
  }
  cJSON *help = cJSON_AddObjectToObject(r, "help");
  cJSON_AddStringToObject(help, "text", summary);
  char *markdown = page ? ss_read_file(page, NULL) : NULL;
  if (markdown)
    cJSON_AddStringToObject(help, "markdown", markdown);
  free(markdown);
  free(page);
  cJSON *config = cJSON_AddObjectToObject(r, "defaultConfiguration");
  cJSON_AddStringToObject(config, "level",
                          audit                                    ? "note"
                          : strcmp(id, "sendsync-annotation") == 0 ? "error"
                                                                   : "warning");
  return r;
}

/* A finding's fix-its as one SARIF fix: an artifactChange per file, a
 * replacement per fix-it (deletedRegion's endColumn is exclusive, as the
 * fix-it's end; an empty region is an insertion). */
static cJSON *fix(const ss_finding *f) {
  cJSON *o = cJSON_CreateObject();
  cJSON *description = cJSON_AddObjectToObject(o, "description");
  char *text = ss_xasprintf("sendsync's suggested fix for: %s", f->message);
  cJSON_AddStringToObject(description, "text", text);
  free(text);
  cJSON *changes = cJSON_AddArrayToObject(o, "artifactChanges");
  for (size_t i = 0; i < f->fixit_count; i++) {
    const char *file = f->fixits[i].begin.file;
    size_t first = 0;
    while (strcmp(f->fixits[first].begin.file, file) != 0)
      first++;
    if (first < i)
      continue; /* this file's change was made with its first fix-it */
    cJSON *change = cJSON_CreateObject();
    cJSON_AddItemToObject(change, "artifactLocation", artifact_location(file));
    cJSON *replacements = cJSON_AddArrayToObject(change, "replacements");
    for (size_t j = i; j < f->fixit_count; j++) {
      const ss_fixit *x = &f->fixits[j];
      if (strcmp(x->begin.file, file) != 0)
        continue;
      cJSON *r = cJSON_CreateObject();
      cJSON *region = cJSON_AddObjectToObject(r, "deletedRegion");
      cJSON_AddNumberToObject(region, "startLine", x->begin.line);
      cJSON_AddNumberToObject(region, "startColumn", x->begin.column);
      cJSON_AddNumberToObject(region, "endLine", x->end.line);
      cJSON_AddNumberToObject(region, "endColumn", x->end.column);
      cJSON_AddItemToObject(r, "insertedContent", text_object(x->replacement));
      cJSON_AddItemToArray(replacements, r);
    }
    cJSON_AddItemToArray(changes, change);
  }
  return o;
}

/* Fix-its with a known position (a fix-it in <scratch space> has none). */
static int has_usable_fixits(const ss_finding *f) {
  if (!f->fixit_count)
    return 0;
  for (size_t i = 0; i < f->fixit_count; i++)
    if (!f->fixits[i].begin.line || !f->fixits[i].end.line ||
        !f->fixits[i].begin.file[0])
      return 0;
  return 1;
}

static cJSON *result(const check_finding *cf, size_t rule_ix) {
  const ss_finding *f = &cf->f;
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "ruleId", f->check);
  cJSON_AddNumberToObject(o, "ruleIndex", (double)rule_ix);
  cJSON_AddStringToObject(
      o, "level", strcmp(f->severity, "error") == 0 ? "error" : "warning");
  cJSON_AddItemToObject(o, "message", text_object(f->message));
  cJSON *locations = cJSON_AddArrayToObject(o, "locations");
  cJSON_AddItemToArray(locations, location(&f->location, NULL, -1));
  if (f->note_count) {
    cJSON *related = cJSON_AddArrayToObject(o, "relatedLocations");
    for (size_t i = 0; i < f->note_count; i++)
      cJSON_AddItemToArray(related, location(&f->notes[i].location,
                                             f->notes[i].message, (int)i + 1));
  }
  if (has_usable_fixits(f))
    cJSON_AddItemToArray(cJSON_AddArrayToObject(o, "fixes"), fix(f));
  cJSON *fps = cJSON_AddObjectToObject(o, "partialFingerprints");
  cJSON_AddStringToObject(fps, FINGERPRINT_KEY, cf->fingerprint);
  return o;
}

static cJSON *audit_result(const ss_unsafe_claim *c, size_t rule_ix) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "ruleId", AUDIT_RULE);
  cJSON_AddNumberToObject(o, "ruleIndex", (double)rule_ix);
  cJSON_AddStringToObject(o, "kind", "review");
  cJSON_AddStringToObject(o, "level", "none");
  char *text = ss_xasprintf("%s is trusted %s%s: %s", c->type, c->marker,
                            c->impl ? " (SS_IMPL)" : "",
                            c->reason[0] ? c->reason : "(no reason given)");
  cJSON_AddItemToObject(o, "message", text_object(text));
  free(text);
  cJSON *locations = cJSON_AddArrayToObject(o, "locations");
  cJSON_AddItemToArray(locations, location(&c->location, NULL, -1));
  return o;
}

int output_sarif(const char *path, const check_results *r,
                 const check_options *o) {
  rule_list rules = {0};
  for (size_t i = 0; i < ss_check_count; i++)
    rule_index(&rules, ss_checks[i].id);
  for (size_t i = 0; i < r->finding_count; i++)
    rule_index(&rules, r->findings[i].f.check);
  if (o->audit)
    rule_index(&rules, AUDIT_RULE);

  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "$schema",
                          "https://json.schemastore.org/sarif-2.1.0.json");
  cJSON_AddStringToObject(root, "version", "2.1.0");
  cJSON *run = cJSON_CreateObject();
  cJSON_AddItemToArray(cJSON_AddArrayToObject(root, "runs"), run);

  cJSON *driver =
      cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "tool"), "driver");
  cJSON_AddStringToObject(driver, "name", "sendsync");
  cJSON_AddStringToObject(driver, "version", SENDSYNC_VERSION);
  cJSON_AddStringToObject(driver, "semanticVersion", SENDSYNC_VERSION);
  char *docs_dir = default_docs_dir();
  cJSON *rules_json = cJSON_AddArrayToObject(driver, "rules");
  for (size_t i = 0; i < rules.count; i++)
    cJSON_AddItemToArray(rules_json, rule(rules.ids[i], o, docs_dir));
  free(docs_dir);

  cJSON *base = cJSON_AddObjectToObject(
      cJSON_AddObjectToObject(run, "originalUriBaseIds"), "SRCROOT");
  char *encoded_root = uri_path(r->root);
  char *root_uri = ss_xasprintf("file://%s%s", encoded_root,
                                strcmp(r->root, "/") == 0 ? "" : "/");
  cJSON_AddStringToObject(base, "uri", root_uri);
  free(root_uri);
  free(encoded_root);

  cJSON *invocation = cJSON_CreateObject();
  cJSON_AddItemToArray(cJSON_AddArrayToObject(run, "invocations"), invocation);
  int all_checked = 1;
  cJSON *notes =
      cJSON_AddArrayToObject(invocation, "toolExecutionNotifications");
  for (size_t i = 0; i < r->failure_count; i++) {
    const tu_failure *f = &r->failures[i];
    all_checked &= f->status != SS_TU_FAILED;
    cJSON *n = cJSON_CreateObject();
    cJSON_AddStringToObject(n, "level", "error");
    char *text = ss_xasprintf("%s: %s", f->file, f->message);
    cJSON_AddItemToObject(n, "message", text_object(text));
    free(text);
    cJSON *locs = cJSON_AddArrayToObject(n, "locations");
    cJSON *loc = cJSON_CreateObject();
    cJSON_AddItemToObject(cJSON_AddObjectToObject(loc, "physicalLocation"),
                          "artifactLocation", artifact_location(f->file));
    cJSON_AddItemToArray(locs, loc);
    cJSON_AddItemToArray(notes, n);
  }
  char *dropped = results_dropped_summary(r);
  if (dropped) {
    cJSON *n = cJSON_CreateObject();
    cJSON_AddStringToObject(n, "level", "warning");
    cJSON_AddItemToObject(n, "message", text_object(dropped));
    cJSON_AddItemToArray(notes, n);
    free(dropped);
  }
  cJSON_AddBoolToObject(invocation, "executionSuccessful", all_checked);

  cJSON *results = cJSON_AddArrayToObject(run, "results");
  for (size_t i = 0; i < r->finding_count; i++)
    if (!r->findings[i].baselined)
      cJSON_AddItemToArray(
          results,
          result(&r->findings[i], rule_index(&rules, r->findings[i].f.check)));
  if (o->audit)
    for (size_t i = 0; i < r->claim_count; i++)
      cJSON_AddItemToArray(
          results, audit_result(&r->claims[i], rule_index(&rules, AUDIT_RULE)));
  free(rules.ids);

  int rc = write_json_file(path, root);
  cJSON_Delete(root);
  return rc;
}
