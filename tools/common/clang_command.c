#include "clang_command.h"

#include "flag_filter.h"

int ss_clang_command(const ss_compile_entry *entry, const ss_plugin_options *options,
                     ss_argv *out) {
  ss_argv_push(out, options->clang);
  ss_flag_filter filter = {
      .directory = entry->directory,
      .source_file = entry->file,
      .trust = options->trust_compile_db,
  };
  if (entry->argc > 1)
    ss_flag_filter_run(&filter, (const char *const *)entry->argv + 1, entry->argc - 1, out,
                       options->dropped);
  ss_argv_push(out, "-fsyntax-only");
  ss_argv_pushf(out, "-fplugin=%s", options->plugin);
  if (options->json_path)
    ss_argv_pushf(out, "-fplugin-arg-sendsync-json=%s", options->json_path);
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
  if (options->hook)
    options->hook(out, options->hook_context);
  ss_argv_push(out, entry->file);
  return 0;
}
