#define _POSIX_C_SOURCE 200809L
#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "Version.h"
#include "depfile.h"
#include "paths.h"
#include "util.h"

#define MANIFEST_HEADER "sendsync-manifest 1\n"
#define META_FORMAT "sendsync-result 1\nstatus %d\nexit %d\n"

/* What identifies a program file without reading it. */
static void hash_program(ss_hasher *h, const char *path) {
  struct stat st;
  ss_hash_str(h, path);
  if (stat(path, &st) != 0)
    return;
  char id[96];
  snprintf(id, sizeof id, "%lld:%lld.%09ld", (long long)st.st_size,
           (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
  ss_hash_str(h, id);
}

/* Marks a cache file used now: pruning (cache_prune.h) keeps it. */
static void touch(const char *path) { utimensat(AT_FDCWD, path, NULL, 0); }

const char *const ss_cache_result_exts[SS_CACHE_RESULT_EXTS] = {"meta", "json",
                                                                "out", "facts"};

double ss_cache_mtime(const struct stat *st) {
  return (double)st->st_mtim.tv_sec + (double)st->st_mtim.tv_nsec / 1e9;
}

static void touch_entry(const ss_cache *c, const char *prefix,
                        const char *key) {
  for (size_t i = 0; i < SS_CACHE_RESULT_EXTS; i++) {
    char *path = ss_cache_path(c, prefix, key, ss_cache_result_exts[i]);
    touch(path);
    free(path);
  }
}

static int make_dirs(const char *dir) {
  if (ss_path_is_dir(dir))
    return 0;
  char *parent = ss_path_dirname(dir);
  int rc = strcmp(parent, dir) != 0 ? make_dirs(parent) : 0;
  free(parent);
  if (rc == 0 && mkdir(dir, 0777) != 0 && errno != EEXIST)
    rc = -1;
  return rc;
}

int ss_cache_open(ss_cache *c, const char *dir, const char *clang,
                  const char *plugin) {
  memset(c, 0, sizeof *c);
  if (make_dirs(dir) != 0) {
    fprintf(stderr,
            "sendsync-check: cannot create the cache directory '%s': %s "
            "(pass --cache-dir=<dir>)\n",
            dir, strerror(errno));
    return -1;
  }
  c->dir = ss_xstrdup(dir);
  char *ignore = ss_path_join(dir, ".gitignore");
  if (!ss_path_is_file(ignore))
    ss_cache_write_atomic(ignore, "*\n", 2);
  free(ignore);
  ss_hasher h;
  ss_hash_init(&h);
  ss_hash_str(&h, "sendsync-check-cache-v1 " SENDSYNC_VERSION);
  hash_program(&h, clang);
  hash_program(&h, plugin);
  ss_hash_hex(&h, c->tool);
  return 0;
}

void ss_cache_close(ss_cache *c) {
  ss_strmap_free(&c->file_hashes, free);
  free(c->dir);
  memset(c, 0, sizeof *c);
}

char *ss_cache_path(const ss_cache *c, const char *prefix, const char *key,
                    const char *ext) {
  return ss_xasprintf("%s/%s-%s.%s", c->dir, prefix, key, ext);
}

void ss_cache_command_key(const ss_cache *c, const ss_compile_entry *e,
                          const ss_plugin_options *options,
                          char out[SS_HASH_HEX + 1]) {
  /* The per-run paths are placeholders: they do not change the result. */
  ss_plugin_options o = *options;
  o.json_path = "@JSON";
  o.facts_path = "@FACTS";
  o.depfile_path = "@DEPS";
  o.program_path = NULL;
  o.dropped = NULL;
  ss_argv argv = {0};
  ss_clang_command(e, &o, &argv);
  ss_hasher h;
  ss_hash_init(&h);
  ss_hash_str(&h, c->tool);
  ss_hash_str(&h, e->directory);
  for (size_t i = 0; i < argv.n; i++)
    ss_hash_str(&h, argv.v[i]);
  ss_argv_free(&argv);
  ss_hash_hex(&h, out);
}

/* A file's content hash as remembered for the rest of the run, with the
 * file's size and modification time when it was read. */
typedef struct file_hash_entry {
  char hex[SS_HASH_HEX + 1]; /* "" if it cannot be read */
  struct timespec mtime;
  off_t size;
} file_hash_entry;

static int same_stat(const file_hash_entry *e, const struct stat *st) {
  return e->size == st->st_size && e->mtime.tv_sec == st->st_mtim.tv_sec &&
         e->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

/* The content hash of a file ("" if it cannot be read). Read once per run,
 * and again when its size or modification time changed since. */
static const char *file_hash(ss_cache *c, const char *path) {
  struct stat st;
  int exists = stat(path, &st) == 0;
  file_hash_entry *e = ss_strmap_get(&c->file_hashes, path);
  if (e && exists && same_stat(e, &st))
    return e->hex;
  if (!e) {
    e = ss_xcalloc(1, sizeof *e);
    ss_strmap_put(&c->file_hashes, path, e);
  }
  e->hex[0] = '\0';
  if (exists) {
    e->mtime = st.st_mtim;
    e->size = st.st_size;
    if (ss_hash_file(path, e->hex) != 0)
      e->hex[0] = '\0';
  }
  return e->hex;
}

static void key_of(const char *command, const char *manifest,
                   char key[SS_HASH_HEX + 1]) {
  ss_hasher h;
  ss_hash_init(&h);
  ss_hash_str(&h, command);
  ss_hash_str(&h, manifest);
  ss_hash_hex(&h, key);
}

/* Does every "<hash> <path>" line still hold? */
static int manifest_holds(ss_cache *c, const char *text) {
  size_t header = strlen(MANIFEST_HEADER);
  if (strncmp(text, MANIFEST_HEADER, header) != 0)
    return 0;
  const char *line = text + header;
  int lines = 0;
  while (*line) {
    const char *end = strchr(line, '\n');
    if (!end || end - line < SS_HASH_HEX + 2 || line[SS_HASH_HEX] != ' ')
      return 0;
    char *path = ss_xstrndup(line + SS_HASH_HEX + 1,
                             (size_t)(end - line) - SS_HASH_HEX - 1);
    const char *now = file_hash(c, path);
    int same = now[0] && strncmp(now, line, SS_HASH_HEX) == 0;
    free(path);
    if (!same)
      return 0;
    lines++;
    line = end + 1;
  }
  return lines > 0;
}

int ss_cache_lookup_key(ss_cache *c, const char *command,
                        char key[SS_HASH_HEX + 1]) {
  char *path = ss_cache_path(c, "m", command, "manifest");
  char *text = ss_read_file(path, NULL);
  int hit = text && manifest_holds(c, text);
  if (hit) {
    key_of(command, text, key);
    touch(path);
  }
  free(path);
  free(text);
  return hit;
}

static int modified_since(const char *path, double started) {
  struct stat st;
  if (stat(path, &st) != 0)
    return 1;
  return ss_cache_mtime(&st) >= started;
}

/* The manifest text for the files the dependency file names, or NULL. */
static char *manifest_of(ss_cache *c, const char *depfile,
                         const char *directory, double started) {
  char *text = ss_read_file(depfile, NULL);
  ss_argv deps = {0};
  int ok = text && ss_depfile_parse(text, directory, &deps) == 0 && deps.n;
  free(text);
  ss_buf b = {0};
  ss_buf_puts(&b, MANIFEST_HEADER);
  for (size_t i = 0; ok && i < deps.n; i++) {
    const char *hex = file_hash(c, deps.v[i]);
    if (!hex[0] || strchr(deps.v[i], '\n') ||
        modified_since(deps.v[i], started))
      ok = 0;
    else
      ss_buf_printf(&b, "%s %s\n", hex, deps.v[i]);
  }
  ss_argv_free(&deps);
  char *manifest = ss_buf_take(&b);
  if (ok)
    return manifest;
  free(manifest);
  return NULL;
}

int ss_cache_record_inputs(ss_cache *c, const char *command,
                           const char *depfile, const char *directory,
                           double started, char key[SS_HASH_HEX + 1]) {
  char *manifest = manifest_of(c, depfile, directory, started);
  if (!manifest)
    return -1;
  char *path = ss_cache_path(c, "m", command, "manifest");
  int rc = ss_cache_write_atomic(path, manifest, strlen(manifest));
  free(path);
  if (rc == 0)
    key_of(command, manifest, key);
  free(manifest);
  return rc;
}

int ss_cache_load_result(const ss_cache *c, const char *prefix, const char *key,
                         const char *directory, ss_tu_result *r) {
  memset(r, 0, sizeof *r);
  char *meta_path = ss_cache_path(c, prefix, key, "meta");
  char *json_path = ss_cache_path(c, prefix, key, "json");
  char *out_path = ss_cache_path(c, prefix, key, "out");
  char *meta = ss_read_file(meta_path, NULL);
  int status = -1, exit_code = 0;
  char *expected = NULL, *error = NULL;
  if (meta && sscanf(meta, META_FORMAT, &status, &exit_code) == 2)
    expected = ss_xasprintf(META_FORMAT, status, exit_code);
  int ok = expected && strcmp(expected, meta) == 0 &&
           (status == SS_TU_OK || status == SS_TU_COMPILE_ERRORS) &&
           (r->output = ss_read_file(out_path, NULL)) != NULL &&
           ss_report_read_file(json_path, &r->report, &error) == 0;
  if (ok) {
    r->has_report = 1;
    r->status = (ss_tu_status)status;
    r->exit_code = exit_code;
    ss_report_absolutize(&r->report, directory);
    touch_entry(c, prefix, key);
  } else {
    ss_tu_result_free(r);
  }
  free(error);
  free(expected);
  free(meta);
  free(meta_path);
  free(json_path);
  free(out_path);
  return ok ? 0 : -1;
}

int ss_cache_save_result(const ss_cache *c, const char *prefix, const char *key,
                         const ss_tu_result *r) {
  if (!r->has_report ||
      (r->status != SS_TU_OK && r->status != SS_TU_COMPILE_ERRORS))
    return -1;
  char *out_path = ss_cache_path(c, prefix, key, "out");
  char *meta_path = ss_cache_path(c, prefix, key, "meta");
  char *meta = ss_xasprintf(META_FORMAT, (int)r->status, r->exit_code);
  const char *output = r->output ? r->output : "";
  int rc = ss_cache_write_atomic(out_path, output, strlen(output));
  if (rc == 0)
    rc = ss_cache_write_atomic(meta_path, meta, strlen(meta));
  free(meta);
  free(meta_path);
  free(out_path);
  return rc;
}

int ss_cache_write_atomic(const char *path, const char *text, size_t size) {
  char *tmp = ss_xasprintf("%s.tmp-%ld", path, (long)getpid());
  FILE *f = fopen(tmp, "wb");
  int ok = f && fwrite(text, 1, size, f) == size;
  if (f && fclose(f) != 0)
    ok = 0;
  if (ok && rename(tmp, path) != 0)
    ok = 0;
  if (!ok)
    unlink(tmp);
  free(tmp);
  return ok ? 0 : -1;
}
