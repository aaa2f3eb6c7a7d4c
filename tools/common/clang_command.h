/* Turning a compile database entry into the clang command that runs the
 * sendsync plugin on it:
 *
 *   <clang> <the entry's flags> -fsyntax-only -fplugin=<plugin>
 *           -fplugin-arg-sendsync-json=<json> [plugin args] [extra args] <file>
 *
 * The entry's compiler (argv[0]) is replaced by the plugin's clang, and its
 * flags go through the filter of flag_filter.h: unless `trust_compile_db`
 * is set, only allowlisted flags reach clang, so that a compile database
 * cannot make clang load or run code. Either way, what would write files or
 * stop before semantic analysis is removed (-o <x>, -c, -MD, -MF <x>, ...,
 * -fsyntax-only is added once), and so is the source file itself (added
 * back at the end, so the command checks exactly one file). The plugin
 * arguments, extra_args and the hook's arguments are the tool's own and are
 * added after filtering. */
#ifndef SENDSYNC_CLANG_COMMAND_H
#define SENDSYNC_CLANG_COMMAND_H

#include <stddef.h>

#include "argv.h"
#include "compile_db.h"

/* Called after the plugin arguments, before the source file; may push
 * more arguments (the language server adds -ivfsoverlay <file>). */
typedef void (*ss_argv_hook)(ss_argv *argv, void *context);

typedef struct ss_plugin_options {
  const char *clang;        /* the clang the plugin was built for (required) */
  const char *plugin;       /* path of sendsync.so (required) */
  const char *json_path;    /* -fplugin-arg-sendsync-json=; NULL: none */
  const char *facts_path;   /* -fplugin-arg-sendsync-facts=; NULL: none */
  const char *program_path; /* -fplugin-arg-sendsync-program=; NULL: none */
  const char *depfile_path; /* -MD -MF <path>: the files the preprocessor
                               read (the tool's own, added after filtering);
                               NULL: none */
  int strict;               /* -fplugin-arg-sendsync-strict */
  int werror;               /* -fplugin-arg-sendsync-werror */
  const char *disable;      /* "id,id"; NULL or "": none */
  const char *const *explain; /* types for -fplugin-arg-sendsync-explain= */
  size_t explain_count;
  const char *const *extra_args; /* appended verbatim before the file */
  size_t extra_arg_count;
  ss_argv_hook hook; /* optional, called after extra_args */
  void *hook_context;
  int trust_compile_db; /* 1: keep every flag of the entry */
  ss_argv *dropped; /* optional: receives each flag (with its value) the filter
                       dropped */
} ss_plugin_options;

/* Is `file` named as clang names C, C++ or Objective-C source text or
 * headers (.c, .h, .cpp, .m, .i, ...)? Assembly, ASTs, objects are not. */
int ss_is_source_name(const char *file);

/* Fills *out (which must be zeroed) with the command. Returns 0. */
int ss_clang_command(const ss_compile_entry *entry,
                     const ss_plugin_options *options, ss_argv *out);

#endif
