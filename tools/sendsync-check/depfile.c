#include "depfile.h"

#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "util.h"

/* The colon that ends the target: one followed by a blank or line end. */
static const char *after_target(const char *text) {
  for (const char *p = text; *p; p++) {
    if (*p == '\\' && p[1])
      p++;
    else if (*p == ':' && (p[1] == ' ' || p[1] == '\t' || p[1] == '\n' ||
                           p[1] == '\r' || p[1] == '\0'))
      return p + 1;
  }
  return NULL;
}

static void push_unique(ss_argv *deps, const char *word, const char *dir) {
  char *path = ss_path_absolute(word, dir);
  size_t i = 0;
  while (i < deps->n && strcmp(deps->v[i], path) != 0)
    i++;
  if (i == deps->n)
    ss_argv_push(deps, path);
  free(path);
}

/* Reads one word at *p into b; returns 0 at the end of the rule. */
static int next_word(const char **p, ss_buf *b) {
  const char *s = *p;
  for (;;) {
    while (*s == ' ' || *s == '\t' || *s == '\r')
      s++;
    if (*s == '\\' && (s[1] == '\n' || (s[1] == '\r' && s[2] == '\n')))
      s += s[1] == '\n' ? 2 : 3;
    else
      break;
  }
  if (*s == '\0' || *s == '\n') {
    *p = s;
    return 0;
  }
  while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') {
    if (*s == '\\' && (s[1] == ' ' || s[1] == '#' || s[1] == '\\')) {
      ss_buf_append(b, s + 1, 1);
      s += 2;
    } else if (*s == '\\' && (s[1] == '\n' || s[1] == '\r')) {
      break;
    } else if (*s == '$' && s[1] == '$') {
      ss_buf_append(b, "$", 1);
      s += 2;
    } else {
      ss_buf_append(b, s++, 1);
    }
  }
  *p = s;
  return 1;
}

int ss_depfile_parse(const char *text, const char *directory, ss_argv *deps) {
  const char *p = after_target(text);
  if (!p)
    return -1;
  ss_buf b = {0};
  while (next_word(&p, &b)) {
    char *word = ss_buf_take(&b);
    push_unique(deps, word, directory);
    free(word);
  }
  free(b.s);
  return 0;
}
