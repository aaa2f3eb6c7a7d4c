#define _GNU_SOURCE
#include "paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

char *ss_path_normalize(const char *path) {
  size_t len = strlen(path);
  int absolute = path[0] == '/';
  /* Component start offsets in `out`, to pop on "..". */
  size_t *starts = ss_xmalloc((len / 2 + 2) * sizeof *starts);
  size_t depth = 0;
  char *out = ss_xmalloc(len + 2);
  size_t o = 0;
  if (absolute)
    out[o++] = '/';
  size_t leading_dotdots =
      0; /* for relative paths: "../.." that cannot be popped */
  const char *p = path;
  while (*p) {
    while (*p == '/')
      p++;
    if (!*p)
      break;
    const char *end = strchr(p, '/');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n == 1 && p[0] == '.') {
      /* skip */
    } else if (n == 2 && p[0] == '.' && p[1] == '.') {
      if (depth > leading_dotdots) {
        o = starts[--depth];
        if (o > (absolute ? 1u : 0u))
          o--; /* the separator before it */
      } else if (!absolute) {
        if (o > 0)
          out[o++] = '/';
        starts[depth++] = o;
        leading_dotdots++;
        out[o++] = '.';
        out[o++] = '.';
      }
    } else {
      if (o > 0 && out[o - 1] != '/')
        out[o++] = '/';
      starts[depth++] = o;
      memcpy(out + o, p, n);
      o += n;
    }
    p += n;
  }
  if (o == 0)
    out[o++] = '.';
  out[o] = '\0';
  free(starts);
  return out;
}

char *ss_path_join(const char *base, const char *name) {
  size_t n = strlen(base);
  if (n > 0 && base[n - 1] == '/')
    return ss_xasprintf("%s%s", base, name);
  return ss_xasprintf("%s/%s", base, name);
}

char *ss_path_absolute(const char *path, const char *base) {
  if (path[0] == '/')
    return ss_path_normalize(path);
  char *joined = ss_path_join(base, path);
  char *out = ss_path_normalize(joined);
  free(joined);
  return out;
}

char *ss_path_cwd(void) {
  char *cwd = getcwd(NULL, 0);
  if (!cwd)
    return NULL;
  char *out = ss_path_normalize(cwd);
  free(cwd);
  return out;
}

char *ss_path_relative(const char *path, const char *root) {
  size_t n = strlen(root);
  if (n == 1 && root[0] == '/')
    return ss_xstrdup(path[0] == '/' ? path + 1 : path);
  if (strncmp(path, root, n) == 0 && path[n] == '/')
    return ss_xstrdup(path + n + 1);
  return ss_xstrdup(path);
}

char *ss_path_dirname(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash)
    return ss_xstrdup(".");
  if (slash == path)
    return ss_xstrdup("/");
  return ss_xstrndup(path, (size_t)(slash - path));
}

char *ss_path_self_exe(void) {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0)
    return NULL;
  buf[n] = '\0';
  return ss_xstrdup(buf);
}

int ss_path_is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int ss_path_is_executable(const char *path) {
  return ss_path_is_file(path) && access(path, X_OK) == 0;
}

int ss_path_is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
