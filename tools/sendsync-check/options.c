#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "locate.h"
#include "util.h"

static void usage(FILE *out) {
  fputs(
      "usage: sendsync-check [options] [files...]\n"
      "       sendsync-check [options] files... -- <compile flags>\n"
      "\n"
      "Runs the sendsync plugin over every translation unit of a compile\n"
      "database (compile_commands.json) and reports what it finds.\n"
      "\n"
      "  -p <dir|file>          the compile database (default: the nearest\n"
      "                         compile_commands.json in . or a parent)\n"
      "  files...               check only these database entries; with\n"
      "                         '-- <flags>', check them with <flags>, no database\n"
      "                         (your own flags: passed to clang unfiltered)\n"
      "  -j <N>, --jobs=<N>     run N compiles at once (default: one per core)\n"
      "  --strict               also report what cannot be proven (sendsync-unknown)\n"
      "  --disable=<id,...>     turn checks off\n"
      "  --format=text|json|sarif  output format (default: text)\n"
      "  --output=<file>        write the report there instead of stdout\n"
      "  --baseline=<file>      report only findings not recorded in <file>\n"
      "  --write-baseline=<file> record the current findings in <file>\n"
      "  --explain=<type>       print the Send/Sync derivation of a type (repeatable)\n"
      "  --audit                list every unsafe_send/unsafe_sync claim with its reason\n"
      "  --files=<regex>        check only files whose path matches (POSIX ERE)\n"
      "  --exclude=<regex>      skip files whose path matches\n"
      "  --root=<dir>           paths are reported relative to <dir> (default: .)\n"
      "  --clang=<path>         the clang to run (default: the one the plugin was built for)\n"
      "  --plugin=<path>        the sendsync.so to load\n"
      "  --extra-arg=<flag>     add <flag> to every compile (repeatable)\n"
      "  --trust-compile-db     pass every flag of the compile database to clang.\n"
      "                         Without it, only flags a syntax check needs are\n"
      "                         passed (include paths, macros, -std, -m, -W, ...),\n"
      "                         and none that load code (-fplugin=, -Xclang -load,\n"
      "                         -B, unknown flags): use it only for a database your\n"
      "                         own build wrote, never for a fork's pull request\n"
      "                         (docs/security.md)\n"
      "  --print-clang-command  print each file's clang command, one argument per\n"
      "                         line, and the flags the filter dropped; run nothing\n"
      "  --help-uri-base=<url>  SARIF help links: <url><check-id>.md\n"
      "  --progress, --no-progress  force the progress line on or off\n"
      "  -q, --quiet            no progress line, no summary\n"
      "  --version, --help\n"
      "\n"
      "Exit status: 0 no findings, 1 findings (or a file that does not compile),\n"
      "2 usage or environment error. See docs/ci.md.\n",
      out);
}

static void version(void) {
  char *plugin = default_plugin_path();
  printf("sendsync-check %s\n", SENDSYNC_VERSION);
  printf("  built for LLVM %d\n", SENDSYNC_LLVM_MAJOR);
  printf("  default clang:  %s\n", SENDSYNC_DEFAULT_CLANG);
  printf("  default plugin: %s\n", plugin ? plugin : "(not found)");
  free(plugin);
}

static int usage_error(const char *what, const char *arg) {
  fprintf(stderr, "sendsync-check: %s: %s\n(see sendsync-check --help)\n", what, arg);
  return 2;
}

/* "--name=value" or "--name value": returns the value and advances *i,
 * NULL if `arg` is not this option. *missing is set when it has no value. */
static const char *value_of(const char *name, int argc, char **argv, int *i, int *missing) {
  const char *arg = argv[*i];
  size_t n = strlen(name);
  if (strncmp(arg, name, n) != 0)
    return NULL;
  if (arg[n] == '=')
    return arg + n + 1;
  if (arg[n] != '\0')
    return NULL;
  if (*i + 1 >= argc) {
    *missing = 1;
    return NULL;
  }
  return argv[++*i];
}

static void append(const char ***list, size_t *count, const char *s) {
  *list = ss_xrealloc(*list, (*count + 1) * sizeof **list);
  (*list)[(*count)++] = s;
}

static int parse_jobs(const char *s, unsigned *jobs) {
  char *end;
  long n = strtol(s, &end, 10);
  if (*s == '\0' || *end != '\0' || n < 1 || n > 1024)
    return -1;
  *jobs = (unsigned)n;
  return 0;
}

int parse_options(int argc, char **argv, check_options *o) {
  memset(o, 0, sizeof *o);
  o->progress = -1;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    const char *v;
    int missing = 0;
    if (strcmp(arg, "--") == 0) {
      o->has_flags = 1;
      for (i++; i < argc; i++)
        append(&o->flags, &o->flag_count, argv[i]);
      break;
    }
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
      usage(stdout);
      return 0;
    }
    if (strcmp(arg, "--version") == 0) {
      version();
      return 0;
    }
    if (strcmp(arg, "--strict") == 0) {
      o->strict = 1;
    } else if (strcmp(arg, "--audit") == 0) {
      o->audit = 1;
    } else if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0) {
      o->quiet = 1;
    } else if (strcmp(arg, "--progress") == 0) {
      o->progress = 1;
    } else if (strcmp(arg, "--no-progress") == 0) {
      o->progress = 0;
    } else if (strcmp(arg, "--trust-compile-db") == 0) {
      o->trust_compile_db = 1;
    } else if (strcmp(arg, "--print-clang-command") == 0) {
      o->print_clang_command = 1;
    } else if (strncmp(arg, "-p", 2) == 0 && arg[2] != '\0' && arg[2] != '-') {
      o->database = arg + 2;
    } else if (strncmp(arg, "-j", 2) == 0 && arg[2] != '\0') {
      if (parse_jobs(arg + 2, &o->jobs) != 0)
        return usage_error("-j needs a number from 1 to 1024", arg);
    } else if ((v = value_of("-p", argc, argv, &i, &missing))) {
      o->database = v;
    } else if ((v = value_of("-j", argc, argv, &i, &missing)) ||
               (v = value_of("--jobs", argc, argv, &i, &missing))) {
      if (parse_jobs(v, &o->jobs) != 0)
        return usage_error("-j needs a number from 1 to 1024", v);
    } else if ((v = value_of("--disable", argc, argv, &i, &missing))) {
      o->disable = v;
    } else if ((v = value_of("--format", argc, argv, &i, &missing))) {
      if (strcmp(v, "text") == 0)
        o->format = FORMAT_TEXT;
      else if (strcmp(v, "json") == 0)
        o->format = FORMAT_JSON;
      else if (strcmp(v, "sarif") == 0)
        o->format = FORMAT_SARIF;
      else
        return usage_error("--format must be text, json or sarif", v);
    } else if ((v = value_of("--output", argc, argv, &i, &missing)) ||
               (v = value_of("-o", argc, argv, &i, &missing))) {
      o->output = v;
    } else if ((v = value_of("--baseline", argc, argv, &i, &missing))) {
      o->baseline = v;
    } else if ((v = value_of("--write-baseline", argc, argv, &i, &missing))) {
      o->write_baseline = v;
    } else if ((v = value_of("--explain", argc, argv, &i, &missing))) {
      append(&o->explain, &o->explain_count, v);
    } else if ((v = value_of("--clang", argc, argv, &i, &missing))) {
      o->clang = v;
    } else if ((v = value_of("--plugin", argc, argv, &i, &missing))) {
      o->plugin = v;
    } else if ((v = value_of("--files", argc, argv, &i, &missing))) {
      o->files_regex = v;
    } else if ((v = value_of("--exclude", argc, argv, &i, &missing))) {
      o->exclude_regex = v;
    } else if ((v = value_of("--root", argc, argv, &i, &missing))) {
      o->root = v;
    } else if ((v = value_of("--help-uri-base", argc, argv, &i, &missing))) {
      o->help_uri_base = v;
    } else if ((v = value_of("--extra-arg", argc, argv, &i, &missing))) {
      append(&o->extra_args, &o->extra_arg_count, v);
    } else if (missing) {
      return usage_error("option needs a value", arg);
    } else if (arg[0] == '-' && arg[1] != '\0') {
      return usage_error("unknown option", arg);
    } else {
      append(&o->files, &o->file_count, arg);
    }
    if (missing)
      return usage_error("option needs a value", arg);
  }
  if (o->has_flags && o->file_count == 0)
    return usage_error("'--' needs files before it", "sendsync-check file.c -- <flags>");
  if (o->has_flags && o->database)
    return usage_error("-p and '--' exclude each other", o->database);
  return -1;
}

void free_options(check_options *o) {
  free(o->explain);
  free(o->extra_args);
  free(o->files);
  free(o->flags);
}
