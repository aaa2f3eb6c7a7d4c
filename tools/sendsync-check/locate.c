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
  snprintf(installed, sizeof installed, "lib/sendsync/sendsync-%d.so",
           SENDSYNC_LLVM_MAJOR);
  char *found = first_existing(beside_exe(installed), ss_path_is_file);
  if (!found)
    found = first_existing(beside_exe("lib/sendsync.so"), ss_path_is_file);
  return found;
}

char *default_docs_dir(void) {
  char *found =
      first_existing(beside_exe("share/doc/sendsync/checks"), ss_path_is_dir);
  if (!found) /* "" (no source tree known) is no directory */
    found =
        first_existing(ss_xstrdup(SENDSYNC_SOURCE_DOCS_DIR), ss_path_is_dir);
  return found;
}

char *find_program(const char *name) {
  if (!name[0])
    return NULL;
  if (strchr(name, '/')) {
    char *cwd = ss_path_cwd();
    char *abs = ss_path_absolute(name, cwd ? cwd : "/");
    free(cwd);
    return first_existing(abs, ss_path_is_executable);
  }
  const char *path = getenv("PATH");
  if (!path)
    return NULL;
  char *found = NULL;
  char *copy = ss_xstrdup(path);
  for (char *save = NULL, *dir = strtok_r(copy, ":", &save); dir && !found;
       dir = strtok_r(NULL, ":", &save)) {
    if (dir[0] != '/')
      continue; /* a relative PATH entry would depend on the compile's directory
                 */
    found = first_existing(ss_path_join(dir, name), ss_path_is_executable);
  }
  free(copy);
  return found;
}
