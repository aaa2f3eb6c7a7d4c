/* diagnostics.c - see diagnostics.h. */
#include "diagnostics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonrpc.h"
#include "paths.h"

/* The text of `path` as clang saw it: the open buffer when it is the checked
 * document or another open one, else the file on disk. *owned is set when the
 * caller must free the result. */
static const char *text_of(const diag_context *ctx, const char *path,
                           size_t *len, char **owned) {
  *owned = NULL;
  if (ctx->doc->path && strcmp(ctx->doc->path, path) == 0) {
    *len = ctx->doc->len;
    return ctx->doc->text;
  }
  for (const document *d = ctx->store->head; d; d = d->next)
    if (d->path && strcmp(d->path, path) == 0) {
      *len = d->len;
      return d->text;
    }
  FILE *f = fopen(path, "rb");
  if (!f) {
    *len = 0;
    return "";
  }
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char *p = realloc(buf, cap * 2);
      if (!p) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = p;
      cap *= 2;
    }
  }
  fclose(f);
  if (!buf) {
    *len = 0;
    return "";
  }
  *owned = buf;
  *len = n;
  return buf;
}

static cJSON *position(const diag_context *ctx, const char *path, unsigned line,
                       unsigned column) {
  size_t len;
  char *owned;
  const char *text = text_of(ctx, path, &len, &owned);
  long character =
      pos_clang_to_lsp_char(text, len, line ? (long)line : 1,
                            column ? (long)column : 1, ctx->encoding);
  free(owned);
  cJSON *p = cJSON_CreateObject();
  cJSON_AddNumberToObject(p, "line", line ? (double)line - 1 : 0);
  cJSON_AddNumberToObject(p, "character", (double)character);
  return p;
}

static cJSON *range(const diag_context *ctx, const ss_location *begin,
                    const ss_location *end) {
  cJSON *r = cJSON_CreateObject();
  cJSON_AddItemToObject(r, "start",
                        position(ctx, begin->file, begin->line, begin->column));
  cJSON_AddItemToObject(r, "end",
                        position(ctx, end->file, end->line, end->column));
  return r;
}

/* A point location as a range covering the identifier that starts there (or
 * one character), so that editors underline something visible. */
static cJSON *token_range(const diag_context *ctx, const ss_location *at) {
  size_t len;
  char *owned;
  const char *text = text_of(ctx, at->file, &len, &owned);
  ss_location end = *at;
  size_t start = pos_line_start(text, len, at->line ? (long)at->line - 1 : 0);
  size_t stop = pos_line_end(text, len, start);
  size_t i = start + (at->column ? at->column - 1 : 0);
  size_t j = i;
  while (j < stop && (text[j] == '_' || (text[j] >= 'a' && text[j] <= 'z') ||
                      (text[j] >= 'A' && text[j] <= 'Z') ||
                      (text[j] >= '0' && text[j] <= '9')))
    j++;
  if (j == i && i < stop)
    j = i + 1;
  free(owned);
  end.column = at->column + (unsigned)(j - i);
  return range(ctx, at, &end);
}

/* The URI the editor uses for path, if it is open; else one built from it. */
static char *uri_for(const diag_context *ctx, const char *path) {
  for (const document *d = ctx->store->head; d; d = d->next)
    if (d->path && path && strcmp(d->path, path) == 0)
      return strdup(d->uri);
  return path ? path_to_uri(path) : NULL;
}

static int same_file(const diag_context *ctx, const char *file) {
  return ctx->doc->path && file && strcmp(ctx->doc->path, file) == 0;
}

void diag_convert(const diag_context *ctx, const ss_report *report,
                  cJSON **diagnostics, cJSON **actions, int *elsewhere) {
  *diagnostics = cJSON_CreateArray();
  *actions = cJSON_CreateArray();
  *elsewhere = 0;
  for (size_t i = 0; i < report->finding_count; i++) {
    const ss_finding *f = &report->findings[i];
    if (!same_file(ctx, f->location.file) || f->location.line == 0) {
      (*elsewhere)++;
      continue;
    }
    cJSON *d = cJSON_CreateObject();
    cJSON_AddItemToObject(d, "range", token_range(ctx, &f->location));
    cJSON_AddNumberToObject(d, "severity",
                            strcmp(f->severity, "error") == 0 ? 1 : 2);
    cJSON_AddStringToObject(d, "code", f->check);
    char href[4096];
    snprintf(href, sizeof href, "%s%s.md", ctx->doc_base, f->check);
    cJSON *cd = cJSON_AddObjectToObject(d, "codeDescription");
    cJSON_AddStringToObject(cd, "href", href);
    cJSON_AddStringToObject(d, "source", "sendsync");
    cJSON_AddStringToObject(d, "message", f->message);
    if (f->note_count) {
      cJSON *related = cJSON_AddArrayToObject(d, "relatedInformation");
      for (size_t k = 0; k < f->note_count; k++) {
        const ss_note *n = &f->notes[k];
        if (n->location.line == 0)
          continue;
        cJSON *ri = cJSON_CreateObject();
        cJSON *loc = cJSON_AddObjectToObject(ri, "location");
        char *uri = uri_for(ctx, n->location.file);
        cJSON_AddStringToObject(loc, "uri", uri ? uri : "");
        free(uri);
        cJSON_AddItemToObject(loc, "range", token_range(ctx, &n->location));
        cJSON_AddStringToObject(ri, "message", n->message);
        cJSON_AddItemToArray(related, ri);
      }
    }
    cJSON_AddItemToArray(*diagnostics, d);

    /* Fix-its in this file become one quick fix (all edits together). */
    cJSON *edits = cJSON_CreateArray();
    for (size_t k = 0; k < f->fixit_count; k++) {
      const ss_fixit *fx = &f->fixits[k];
      if (!same_file(ctx, fx->begin.file) || !same_file(ctx, fx->end.file))
        continue;
      cJSON *te = cJSON_CreateObject();
      cJSON_AddItemToObject(te, "range", range(ctx, &fx->begin, &fx->end));
      cJSON_AddStringToObject(te, "newText", fx->replacement);
      cJSON_AddItemToArray(edits, te);
    }
    if (cJSON_GetArraySize(edits) > 0) {
      cJSON *a = cJSON_CreateObject();
      cJSON_AddItemToObject(a, "diagnostic", cJSON_Duplicate(d, 1));
      cJSON_AddItemToObject(a, "edits", edits);
      cJSON_AddItemToArray(*actions, a);
    } else {
      cJSON_Delete(edits);
    }
  }
}

static int pos_before(const cJSON *a, const cJSON *b) { /* a < b */
  long al = 0, ac = 0, bl = 0, bc = 0;
  json_int(a, "line", &al);
  json_int(a, "character", &ac);
  json_int(b, "line", &bl);
  json_int(b, "character", &bc);
  return al < bl || (al == bl && ac < bc);
}

int range_touches(const cJSON *a, const cJSON *b) {
  const cJSON *as = json_obj(a, "start"), *ae = json_obj(a, "end");
  const cJSON *bs = json_obj(b, "start"), *be = json_obj(b, "end");
  if (!as || !ae || !bs || !be)
    return 0;
  return !pos_before(ae, bs) && !pos_before(be, as);
}

cJSON *diag_code_actions(const char *uri, const cJSON *actions,
                         const cJSON *req_range) {
  cJSON *out = cJSON_CreateArray();
  const cJSON *a;
  cJSON_ArrayForEach(a, actions) {
    const cJSON *d = json_obj(a, "diagnostic");
    const cJSON *edits = cJSON_GetObjectItemCaseSensitive(a, "edits");
    if (!d || !edits ||
        (req_range && !range_touches(json_obj(d, "range"), req_range)))
      continue;
    /* Title: the replacement of the first edit, as clang's fix-it shows it. */
    const cJSON *first = cJSON_GetArrayItem(edits, 0);
    const char *text = json_str(first, "newText");
    char title[512];
    if (cJSON_GetArraySize(edits) == 1 && text && *text)
      snprintf(title, sizeof title, "change to %s (sendsync)", text);
    else
      snprintf(title, sizeof title, "apply the sendsync fix-it");
    cJSON *ca = cJSON_CreateObject();
    cJSON_AddStringToObject(ca, "title", title);
    cJSON_AddStringToObject(ca, "kind", "quickfix");
    cJSON *diags = cJSON_AddArrayToObject(ca, "diagnostics");
    cJSON_AddItemToArray(diags, cJSON_Duplicate(d, 1));
    cJSON_AddBoolToObject(ca, "isPreferred", 1);
    cJSON *we = cJSON_AddObjectToObject(ca, "edit");
    cJSON *changes = cJSON_AddObjectToObject(we, "changes");
    cJSON_AddItemToObject(changes, uri, cJSON_Duplicate(edits, 1));
    cJSON_AddItemToArray(out, ca);
  }
  return out;
}
