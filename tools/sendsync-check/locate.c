#define _POSIX_C_SOURCE 200809L
#include "locate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "util.h"

/* <dir of this executable>/../<relative>, normalised; NULL if unknown. */
static char *beside_exe(const char *relative) {
  char *exe = ss_path_self_exe();
  if (!exe)
    return NULL;
  char *bin = ss_path_dirname(exe);
  char *joined = ss_xasprintf("%s/../%s", bin, relative);
  char *out = ss_path_normalize(joined);
  free(exe);
  free(bin);
  free(joined);
  return out;
}

static char *first_existing(char *candidate, int (*exists)(const char *)) {
  if (candidate && exists(candidate))
    return candidate;
  free(candidate);
  return NULL;
}

char *default_plugin_path(void) {
  char installed[64];
  snprintf(installed, sizeof installed, "lib/sendsync/sendsync-%d.so", SENDSYNC_LLVM_MAJOR);
  char *found = first_existing(beside_exe(installed), ss_path_is_file);
  if (!found)
    found = first_existing(beside_exe("lib/sendsync.so"), ss_path_is_file);
  return found;
}

char *default_docs_dir(void) {
  char *found = first_existing(beside_exe("share/doc/sendsync/checks"), ss_path_is_dir);
  if (!found) /* "" (no source tree known) is no directory */
    found = first_existing(ss_xstrdup(SENDSYNC_SOURCE_DOCS_DIR), ss_path_is_dir);
  return found;
}

int clang_is_runnable(const char *clang) {
  if (strchr(clang, '/'))
    return ss_path_is_executable(clang);
  const char *path = getenv("PATH");
  if (!path)
    return 0;
  int found = 0;
  char *copy = ss_xstrdup(path);
  for (char *save = NULL, *dir = strtok_r(copy, ":", &save); dir && !found;
       dir = strtok_r(NULL, ":", &save)) {
    char *candidate = ss_path_join(dir, clang);
    found = ss_path_is_executable(candidate);
    free(candidate);
  }
  free(copy);
  return found;
}
