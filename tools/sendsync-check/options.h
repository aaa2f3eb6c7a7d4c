/* The command line of sendsync-check (see usage() in options.c). */
#ifndef SENDSYNC_CHECK_OPTIONS_H
#define SENDSYNC_CHECK_OPTIONS_H

#include <stddef.h>

typedef enum output_format {
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_SARIF
} output_format;

typedef struct check_options {
  const char
      *database; /* -p: a directory or compile_commands.json; NULL: search */
  unsigned jobs; /* -j; 0: one per core */
  unsigned timeout_seconds; /* --timeout; 0: none */
  int strict;
  const char *disable; /* --disable=id,id */
  output_format format;
  const char *output;         /* --output; NULL: stdout */
  const char *baseline;       /* --baseline */
  const char *write_baseline; /* --write-baseline */
  const char **explain;       /* --explain (repeatable) */
  size_t explain_count;
  int audit;
  const char *clang;         /* --clang; NULL: the default */
  const char *plugin;        /* --plugin; NULL: the default */
  const char *files_regex;   /* --files */
  const char *exclude_regex; /* --exclude */
  const char *root;          /* --root; NULL: the current directory */
  const char *help_uri_base; /* --help-uri-base */
  const char **extra_args;   /* --extra-arg (repeatable) */
  size_t extra_arg_count;
  int quiet;          /* no progress line and no summary */
  int progress;       /* 1 on, 0 off, -1 auto */
  const char **files; /* positional files */
  size_t file_count;
  const char *
      *flags; /* after "--": check `files` with these flags, no database */
  size_t flag_count;
  int has_flags;        /* "--" was given */
  int trust_compile_db; /* --trust-compile-db: keep every flag of the database
                         */
  int print_clang_command; /* --print-clang-command: print the commands, run
                              nothing */
  int whole_program;       /* --whole-program: facts, merge, check */
  const char *program;     /* --program: check with this program database */
  const char *program_db;  /* --program-db: where --whole-program writes it */
  const char *cache_dir;   /* --cache-dir: --whole-program's cache */
  int cache_max_age;       /* --cache-max-age: days an unused entry is kept
                              (default 30); -1: never pruned */
  int has_cache_max_age;   /* --cache-max-age was given */
} check_options;

/* Parses argv. Returns -1 to continue, else the exit code to exit with
 * (after --help or --version: 0; after a usage error: 2). */
int parse_options(int argc, char **argv, check_options *o);
void free_options(check_options *o);

#endif
