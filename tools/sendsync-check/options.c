#include "options.h"

#include <stddef.h>
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
      "                         '-- <flags>', check them with <flags>, no "
      "database\n"
      "                         (your own flags: passed to clang unfiltered)\n"
      "  -j <N>, --jobs=<N>     run N compiles at once (default: one per "
      "core)\n"
      "  --strict               also report what cannot be proven "
      "(sendsync-unknown)\n"
      "  --disable=<id,...>     turn checks off\n"
      "  --format=text|json|sarif  output format (default: text)\n"
      "  --output=<file>        write the report there instead of stdout\n"
      "  --baseline=<file>      report only findings not recorded in <file>\n"
      "  --write-baseline=<file> record the current findings in <file>\n"
      "  --explain=<type>       print the Send/Sync derivation of a type "
      "(repeatable)\n"
      "  --audit                list every unsafe_send/unsafe_sync claim with "
      "its reason\n"
      "  --files=<regex>        check only files whose path matches (POSIX "
      "ERE)\n"
      "  --exclude=<regex>      skip files whose path matches\n"
      "  --root=<dir>           paths are reported relative to <dir> (default: "
      ".)\n"
      "  --clang=<path|name>    the clang to run, a path or a name on PATH "
      "(default: the\n"
      "                         one the plugin was built for)\n"
      "  --plugin=<path>        the sendsync.so to load\n"
      "  --extra-arg=<flag>     add <flag> to every compile (repeatable)\n"
      "  --trust-compile-db     pass every flag of the compile database to "
      "clang.\n"
      "                         Without it, only flags a syntax check needs "
      "are\n"
      "                         passed (include paths, macros, -std, -m, -W, "
      "...),\n"
      "                         and none that load code (-fplugin=, -Xclang "
      "-load,\n"
      "                         -B, unknown flags). Use it when the job builds "
      "the\n"
      "                         project anyway (its build runs its code); keep "
      "the\n"
      "                         default for code you have not reviewed, such "
      "as a\n"
      "                         fork's pull request checked without building "
      "it\n"
      "                         (docs/ci.md, docs/security.md)\n"
      "  --print-clang-command  print each file's clang command, one argument "
      "per\n"
      "                         line, and the flags the filter dropped; run "
      "nothing\n"
      "  --help-uri-base=<url>  SARIF help links: <url><check-id>.md\n"
      "  --whole-program        check across translation units: write every\n"
      "                         file's facts, merge them into a program\n"
      "                         database, check again the files whose verdict\n"
      "                         it can change; incremental (docs/ci.md)\n"
      "  --program-db=<file>    where --whole-program writes the database\n"
      "                         (default: program.sendsync-db beside\n"
      "                         compile_commands.json)\n"
      "  --cache-dir=<dir>      --whole-program's cache (default: under\n"
      "                         $XDG_CACHE_HOME or ~/.cache, sendsync/)\n"
      "  --cache-max-age=<days> delete the cache's entries no run has used\n"
      "                         for that many days (default 30; 0: keep only\n"
      "                         this run's; never: keep everything)\n"
      "  --program=<file>       check every file with an existing program\n"
      "                         database (one pass, no cache)\n"
      "  --timeout=<seconds>    stop clang on a file that takes longer; the "
      "file\n"
      "                         is reported as not checked (exit status 1)\n"
      "  --progress, --no-progress  force the progress line on or off\n"
      "  -q, --quiet            no progress line, no summary\n"
      "  --version, --help\n"
      "\n"
      "Exit status: 0 no findings, 1 findings (or a file that does not "
      "compile),\n"
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
  fprintf(stderr, "sendsync-check: %s: %s\n(see sendsync-check --help)\n", what,
          arg);
  return 2;
}

/* "--name=value" or "--name value": returns the value and advances *i,
 * NULL if `arg` is not this option. *missing is set when it has no value. */
static const char *value_of(const char *name, int argc, char **argv, int *i,
                            int *missing) {
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

static int parse_timeout(const char *s, unsigned *seconds) {
  char *end;
  long n = strtol(s, &end, 10);
  if (*s == '\0' || *end != '\0' || n < 1 || n > 86400)
    return -1;
  *seconds = (unsigned)n;
  return 0;
}

/* Days from 0 to 36500, or "never" (-1). */
static int parse_max_age(const char *s, int *days) {
  if (strcmp(s, "never") == 0) {
    *days = -1;
    return 0;
  }
  char *end;
  long n = strtol(s, &end, 10);
  if (*s == '\0' || *end != '\0' || n < 0 || n > 36500)
    return -1;
  *days = (int)n;
  return 0;
}

/* Options without a value. Returns 1 if `arg` was one. */
static int parse_switch(const char *arg, check_options *o) {
  static const struct {
    const char *name;
    size_t offset;
    int value;
  } switches[] = {
      {"--strict", offsetof(check_options, strict), 1},
      {"--audit", offsetof(check_options, audit), 1},
      {"-q", offsetof(check_options, quiet), 1},
      {"--quiet", offsetof(check_options, quiet), 1},
      {"--progress", offsetof(check_options, progress), 1},
      {"--no-progress", offsetof(check_options, progress), 0},
      {"--trust-compile-db", offsetof(check_options, trust_compile_db), 1},
      {"--print-clang-command", offsetof(check_options, print_clang_command),
       1},
      {"--whole-program", offsetof(check_options, whole_program), 1},
  };
  for (size_t k = 0; k < sizeof switches / sizeof switches[0]; k++)
    if (strcmp(arg, switches[k].name) == 0) {
      *(int *)((char *)o + switches[k].offset) = switches[k].value;
      return 1;
    }
  return 0;
}

/* Options whose value is kept as given. Returns 1 if argv[*i] was one. */
static int parse_string(int argc, char **argv, int *i, check_options *o,
                        int *missing) {
  static const struct {
    const char *name;
    size_t offset;
  } strings[] = {
      {"-p", offsetof(check_options, database)},
      {"--disable", offsetof(check_options, disable)},
      {"--output", offsetof(check_options, output)},
      {"-o", offsetof(check_options, output)},
      {"--baseline", offsetof(check_options, baseline)},
      {"--write-baseline", offsetof(check_options, write_baseline)},
      {"--clang", offsetof(check_options, clang)},
      {"--plugin", offsetof(check_options, plugin)},
      {"--files", offsetof(check_options, files_regex)},
      {"--exclude", offsetof(check_options, exclude_regex)},
      {"--root", offsetof(check_options, root)},
      {"--help-uri-base", offsetof(check_options, help_uri_base)},
      {"--program", offsetof(check_options, program)},
      {"--program-db", offsetof(check_options, program_db)},
      {"--cache-dir", offsetof(check_options, cache_dir)},
  };
  for (size_t k = 0; k < sizeof strings / sizeof strings[0]; k++) {
    const char *v = value_of(strings[k].name, argc, argv, i, missing);
    if (v) {
      *(const char **)((char *)o + strings[k].offset) = v;
      return 1;
    }
  }
  return 0;
}

/* The other options with a value. Returns 1 if argv[*i] was one (then
 * *error is 0 or the usage error's exit status), 0 if not. */
static int parse_valued(int argc, char **argv, int *i, check_options *o,
                        int *missing, int *error) {
  const char *v;
  if ((v = value_of("-j", argc, argv, i, missing)) ||
      (v = value_of("--jobs", argc, argv, i, missing))) {
    if (parse_jobs(v, &o->jobs) != 0)
      *error = usage_error("-j needs a number from 1 to 1024", v);
  } else if ((v = value_of("--timeout", argc, argv, i, missing))) {
    if (parse_timeout(v, &o->timeout_seconds) != 0)
      *error =
          usage_error("--timeout needs a number of seconds from 1 to 86400", v);
  } else if ((v = value_of("--cache-max-age", argc, argv, i, missing))) {
    o->has_cache_max_age = 1;
    if (parse_max_age(v, &o->cache_max_age) != 0)
      *error = usage_error("--cache-max-age needs a number of days from 0 to "
                           "36500, or 'never'",
                           v);
  } else if ((v = value_of("--format", argc, argv, i, missing))) {
    if (strcmp(v, "text") == 0)
      o->format = FORMAT_TEXT;
    else if (strcmp(v, "json") == 0)
      o->format = FORMAT_JSON;
    else if (strcmp(v, "sarif") == 0)
      o->format = FORMAT_SARIF;
    else
      *error = usage_error("--format must be text, json or sarif", v);
  } else if ((v = value_of("--explain", argc, argv, i, missing))) {
    append(&o->explain, &o->explain_count, v);
  } else if ((v = value_of("--extra-arg", argc, argv, i, missing))) {
    append(&o->extra_args, &o->extra_arg_count, v);
  } else {
    return 0;
  }
  return 1;
}

/* The combinations of --whole-program, --program and their options. */
static int check_whole_program_options(const check_options *o) {
  if (o->whole_program && o->program)
    return usage_error("--program and --whole-program exclude each other "
                       "(--whole-program makes its own database; "
                       "--program-db says where)",
                       o->program);
  if (!o->whole_program && o->program_db)
    return usage_error("--program-db needs --whole-program (to check with an "
                       "existing database, use --program)",
                       o->program_db);
  if (!o->whole_program && o->cache_dir)
    return usage_error("--cache-dir needs --whole-program", o->cache_dir);
  if (!o->whole_program && o->has_cache_max_age)
    return usage_error("--cache-max-age needs --whole-program",
                       "--cache-max-age");
  if (o->whole_program && o->has_flags)
    return usage_error("--whole-program needs a compile database, not '--'",
                       "-p <dir>");
  if (o->whole_program && o->print_clang_command)
    return usage_error("--print-clang-command does not combine with "
                       "--whole-program",
                       "--whole-program");
  return -1;
}

int parse_options(int argc, char **argv, check_options *o) {
  memset(o, 0, sizeof *o);
  o->progress = -1;
  o->cache_max_age = 30;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    int missing = 0, error = 0;
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
    if (parse_switch(arg, o)) {
      continue;
    } else if (strncmp(arg, "-p", 2) == 0 && arg[2] != '\0' && arg[2] != '-') {
      o->database = arg + 2;
    } else if (strncmp(arg, "-j", 2) == 0 && arg[2] != '\0') {
      if (parse_jobs(arg + 2, &o->jobs) != 0)
        return usage_error("-j needs a number from 1 to 1024", arg);
    } else if (parse_string(argc, argv, &i, o, &missing) ||
               parse_valued(argc, argv, &i, o, &missing, &error)) {
      if (error)
        return error;
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
    return usage_error("'--' needs files before it",
                       "sendsync-check file.c -- <flags>");
  if (o->has_flags && o->database)
    return usage_error("-p and '--' exclude each other", o->database);
  return check_whole_program_options(o);
}

void free_options(check_options *o) {
  free(o->explain);
  free(o->extra_args);
  free(o->files);
  free(o->flags);
}
