#define _POSIX_C_SOURCE 200809L
#include "response_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paths.h"
#include "util.h"

static int is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

void ss_rsp_tokenize(const char *p, ss_argv *out) {
  ss_buf word = {0};
  for (; *p; p++) {
    if (is_blank(*p)) {
      if (word.len)
        ss_argv_push(out, word.s);
      word.len = 0;
      continue;
    }
    if (*p == '\\' && p[1]) {
      ss_buf_append(&word, ++p, 1);
    } else if (*p == '"' || *p == '\'') {
      char quote = *p++;
      for (; *p && *p != quote; p++) {
        if (*p == '\\' && p[1])
          p++;
        ss_buf_append(&word, p, 1);
      }
      if (!*p)
        break; /* an unterminated quote ends the text, as in LLVM */
    } else {
      ss_buf_append(&word, p, 1);
    }
  }
  if (word.len)
    ss_argv_push(out, word.s);
  free(word.s);
}

/* The chain of files being expanded, to stop cycles. */
typedef struct rsp_chain {
  const char *path;
  const struct rsp_chain *up;
} rsp_chain;

/* What one expansion may still read: a hostile database must not make it
 * read the same files over and over (a few files naming each other many
 * times grow exponentially with the depth). */
typedef struct rsp_budget {
  ss_argv *out, *failed;
  size_t files_left;
  unsigned long long bytes_left;
} rsp_budget;

static int in_chain(const rsp_chain *c, const char *path) {
  for (; c; c = c->up)
    if (strcmp(c->path, path) == 0)
      return 1;
  return 0;
}

static void expand(const char *const *args, size_t n, const char *directory,
                   const rsp_chain *chain, unsigned depth, rsp_budget *budget);

/* Reads one response file; NULL with *why set if it cannot be used. */
static char *read_rsp(const char *path, const rsp_chain *chain, unsigned depth,
                      rsp_budget *budget, const char **why) {
  struct stat st;
  if (depth >= SS_RSP_MAX_DEPTH) {
    *why = "response files nested too deep";
    return NULL;
  }
  if (in_chain(chain, path)) {
    *why = "response file includes itself";
    return NULL;
  }
  if (stat(path, &st) != 0) {
    *why = "no such file";
    return NULL;
  }
  if (!S_ISREG(st.st_mode)) {
    *why = "not a regular file";
    return NULL;
  }
  if (budget->files_left == 0 ||
      (unsigned long long)st.st_size > budget->bytes_left) {
    *why = "response files too large";
    return NULL;
  }
  budget->files_left--;
  budget->bytes_left -= (unsigned long long)st.st_size;
  char *text = ss_read_file(path, NULL);
  if (!text)
    *why = strerror(errno);
  return text;
}

/* Each failure once: a file named many times fails many times. */
static void note_failure(ss_argv *failed, const char *arg, const char *why) {
  char *text = ss_xasprintf("%s: %s", arg, why);
  size_t i = 0;
  while (i < failed->n && strcmp(failed->v[i], text) != 0)
    i++;
  if (i == failed->n)
    ss_argv_push(failed, text);
  free(text);
}

static void expand_one(const char *arg, const char *directory,
                       const rsp_chain *chain, unsigned depth,
                       rsp_budget *budget) {
  char *path = ss_path_absolute(arg + 1, directory);
  const char *why = NULL;
  char *text = read_rsp(path, chain, depth, budget, &why);
  if (!text) {
    ss_argv_push(budget->out, arg);
    if (budget->failed)
      note_failure(budget->failed, arg, why);
    free(path);
    return;
  }
  ss_argv words = {0};
  ss_rsp_tokenize(text, &words);
  free(text);
  char *dir = ss_path_dirname(path);
  rsp_chain link = {path, chain};
  expand((const char *const *)words.v, words.n, dir, &link, depth + 1, budget);
  free(dir);
  ss_argv_free(&words);
  free(path);
}

static void expand(const char *const *args, size_t n, const char *directory,
                   const rsp_chain *chain, unsigned depth, rsp_budget *budget) {
  for (size_t i = 0; i < n; i++) {
    if (args[i][0] == '@' && args[i][1] != '\0')
      expand_one(args[i], directory, chain, depth, budget);
    else
      ss_argv_push(budget->out, args[i]);
  }
}

void ss_rsp_expand(const char *const *args, size_t n, const char *directory,
                   ss_argv *out, ss_argv *failed) {
  rsp_budget budget = {out, failed, SS_RSP_MAX_FILES, SS_RSP_MAX_BYTES};
  expand(args, n, directory, NULL, 0, &budget);
}
