/* settings.h - what the user may set per session: the command line gives
 * the defaults, initializationOptions and workspace/didChangeConfiguration
 * override them (docs/editors.md):
 *
 *   { "strict": bool, "disable": "id,id" | ["id", ...], "debounce": ms,
 *     "plugin": path, "clang": path, "trustedFolders": [absolute path, ...] }
 *
 * didChangeConfiguration's settings may hold them under "sendsync".
 * trustedFolders, plugin and clang are read from the command line and
 * initializationOptions only: workspace settings can come from the very
 * folder being opened, and these decide which code runs. */
#ifndef SENDSYNC_LSP_SETTINGS_H
#define SENDSYNC_LSP_SETTINGS_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "config.h"

typedef struct settings {
  char *clang;
  char *plugin;
  char *disable; /* "id,id" or NULL */
  int strict;
  int werror;
  long debounce_ms;
  char **trusted; /* absolute, normalised, no trailing '/' */
  size_t trusted_count;
} settings;

/* The command line's values. */
void settings_init(settings *st, const server_config *cfg);
void settings_free(settings *st);
/* Overrides with the members present in obj (initializationOptions or a
 * didChangeConfiguration's settings). Trusted folders, plugin and clang are
 * taken only when allow_trust is set. Returns the number of members it could
 * not use, and names the first in *bad. */
int settings_apply(settings *st, const cJSON *obj, int allow_trust,
                   const char **bad);
/* Adds a trusted folder (an absolute path or a file:// URI). Returns 0, or
 * -1 if it is neither. */
int settings_trust(settings *st, const char *folder);
/* Whether path (absolute, normalised) lies in a trusted folder. */
int settings_trusts(const settings *st, const char *path);

#endif
