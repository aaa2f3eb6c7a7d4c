#include "argv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void push_owned(ss_argv *a, char *arg) {
  if (a->n + 2 > a->cap) {
    a->cap = a->cap ? a->cap * 2 : 16;
    a->v = ss_xrealloc(a->v, a->cap * sizeof *a->v);
  }
  a->v[a->n++] = arg;
  a->v[a->n] = NULL;
}

void ss_argv_push(ss_argv *a, const char *arg) {
  push_owned(a, ss_xstrdup(arg));
}

void ss_argv_pushf(ss_argv *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char small[512];
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n >= 0 && (size_t)n < sizeof small) {
    push_owned(a, ss_xstrdup(small));
    return;
  }
  va_start(ap, fmt);
  char *big = ss_xmalloc((size_t)n + 1);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  push_owned(a, big);
}

void ss_argv_free(ss_argv *a) {
  for (size_t i = 0; i < a->n; i++)
    free(a->v[i]);
  free(a->v);
  a->v = NULL;
  a->n = a->cap = 0;
}

int ss_argv_split_command(const char *p, ss_argv *out) {
  ss_buf word = {0};
  int in_word = 0;
  for (;;) {
    char c = *p;
    if (c == '\0' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word)
        push_owned(out, ss_buf_take(&word));
      in_word = 0;
      if (c == '\0')
        return 0;
      p++;
      continue;
    }
    in_word = 1;
    if (c == '\\') {
      if (p[1] == '\0')
        break;
      ss_buf_append(&word, p + 1, 1);
      p += 2;
    } else if (c == '\'') {
      const char *end = strchr(p + 1, '\'');
      if (!end)
        break;
      ss_buf_append(&word, p + 1, (size_t)(end - p - 1));
      if (end == p + 1 && !word.s)
        ss_buf_append(&word, "", 0); /* '' is an empty word */
      p = end + 1;
    } else if (c == '"') {
      p++;
      if (!word.s)
        ss_buf_append(&word, "", 0);
      while (*p && *p != '"') {
        if (*p == '\\' &&
            (p[1] == '"' || p[1] == '\\' || p[1] == '$' || p[1] == '`')) {
          ss_buf_append(&word, p + 1, 1);
          p += 2;
        } else {
          ss_buf_append(&word, p, 1);
          p++;
        }
      }
      if (*p != '"')
        break;
      p++;
    } else {
      ss_buf_append(&word, p, 1);
      p++;
    }
  }
  free(word.s);
  return -1; /* unterminated quote or trailing backslash */
}
