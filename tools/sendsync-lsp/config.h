/* config.h - what the command line sets (options.c) and the modules read. */
#ifndef SENDSYNC_LSP_CONFIG_H
#define SENDSYNC_LSP_CONFIG_H

#include <stddef.h>

typedef struct server_config {
  const char *clang;
  const char *plugin;
  const char *doc_base;             /* prefix of codeDescription.href */
  const char *compile_commands_dir; /* NULL: nearest parent, as clangd */
  const char *annotations_dir;      /* added with -idirafter to default flags */
  const char *const
      *plugin_args; /* extra -fplugin-arg-sendsync-... (strict...) */
  size_t plugin_arg_count;
  const char *const *trusted_folders; /* --trusted-folder=, repeatable */
  size_t trusted_folder_count;
  long debounce_ms;
  int wrap;
  char **clangd_argv; /* wrap mode: the command after "--" */
} server_config;

#endif
