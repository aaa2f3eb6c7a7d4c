#include "clang_command.h"

#include <stdlib.h>
#include <string.h>

#include "paths.h"

static int is_any(const char *arg, const char *const *list) {
  for (; *list; list++)
    if (strcmp(arg, *list) == 0)
      return 1;
  return 0;
}

static int starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Flags that write files or stop before semantic analysis, alone. */
static const char *const dropped_alone[] = {
    "-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", "-MV",
    "-fsyntax-only", "-save-temps", "-emit-llvm", "-emit-ast", "-pipe", NULL};
/* Flags whose value is the next argument (or joined: -MFdeps.d). */
static const char *const dropped_with_value[] = {
    "-o", "-MF", "-MT", "-MQ", "--serialize-diagnostics", "-MJ", NULL};

/* The project may already load the plugin itself (sendsync_enable() puts
 * -fplugin= into every compile command): that copy and its arguments would
 * be loaded twice, so they go; the tool's options decide. */
static int is_sendsync_plugin_flag(const char *arg) {
  if (starts_with(arg, "-fplugin-arg-sendsync-"))
    return 1;
  if (starts_with(arg, "-fplugin=")) {
    const char *path = arg + strlen("-fplugin=");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    return starts_with(base, "sendsync");
  }
  return 0;
}

static int is_joined_value_flag(const char *arg) {
  for (const char *const *f = dropped_with_value; *f; f++)
    if ((*f)[1] != '-' && starts_with(arg, *f) && strlen(arg) > strlen(*f))
      return 1;
  return 0;
}

int ss_clang_command(const ss_compile_entry *entry, const ss_plugin_options *options,
                     ss_argv *out) {
  ss_argv_push(out, options->clang);
  for (size_t i = 1; i < entry->argc; i++) {
    const char *arg = entry->argv[i];
    if (is_any(arg, dropped_with_value)) {
      i++; /* and its value */
      continue;
    }
    if (is_any(arg, dropped_alone) || starts_with(arg, "-save-temps=") ||
        is_joined_value_flag(arg) || is_sendsync_plugin_flag(arg))
      continue;
    if (arg[0] != '-') {
      /* The entry's own source file is added back at the end. */
      char *abs = ss_path_absolute(arg, entry->directory);
      int is_source = strcmp(abs, entry->file) == 0;
      free(abs);
      if (is_source)
        continue;
    }
    ss_argv_push(out, arg);
  }
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
