#include "clang_command.h"

#include <string.h>

#include "flag_filter.h"

int ss_is_source_name(const char *file) {
  static const char *const extensions[] = {
      "c",   "i", "h",  "cc", "cp",  "cxx", "cpp", "CPP",
      "c++", "C", "ii", "hh", "hpp", "hxx", "h++", "H",
      "hp",  "m", "mi", "mm", "M",   "mii", NULL};
  const char *base = strrchr(file, '/');
  const char *dot = strrchr(base ? base : file, '.');
  if (!dot)
    return 0;
  for (const char *const *e = extensions; *e; e++)
    if (strcmp(dot + 1, *e) == 0)
      return 1;
  return 0;
}

/* Does the last -x of the command name a language ("-x none" does not)? */
static int has_language(const ss_argv *argv) {
  const char *language = NULL;
  for (size_t i = 1; i < argv->n; i++) {
    if (strcmp(argv->v[i], "-x") == 0 && i + 1 < argv->n)
      language = argv->v[++i];
    else if (strncmp(argv->v[i], "-x", 2) == 0)
      language = argv->v[i] + 2;
  }
  return language && strcmp(language, "none") != 0;
}

int ss_clang_command(const ss_compile_entry *entry,
                     const ss_plugin_options *options, ss_argv *out) {
  ss_argv_push(out, options->clang);
  ss_flag_filter filter = {
      .directory = entry->directory,
      .source_file = entry->file,
      .trust = options->trust_compile_db,
  };
  if (entry->argc > 1)
    ss_flag_filter_run(&filter, (const char *const *)entry->argv + 1,
                       entry->argc - 1, out, options->dropped);
  ss_argv_push(out, "-fsyntax-only");
  ss_argv_pushf(out, "-fplugin=%s", options->plugin);
  if (options->json_path)
    ss_argv_pushf(out, "-fplugin-arg-sendsync-json=%s", options->json_path);
  if (options->facts_path)
    ss_argv_pushf(out, "-fplugin-arg-sendsync-facts=%s", options->facts_path);
  if (options->program_path)
    ss_argv_pushf(out, "-fplugin-arg-sendsync-program=%s",
                  options->program_path);
  if (options->depfile_path) {
    ss_argv_push(out, "-MD");
    ss_argv_push(out, "-MF");
    ss_argv_push(out, options->depfile_path);
  }
  if (options->strict)
    ss_argv_push(out, "-fplugin-arg-sendsync-strict");
  if (options->werror)
    ss_argv_push(out, "-fplugin-arg-sendsync-werror");
  if (options->disable && options->disable[0])
    ss_argv_pushf(out, "-fplugin-arg-sendsync-disable=%s", options->disable);
  for (size_t i = 0; i < options->explain_count; i++)
    ss_argv_pushf(out, "-fplugin-arg-sendsync-explain=%s", options->explain[i]);
  for (size_t i = 0; i < options->extra_arg_count; i++)
    ss_argv_push(out, options->extra_args[i]);
  /* Unless trusted, the file is read as source text: clang deserializes a
   * file named .ast, .pch or .pcm as a binary AST (and takes an unknown
   * extension for a linker input, which checks nothing). */
  if (!options->trust_compile_db && !ss_is_source_name(entry->file) &&
      !has_language(out)) {
    ss_argv_push(out, "-x");
    ss_argv_push(out, "c");
  }
  if (options->hook)
    options->hook(out, options->hook_context);
  ss_argv_push(out, entry->file);
  return 0;
}
