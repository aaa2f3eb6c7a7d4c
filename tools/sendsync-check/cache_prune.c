#define _POSIX_C_SOURCE 200809L
#include "cache_prune.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "hash.h"
#include "paths.h"

static int all_of(const char *s, size_t n, int (*is)(int)) {
  for (size_t i = 0; i < n; i++)
    if (!s[i] || !is((unsigned char)s[i]))
      return 0;
  return 1;
}

static int is_lower_hex(int c) { return isdigit(c) || (c >= 'a' && c <= 'f'); }

/* ".tmp-" and letters or digits: a temporary of cache.c or of the plugin. */
static int is_temporary_suffix(const char *s) {
  if (strncmp(s, ".tmp-", 5) != 0 || !s[5])
    return 0;
  return all_of(s + 5, strlen(s + 5), isalnum);
}

static int is_cache_ext(const char *ext, const char *name) {
  size_t n = strlen(name);
  return strncmp(ext, name, n) == 0 &&
         (ext[n] == '\0' || is_temporary_suffix(ext + n));
}

/* <m|r|c>-<hash>.<manifest|a result's extension>, or a temporary of one. */
static int owns_name(const char *name) {
  if (name[0] == '\0' || !strchr("mrc", name[0]) || name[1] != '-' ||
      !all_of(name + 2, SS_HASH_HEX, is_lower_hex) ||
      name[2 + SS_HASH_HEX] != '.')
    return 0;
  const char *ext = name + 3 + SS_HASH_HEX;
  if (is_cache_ext(ext, "manifest"))
    return 1;
  for (size_t i = 0; i < SS_CACHE_RESULT_EXTS; i++)
    if (is_cache_ext(ext, ss_cache_result_exts[i]))
      return 1;
  return 0;
}

/* Returns how many entries are left in `dir`, .gitignore not counted. */
static size_t prune_files(const char *dir, double cutoff, ss_prune_stats *st) {
  DIR *d = opendir(dir);
  if (!d)
    return 1;
  size_t left = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
        strcmp(e->d_name, ".gitignore") == 0)
      continue;
    char *path = ss_path_join(dir, e->d_name);
    struct stat s;
    int old = owns_name(e->d_name) && lstat(path, &s) == 0 &&
              S_ISREG(s.st_mode) && ss_cache_mtime(&s) < cutoff;
    if (old && unlink(path) == 0) {
      st->files++;
      st->bytes += (unsigned long long)s.st_size;
    } else {
      left++;
    }
    free(path);
  }
  closedir(d);
  return left;
}

/* The default cache's folder names: 16 hex digits (whole_program.c). */
static int is_cache_folder_name(const char *name) {
  return strlen(name) == 16 && all_of(name, 16, is_lower_hex);
}

static void prune_siblings(const char *dir, double cutoff, ss_prune_stats *st) {
  char *parent = ss_path_dirname(dir);
  DIR *d = opendir(parent);
  struct dirent *e;
  while (d && (e = readdir(d)) != NULL) {
    char *path = ss_path_join(parent, e->d_name);
    struct stat s;
    if (is_cache_folder_name(e->d_name) && strcmp(path, dir) != 0 &&
        lstat(path, &s) == 0 && S_ISDIR(s.st_mode) &&
        prune_files(path, cutoff, st) == 0) {
      char *ignore = ss_path_join(path, ".gitignore");
      unlink(ignore);
      free(ignore);
      if (rmdir(path) == 0)
        st->folders++;
    }
    free(path);
  }
  if (d)
    closedir(d);
  free(parent);
}

double ss_cache_mark_run_start(const char *dir) {
  char *path = ss_path_join(dir, ".last-run");
  struct stat st;
  double t = -1;
  if (ss_cache_write_atomic(path, "", 0) == 0 && stat(path, &st) == 0)
    t = ss_cache_mtime(&st);
  free(path);
  return t;
}

void ss_cache_prune(const char *dir, double cutoff, int siblings,
                    ss_prune_stats *st) {
  memset(st, 0, sizeof *st);
  prune_files(dir, cutoff, st);
  if (siblings)
    prune_siblings(dir, cutoff, st);
}
