#include "flag_filter.h"

#include <stdlib.h>
#include <string.h>

#include "flag_table.h"
#include "paths.h"
#include "response_file.h"

static int starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The project may already load the plugin itself (sendsync_enable() puts
 * -fplugin= into every compile command): that copy would be loaded twice,
 * so it goes; the tool's options decide. */
static int is_sendsync_plugin(const char *arg) {
  if (!starts_with(arg, "-fplugin="))
    return 0;
  const char *path = arg + strlen("-fplugin=");
  const char *base = strrchr(path, '/');
  return starts_with(base ? base + 1 : path, "sendsync");
}

typedef struct filter_state {
  const ss_flag_filter *filter;
  char *const *args; /* after response files were expanded */
  size_t n;
  ss_argv *out;
  ss_argv *dropped;
} filter_state;

static void drop(filter_state *s, const char *flag, const char *value) {
  if (!s->dropped)
    return;
  if (value)
    ss_argv_pushf(s->dropped, "%s %s", flag, value);
  else
    ss_argv_push(s->dropped, flag);
}

/* Keeps or drops args[i] (with its value args[i+1] when `separate`);
 * returns how many arguments were used. */
static size_t keep_or_drop(filter_state *s, size_t i, int separate, int keep) {
  const char *flag = s->args[i];
  if (separate && i + 1 >= s->n) {
    /* A value-taking flag at the end would take the tool's next argument. */
    drop(s, flag, NULL);
    return 1;
  }
  const char *value = separate ? s->args[i + 1] : NULL;
  if (keep || s->filter->trust) {
    ss_argv_push(s->out, flag);
    if (value)
      ss_argv_push(s->out, value);
  } else {
    drop(s, flag, value);
  }
  return separate ? 2 : 1;
}

/* "-Xclang <arg>" hands <arg> to clang's frontend, where -load and -plugin
 * load code: every pair is dropped, except the forced include that CMake's
 * precompiled headers write as "-Xclang -include -Xclang <file>", which is
 * kept as "-include <file>" (the header is parsed instead of its PCH). */
static size_t filter_xclang(filter_state *s, size_t i) {
  if (s->filter->trust || i + 1 >= s->n)
    return keep_or_drop(s, i, 1, 0);
  if (strcmp(s->args[i + 1], "-include") == 0 && i + 3 < s->n &&
      strcmp(s->args[i + 2], "-Xclang") == 0) {
    ss_argv_push(s->out, "-include");
    ss_argv_push(s->out, s->args[i + 3]);
    return 4;
  }
  return keep_or_drop(s, i, 1, 0);
}

/* clang looks for "<triple>-clang.cfg" and "<triple>.cfg" and reads more
 * flags from them; a "triple" with a slash ("--target=./x") is a path
 * relative to the compile's directory, so the project could hand clang a
 * configuration file (with -fplugin= in it). A real triple has none. */
static int is_plain_triple(const char *value) {
  if (!value[0])
    return 0;
  for (const char *p = value; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
          (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
      return 0;
  return value[0] != '.' && value[0] != '-';
}

static size_t filter_target(filter_state *s, size_t i, const ss_flag_rule *rule,
                            int separate) {
  const char *value = separate ? (i + 1 < s->n ? s->args[i + 1] : "")
                               : s->args[i] + strlen(rule->name);
  return keep_or_drop(s, i, separate, is_plain_triple(value));
}

/* -x <language>: the source languages. "-x ast" or "-x precompiled-header"
 * would make clang deserialize the project's file as a binary AST. */
static int is_source_language(const char *value) {
  static const char *const languages[] = {"c",
                                          "c-header",
                                          "cpp-output",
                                          "c++",
                                          "c++-header",
                                          "c++-cpp-output",
                                          "c++-system-header",
                                          "c++-user-header",
                                          "objective-c",
                                          "objective-c-header",
                                          "objective-c++",
                                          "objective-c++-header",
                                          "none",
                                          NULL};
  for (const char *const *l = languages; *l; l++)
    if (strcmp(value, *l) == 0)
      return 1;
  return 0;
}

static size_t filter_language(filter_state *s, size_t i, int separate) {
  const char *value =
      separate ? (i + 1 < s->n ? s->args[i + 1] : "") : s->args[i] + 2;
  return keep_or_drop(s, i, separate, is_source_language(value));
}

/* A word that is no flag: the source file (removed; it is added back at the
 * end), or another input, which a one-file check has no use for. */
static size_t filter_input(filter_state *s, size_t i) {
  const char *arg = s->args[i];
  char *abs = ss_path_absolute(arg, s->filter->directory);
  int is_source = strcmp(abs, s->filter->source_file) == 0;
  free(abs);
  if (is_source)
    return 1;
  return keep_or_drop(s, i, 0, 0);
}

static size_t filter_one(filter_state *s, size_t i) {
  const char *arg = s->args[i];
  if (arg[0] != '-' || arg[1] == '\0')
    return arg[0] == '-' ? keep_or_drop(s, i, 0, 0) : filter_input(s, i);
  if (is_sendsync_plugin(arg))
    return 1;
  const ss_flag_rule *rule = ss_flag_rule_find(arg);
  if (!rule)
    return keep_or_drop(s, i, 0, 0); /* unknown: dropped */
  int separate =
      rule->kind == SS_SEPARATE || rule->kind == SS_JOINED_AND_SEPARATE ||
      (rule->kind == SS_JOINED_OR_SEPARATE && strcmp(arg, rule->name) == 0);
  switch (rule->action) {
  case SS_REMOVE:
    return separate && i + 1 < s->n ? 2 : 1;
  case SS_XCLANG:
    return filter_xclang(s, i);
  case SS_TARGET:
    return filter_target(s, i, rule, separate);
  case SS_LANGUAGE:
    return filter_language(s, i, separate);
  case SS_F_OPTION:
    return keep_or_drop(s, i, separate, ss_flag_f_option_allowed(arg));
  case SS_KEEP:
    return keep_or_drop(s, i, separate, 1);
  case SS_DROP:
    break;
  }
  return keep_or_drop(s, i, separate, 0);
}

void ss_flag_filter_run(const ss_flag_filter *filter, const char *const *args,
                        size_t n, ss_argv *out, ss_argv *dropped) {
  ss_argv expanded = {0}, failed = {0};
  ss_rsp_expand(args, n, filter->directory, &expanded, &failed);
  filter_state s = {filter, expanded.v, expanded.n, out, dropped};
  for (size_t i = 0; i < expanded.n;) {
    const char *arg = expanded.v[i];
    if (arg[0] == '@' && arg[1] != '\0') {
      /* A response file that could not be read: clang would read it (or
       * take it as a file name) itself, so only trust passes it on. */
      if (filter->trust)
        ss_argv_push(out, arg);
      i++;
      continue;
    }
    i += filter_one(&s, i);
  }
  if (dropped && !filter->trust)
    for (size_t i = 0; i < failed.n; i++)
      ss_argv_push(dropped, failed.v[i]);
  ss_argv_free(&expanded);
  ss_argv_free(&failed);
}
