#define _POSIX_C_SOURCE 200809L
#include "options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "Version.h"
#include "util.h"

static void usage(FILE *out) {
  fputs(
      "usage: sendsync-merge -o <program.sendsync-db> [--list <file>|-] "
      "[facts...]\n"
      "\n"
      "Merges the per-translation-unit facts files of a program (written by\n"
      "the plugin with -fplugin-arg-sendsync-facts) into a program database,\n"
      "linking functions by their external name (docs/facts.md, \"The "
      "program\n"
      "database\").\n"
      "\n"
      "  -o <file>, --output=<file>  the program database to write "
      "(required;\n"
      "                         written atomically, not at all on error)\n"
      "  --list <file>          read more facts paths from <file>, one per "
      "line\n"
      "                         ('-': standard input; repeatable)\n"
      "  --version, --help\n"
      "\n"
      "Exit status: 0 written (conflicting definitions are warnings), 1 a "
      "facts\n"
      "file or the output could not be read or written (nothing written), "
      "2 usage.\n",
      out);
}

static void version(void) {
  printf("sendsync-merge %s\n", SENDSYNC_VERSION);
  printf("  reads sendsync-facts version 1, writes sendsync-program version "
         "1\n");
}

static int usage_error(const char *what, const char *arg) {
  fprintf(stderr, "sendsync-merge: %s%s%s\n(see sendsync-merge --help)\n", what,
          arg ? ": " : "", arg ? arg : "");
  return 2;
}

static void add_fact(merge_options *o, const char *path) {
  o->facts = ss_xrealloc(o->facts, (o->fact_count + 1) * sizeof *o->facts);
  o->facts[o->fact_count++] = ss_xstrdup(path);
}

/* --list: one path per line; empty lines are skipped, a trailing CR too. */
static int read_list(merge_options *o, const char *file) {
  int from_stdin = strcmp(file, "-") == 0;
  FILE *f = from_stdin ? stdin : fopen(file, "r");
  if (!f) {
    fprintf(stderr, "sendsync-merge: error: cannot read list '%s': %s\n", file,
            strerror(errno));
    return 1;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, f)) >= 0) {
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      line[--n] = '\0';
    if (n > 0)
      add_fact(o, line);
  }
  free(line);
  int failed = ferror(f);
  if (!from_stdin)
    fclose(f);
  if (failed) {
    fprintf(stderr, "sendsync-merge: error: cannot read list '%s'\n", file);
    return 1;
  }
  return -1;
}

/* "-o X", "-oX", "--output X", "--output=X", "--list X", "--list=X": the
 * value, advancing *i; NULL when `arg` is not `name`. *missing when the
 * value is. */
static const char *value_of(const char *name, const char *short_name, int argc,
                            char **argv, int *i, int *missing) {
  const char *arg = argv[*i];
  size_t n = strlen(name);
  if (short_name && strncmp(arg, short_name, 2) == 0 && arg[2])
    return arg + 2;
  if (strncmp(arg, name, n) == 0 && arg[n] == '=')
    return arg + n + 1;
  if (strcmp(arg, name) != 0 && !(short_name && strcmp(arg, short_name) == 0))
    return NULL;
  if (*i + 1 >= argc) {
    *missing = 1;
    return NULL;
  }
  return argv[++*i];
}

int parse_merge_options(int argc, char **argv, merge_options *o) {
  int only_files = 0;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i], *value;
    int missing = 0;
    if (only_files || arg[0] != '-' || strcmp(arg, "-") == 0) {
      add_fact(o, arg);
    } else if (strcmp(arg, "--") == 0) {
      only_files = 1;
    } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(arg, "--version") == 0) {
      version();
      return 0;
    } else if ((value = value_of("--output", "-o", argc, argv, &i, &missing))) {
      o->output = value;
    } else if ((value = value_of("--list", NULL, argc, argv, &i, &missing))) {
      int rc = read_list(o, value);
      if (rc >= 0)
        return rc;
    } else {
      return usage_error(missing ? "option needs a value" : "unknown option",
                         arg);
    }
  }
  if (!o->output)
    return usage_error("no output: give -o <program.sendsync-db>", NULL);
  if (!o->fact_count)
    return usage_error("no facts files given (arguments or --list)", NULL);
  return -1;
}

void free_merge_options(merge_options *o) {
  for (size_t i = 0; i < o->fact_count; i++)
    free(o->facts[i]);
  free(o->facts);
  o->facts = NULL;
  o->fact_count = 0;
}
