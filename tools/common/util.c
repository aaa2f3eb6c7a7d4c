#define _GNU_SOURCE
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void) {
  fputs("sendsync: out of memory\n", stderr);
  abort();
}

void *ss_xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p)
    out_of_memory();
  return p;
}

void *ss_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p)
    out_of_memory();
  return p;
}

void *ss_xrealloc(void *p, size_t size) {
  void *q = realloc(p, size ? size : 1);
  if (!q)
    out_of_memory();
  return q;
}

char *ss_xstrdup(const char *s) { return ss_xstrndup(s, strlen(s)); }

char *ss_xstrndup(const char *s, size_t n) {
  char *p = ss_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *ss_xasprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *out = NULL;
  int n = vasprintf(&out, fmt, ap);
  va_end(ap);
  if (n < 0)
    out_of_memory();
  return out;
}

char *ss_read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  ss_buf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    ss_buf_append(&b, chunk, n);
  int failed = ferror(f);
  int saved = errno;
  fclose(f);
  if (failed) {
    free(b.s);
    errno = saved ? saved : EIO;
    return NULL;
  }
  if (size)
    *size = b.len;
  return ss_buf_take(&b);
}

void ss_buf_append(ss_buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1)
      cap *= 2;
    b->s = ss_xrealloc(b->s, cap);
    b->cap = cap;
  }
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

void ss_buf_puts(ss_buf *b, const char *s) { ss_buf_append(b, s, strlen(s)); }

void ss_buf_printf(ss_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *out = NULL;
  int n = vasprintf(&out, fmt, ap);
  va_end(ap);
  if (n < 0)
    out_of_memory();
  ss_buf_append(b, out, (size_t)n);
  free(out);
}

char *ss_buf_take(ss_buf *b) {
  char *s = b->s ? b->s : ss_xstrdup("");
  b->s = NULL;
  b->len = b->cap = 0;
  return s;
}
