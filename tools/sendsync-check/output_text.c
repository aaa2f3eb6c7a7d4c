#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "snippet.h"
#include "util.h"
#include "write_file.h"

static void location(ss_buf *b, const ss_location *l) {
  if (l->line)
    ss_buf_printf(b, "%s:%u:%u: ", l->file, l->line, l->column);
  else if (l->file[0])
    ss_buf_printf(b, "%s: ", l->file);
}

/* A finding as clang prints it: the line, its source line with a caret and
 * the fix-its, then each note with its own source line. */
static void finding(ss_buf *b, source_cache *sources, const check_results *r,
                    const ss_finding *f) {
  location(b, &f->location);
  ss_buf_printf(b, "%s: %s [%s]\n", f->severity, f->message, f->check);
  snippet_append(b, sources, r->root, &f->location, f->fixits, f->fixit_count);
  for (size_t j = 0; j < f->note_count; j++) {
    location(b, &f->notes[j].location);
    ss_buf_printf(b, "note: %s\n", f->notes[j].message);
    snippet_append(b, sources, r->root, &f->notes[j].location, NULL, 0);
  }
}

int output_text(const char *path, const check_results *r,
                const check_options *o) {
  ss_buf b = {0};
  source_cache sources = {0};
  for (size_t i = 0; i < r->finding_count; i++)
    if (!r->findings[i].baselined)
      finding(&b, &sources, r, &r->findings[i].f);
  source_cache_free(&sources);
  for (size_t i = 0; i < r->failure_count; i++) {
    const tu_failure *f = &r->failures[i];
    ss_buf_printf(&b, "%s: error: %s [sendsync-check]\n", f->file, f->message);
    /* clang's own errors, indented: they say why. */
    const char *line = f->errors;
    while (*line) {
      const char *end = strchr(line, '\n');
      size_t n = end ? (size_t)(end - line) : strlen(line);
      ss_buf_puts(&b, "  ");
      ss_buf_append(&b, line, n);
      ss_buf_puts(&b, "\n");
      line += n + (end ? 1 : 0);
    }
  }
  for (size_t i = 0; i < r->explanation_count; i++)
    ss_buf_puts(&b, r->explanations[i].text);
  if (o->audit) {
    ss_buf_printf(&b, "audit: %zu unsafe claim%s, trusted without checking:\n",
                  r->claim_count, r->claim_count == 1 ? "" : "s");
    for (size_t i = 0; i < r->claim_count; i++) {
      const ss_unsafe_claim *c = &r->claims[i];
      location(&b, &c->location);
      ss_buf_printf(&b, "%s %s%s: %s\n", c->marker, c->type,
                    c->impl ? " (SS_IMPL)" : "",
                    c->reason[0] ? c->reason : "(no reason given)");
    }
  }
  char *text = ss_buf_take(&b);
  int rc = write_text_file(path, text);
  free(text);
  return rc;
}
