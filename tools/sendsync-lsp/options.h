/* options.h - sendsync-lsp's command line. */
#ifndef SENDSYNC_LSP_OPTIONS_H
#define SENDSYNC_LSP_OPTIONS_H

#include "config.h"

/* What options_parse allocated (freed by options_free). */
typedef struct options_storage {
  char *plugin;
  const char **plugin_args;
  const char **trusted_folders;
  char *compile_commands_dir;
  char *doc_base; /* defaults found beside the executable */
  char *annotations_dir;
} options_storage;

/* Fills *cfg from argv. Returns -1 to go on, or the exit status when the
 * process is done (--help, --version, a usage error). In wrap mode, an
 * editor's --version probe is answered by exec'ing clangd. */
int options_parse(int argc, char **argv, server_config *cfg,
                  options_storage *st);
void options_free(options_storage *st);

#endif
