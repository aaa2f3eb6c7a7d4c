#include "snippet.h"

#include <stdlib.h>
#include <string.h>

#include "paths.h"

typedef struct source_file {
  char *path; /* as given (the display path) */
  char *text; /* NULL if unreadable */
  size_t *line_starts;
  size_t line_count;
} source_file;

static void index_lines(source_file *f) {
  size_t cap = 64;
  f->line_starts = ss_xmalloc(cap * sizeof *f->line_starts);
  f->line_starts[f->line_count++] = 0;
  for (size_t i = 0; f->text[i]; i++) {
    if (f->text[i] != '\n' || !f->text[i + 1])
      continue;
    if (f->line_count == cap)
      f->line_starts =
          ss_xrealloc(f->line_starts, (cap *= 2) * sizeof *f->line_starts);
    f->line_starts[f->line_count++] = i + 1;
  }
}

static source_file *lookup(source_cache *c, const char *root,
                           const char *path) {
  for (size_t i = 0; i < c->count; i++)
    if (strcmp(c->files[i].path, path) == 0)
      return &c->files[i];
  c->files = ss_xrealloc(c->files, (c->count + 1) * sizeof *c->files);
  source_file *f = &c->files[c->count++];
  memset(f, 0, sizeof *f);
  f->path = ss_xstrdup(path);
  char *abs = ss_path_absolute(path, root);
  f->text = ss_read_file(abs, NULL);
  free(abs);
  if (f->text)
    index_lines(f);
  return f;
}

/* The screen column (0-based) of byte column `column` (1-based) of `line`
 * (`len` bytes): tabs stop every 8 columns, UTF-8 continuation bytes take
 * none. A column past the end continues one per byte. */
static size_t display_column(const char *line, size_t len, unsigned column) {
  size_t col = 0;
  for (size_t i = 0; i + 1 < column; i++) {
    if (i < len && line[i] == '\t')
      col = (col / 8 + 1) * 8;
    else if (i >= len || ((unsigned char)line[i] & 0xC0) != 0x80)
      col++;
  }
  return col;
}

static void put_expanded(ss_buf *b, const char *line, size_t len) {
  size_t col = 0;
  for (size_t i = 0; i < len; i++) {
    if (line[i] == '\t') {
      size_t next = (col / 8 + 1) * 8;
      for (; col < next; col++)
        ss_buf_puts(b, " ");
    } else {
      ss_buf_append(b, line + i, 1);
      if (((unsigned char)line[i] & 0xC0) != 0x80)
        col++;
    }
  }
}

/* Writes `text` into the line being built at screen column `col`. */
static void put_at(ss_buf *row, size_t col, const char *text, size_t n) {
  while (row->len < col + n)
    ss_buf_puts(row, " ");
  memcpy(row->s + col, text, n);
}

static int fixit_on_line(const ss_fixit *x, const ss_location *loc) {
  return x->begin.line == loc->line && x->end.line == loc->line &&
         strcmp(x->begin.file, loc->file) == 0 &&
         x->end.column >= x->begin.column;
}

static void trim_right(ss_buf *row) {
  while (row->len && row->s[row->len - 1] == ' ')
    row->s[--row->len] = '\0';
}

static unsigned digits(unsigned long n) {
  unsigned d = 1;
  while (n >= 10) {
    n /= 10;
    d++;
  }
  return d;
}

void snippet_append(ss_buf *b, source_cache *cache, const char *root,
                    const ss_location *loc, const ss_fixit *fixits,
                    size_t fixit_count) {
  if (!loc->line || !loc->file[0])
    return;
  source_file *f = lookup(cache, root, loc->file);
  if (!f->text || loc->line > f->line_count)
    return;
  const char *line = f->text + f->line_starts[loc->line - 1];
  size_t len = strcspn(line, "\r\n");
  /* clang sizes the number column for a 16-line snippet: at least 4. */
  unsigned width = digits(loc->line + 16UL);
  width = width < 4 ? 4 : width;
  ss_buf_printf(b, "%*u | ", (int)(width + 1), loc->line);
  put_expanded(b, line, len);
  ss_buf_puts(b, "\n");

  ss_buf marks = {0}, inserts = {0};
  ss_buf_puts(&marks, "");
  ss_buf_puts(&inserts, "");
  for (size_t i = 0; i < fixit_count; i++) {
    const ss_fixit *x = &fixits[i];
    if (!fixit_on_line(x, loc))
      continue;
    size_t from = display_column(line, len, x->begin.column);
    size_t to = display_column(line, len, x->end.column);
    for (size_t c = from; c < to; c++)
      put_at(&marks, c, "~", 1);
    size_t n = strlen(x->replacement);
    if (n && !strchr(x->replacement, '\n'))
      put_at(&inserts, from < inserts.len ? inserts.len : from, x->replacement,
             n);
  }
  if (loc->column)
    put_at(&marks, display_column(line, len, loc->column), "^", 1);
  trim_right(&marks);
  /* clang reaches the caret line out to an insertion point, in blanks. */
  for (size_t i = 0; i < fixit_count; i++)
    if (fixit_on_line(&fixits[i], loc) &&
        fixits[i].begin.column == fixits[i].end.column) {
      size_t at = display_column(line, len, fixits[i].begin.column);
      while (marks.len < at)
        ss_buf_puts(&marks, " ");
    }
  if (marks.len)
    ss_buf_printf(b, "%*s| %s\n", (int)(width + 2), "", marks.s);
  if (inserts.len)
    ss_buf_printf(b, "%*s| %s\n", (int)(width + 2), "", inserts.s);
  free(marks.s);
  free(inserts.s);
}

void source_cache_free(source_cache *c) {
  for (size_t i = 0; i < c->count; i++) {
    free(c->files[i].path);
    free(c->files[i].text);
    free(c->files[i].line_starts);
  }
  free(c->files);
  c->files = NULL;
  c->count = 0;
}
