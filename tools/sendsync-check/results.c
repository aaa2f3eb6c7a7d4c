#include "results.h"

#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "util.h"

char *display_path(const check_results *r, const char *path) {
  if (!path[0])
    return ss_xstrdup("");
  return ss_path_relative(path, r->root);
}

static void display_location(const check_results *r, ss_location *l) {
  char *shown = display_path(r, l->file);
  free(l->file);
  l->file = shown;
}

/* Clang's own error lines from the output: what made the file fail. The
 * plugin's findings are reported separately, so "[sendsync-" lines go. A
 * leading "<root>/" is dropped, as from every other path we print. */
static char *error_lines(const char *output, const char *root) {
  char *prefix = ss_xasprintf("%s/", root);
  size_t prefix_len = strlen(prefix);
  ss_buf b = {0};
  const char *line = output;
  while (*line) {
    const char *end = strchr(line, '\n');
    size_t n = end ? (size_t)(end - line) + 1 : strlen(line);
    char *copy = ss_xstrndup(line, n);
    if (strstr(copy, "error: ") && !strstr(copy, "[sendsync-"))
      ss_buf_puts(&b, strncmp(copy, prefix, prefix_len) == 0 ? copy + prefix_len
                                                             : copy);
    free(copy);
    line += n;
  }
  free(prefix);
  return ss_buf_take(&b);
}

void results_add_dropped(check_results *r, const ss_argv *dropped) {
  if (dropped->n == 0)
    return;
  r->files_with_dropped_flags++;
  for (size_t i = 0; i < dropped->n; i++) {
    size_t j = 0;
    while (j < r->dropped_flags.n &&
           strcmp(r->dropped_flags.v[j], dropped->v[i]) != 0)
      j++;
    if (j == r->dropped_flags.n)
      ss_argv_push(&r->dropped_flags, dropped->v[i]);
  }
}

char *results_dropped_summary(const check_results *r) {
  enum { SHOWN = 12 };
  size_t n = r->dropped_flags.n;
  if (n == 0)
    return NULL;
  ss_buf b = {0};
  ss_buf_printf(&b,
                "%zu flag%s of the compile database %s not passed to clang "
                "(for %zu file%s): "
                "they can load code, or are not known to be safe: ",
                n, n == 1 ? "" : "s", n == 1 ? "was" : "were",
                r->files_with_dropped_flags,
                r->files_with_dropped_flags == 1 ? "" : "s");
  for (size_t i = 0; i < n && i < SHOWN; i++)
    ss_buf_printf(&b, "%s%s", i ? ", " : "", r->dropped_flags.v[i]);
  if (n > SHOWN)
    ss_buf_printf(&b,
                  " and %zu more (--print-clang-command shows them per file)",
                  n - SHOWN);
  ss_buf_puts(&b, ". If the database comes from your own build, "
                  "--trust-compile-db keeps them "
                  "(docs/security.md).");
  return ss_buf_take(&b);
}

void results_add(check_results *r, const char *tu_file, ss_tu_result *tu) {
  r->files_checked++;
  if (tu->has_report) {
    ss_report *rep = &tu->report;
    if (!r->plugin_version) {
      r->plugin_version = ss_xstrdup(rep->tool_version);
      r->clang_version = ss_xstrdup(rep->clang_version);
    }
    r->findings =
        ss_xrealloc(r->findings, (r->finding_count + rep->finding_count) *
                                     sizeof *r->findings);
    for (size_t i = 0; i < rep->finding_count; i++) {
      check_finding *cf = &r->findings[r->finding_count++];
      memset(cf, 0, sizeof *cf);
      ss_finding_copy(&cf->f, &rep->findings[i]);
      display_location(r, &cf->f.location);
      for (size_t j = 0; j < cf->f.note_count; j++)
        display_location(r, &cf->f.notes[j].location);
      for (size_t j = 0; j < cf->f.fixit_count; j++) {
        display_location(r, &cf->f.fixits[j].begin);
        display_location(r, &cf->f.fixits[j].end);
      }
    }
    r->claims =
        ss_xrealloc(r->claims, (r->claim_count + rep->unsafe_claim_count) *
                                   sizeof *r->claims);
    for (size_t i = 0; i < rep->unsafe_claim_count; i++) {
      ss_unsafe_claim *c = &r->claims[r->claim_count++];
      const ss_unsafe_claim *src = &rep->unsafe_claims[i];
      c->marker = ss_xstrdup(src->marker);
      c->type = ss_xstrdup(src->type);
      c->reason = ss_xstrdup(src->reason);
      c->impl = src->impl;
      ss_location_copy(&c->location, &src->location);
      display_location(r, &c->location);
    }
    r->explanations = ss_xrealloc(
        r->explanations, (r->explanation_count + rep->explanation_count) *
                             sizeof *r->explanations);
    for (size_t i = 0; i < rep->explanation_count; i++) {
      ss_explanation *e = &r->explanations[r->explanation_count++];
      e->type = ss_xstrdup(rep->explanations[i].type);
      e->text = ss_xstrdup(rep->explanations[i].text);
    }
  }
  if (tu->status == SS_TU_COMPILE_ERRORS || tu->status == SS_TU_FAILED) {
    r->failures =
        ss_xrealloc(r->failures, (r->failure_count + 1) * sizeof *r->failures);
    tu_failure *f = &r->failures[r->failure_count++];
    f->file = display_path(r, tu_file);
    f->status = tu->status;
    f->message =
        tu->status == SS_TU_COMPILE_ERRORS
            ? ss_xstrdup(
                  "the file does not compile; its findings may be incomplete")
            : ss_xasprintf("the file could not be checked: %s", tu->error);
    f->errors = error_lines(tu->output, r->root);
  }
}

static int compare_location(const ss_location *a, const ss_location *b) {
  int c = strcmp(a->file, b->file);
  if (c)
    return c;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->column != b->column)
    return a->column < b->column ? -1 : 1;
  return 0;
}

static int compare_finding(const void *pa, const void *pb) {
  const ss_finding *a = &((const check_finding *)pa)->f,
                   *b = &((const check_finding *)pb)->f;
  int c = compare_location(&a->location, &b->location);
  if (!c)
    c = strcmp(a->check, b->check);
  if (!c)
    c = strcmp(a->message, b->message);
  if (!c && a->note_count != b->note_count)
    c = a->note_count < b->note_count ? -1 : 1;
  for (size_t i = 0; !c && i < a->note_count; i++) {
    c = strcmp(a->notes[i].message, b->notes[i].message);
    if (!c)
      c = compare_location(&a->notes[i].location, &b->notes[i].location);
  }
  return c;
}

static int compare_claim(const void *pa, const void *pb) {
  const ss_unsafe_claim *a = pa, *b = pb;
  int c = compare_location(&a->location, &b->location);
  if (!c)
    c = strcmp(a->marker, b->marker);
  if (!c)
    c = strcmp(a->type, b->type);
  return c;
}

static void free_claim(ss_unsafe_claim *c) {
  free(c->marker);
  free(c->type);
  free(c->reason);
  ss_location_free(&c->location);
}

/* Same message, same notes: the fingerprint ignores positions. */
static int same_identity(const ss_finding *a, const ss_finding *b) {
  if (strcmp(a->check, b->check) ||
      strcmp(a->location.file, b->location.file) ||
      strcmp(a->message, b->message) || a->note_count != b->note_count)
    return 0;
  for (size_t i = 0; i < a->note_count; i++)
    if (strcmp(a->notes[i].message, b->notes[i].message))
      return 0;
  return 1;
}

void results_finish(check_results *r) {
  /* Findings: sort, drop exact duplicates (same header, several TUs). */
  /* qsort(NULL, 0, ...) is undefined behaviour (UBSan reports it). */
  if (r->finding_count)
    qsort(r->findings, r->finding_count, sizeof *r->findings, compare_finding);
  size_t kept = 0;
  for (size_t i = 0; i < r->finding_count; i++) {
    if (kept && compare_finding(&r->findings[kept - 1], &r->findings[i]) == 0) {
      ss_finding_free(&r->findings[i].f);
      continue;
    }
    r->findings[kept++] = r->findings[i];
  }
  r->finding_count = kept;
  for (size_t i = 0; i < r->finding_count; i++) {
    unsigned occurrence = 0;
    for (size_t j = 0; j < i; j++)
      occurrence += same_identity(&r->findings[j].f, &r->findings[i].f);
    ss_fingerprint(&r->findings[i].f, r->findings[i].f.location.file,
                   occurrence, r->findings[i].fingerprint);
  }

  if (r->claim_count)
    qsort(r->claims, r->claim_count, sizeof *r->claims, compare_claim);
  kept = 0;
  for (size_t i = 0; i < r->claim_count; i++) {
    if (kept && compare_claim(&r->claims[kept - 1], &r->claims[i]) == 0) {
      free_claim(&r->claims[i]);
      continue;
    }
    r->claims[kept++] = r->claims[i];
  }
  r->claim_count = kept;

  /* Explanations: first of each (type, text), in the order collected
   * (translation units are added in database order). */
  kept = 0;
  for (size_t i = 0; i < r->explanation_count; i++) {
    int dup = 0;
    for (size_t j = 0; j < kept && !dup; j++)
      dup = !strcmp(r->explanations[j].type, r->explanations[i].type) &&
            !strcmp(r->explanations[j].text, r->explanations[i].text);
    if (dup) {
      free(r->explanations[i].type);
      free(r->explanations[i].text);
      continue;
    }
    r->explanations[kept++] = r->explanations[i];
  }
  r->explanation_count = kept;
  if (!r->plugin_version) {
    r->plugin_version = ss_xstrdup("");
    r->clang_version = ss_xstrdup("");
  }
}

size_t results_reported(const check_results *r) {
  return r->finding_count - r->baselined_count;
}

void results_free(check_results *r) {
  ss_argv_free(&r->dropped_flags);
  for (size_t i = 0; i < r->finding_count; i++)
    ss_finding_free(&r->findings[i].f);
  free(r->findings);
  for (size_t i = 0; i < r->claim_count; i++)
    free_claim(&r->claims[i]);
  free(r->claims);
  for (size_t i = 0; i < r->explanation_count; i++) {
    free(r->explanations[i].type);
    free(r->explanations[i].text);
  }
  free(r->explanations);
  for (size_t i = 0; i < r->failure_count; i++) {
    free(r->failures[i].file);
    free(r->failures[i].message);
    free(r->failures[i].errors);
  }
  free(r->failures);
  free(r->root);
  free(r->plugin_version);
  free(r->clang_version);
  memset(r, 0, sizeof *r);
}
