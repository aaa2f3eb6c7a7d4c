#include "compile_db.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "argv.h"
#include "paths.h"
#include "util.h"

#define DB_NAME "compile_commands.json"

/* The directory holding compile_commands.json (or, with `also_build`,
 * build/compile_commands.json) nearest to `start`, walking up to "/". */
static char *locate(const char *start, int also_build) {
  char *cwd = ss_path_cwd();
  if (!cwd)
    return NULL;
  char *dir = ss_path_absolute(start, cwd);
  free(cwd);
  if (!ss_path_is_dir(dir)) {
    char *parent = ss_path_dirname(dir);
    free(dir);
    dir = parent;
  }
  for (;;) {
    char *candidate = ss_path_join(dir, DB_NAME);
    int found = ss_path_is_file(candidate);
    free(candidate);
    if (found)
      return dir;
    if (also_build) {
      char *build = ss_path_join(dir, "build");
      candidate = ss_path_join(build, DB_NAME);
      found = ss_path_is_file(candidate);
      free(candidate);
      if (found) {
        free(dir);
        return build;
      }
      free(build);
    }
    if (strcmp(dir, "/") == 0)
      break;
    char *parent = ss_path_dirname(dir);
    free(dir);
    dir = parent;
  }
  free(dir);
  return NULL;
}

char *ss_compile_db_locate(const char *start) { return locate(start, 0); }

char *ss_compile_db_locate_like_clangd(const char *start) {
  return locate(start, 1);
}

static const char *string_member(const cJSON *object, const char *name) {
  const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
  return cJSON_IsString(item) ? item->valuestring : NULL;
}

/* Reads one entry. Returns NULL on success, else a malloc'd reason. */
static char *read_entry(const cJSON *item, ss_compile_entry *e) {
  if (!cJSON_IsObject(item))
    return ss_xstrdup("an entry is not an object");
  const char *directory = string_member(item, "directory");
  const char *file = string_member(item, "file");
  if (!directory || !file)
    return ss_xstrdup("an entry lacks \"directory\" or \"file\"");
  ss_argv argv = {0};
  const cJSON *arguments = cJSON_GetObjectItemCaseSensitive(item, "arguments");
  const char *command = string_member(item, "command");
  if (cJSON_IsArray(arguments)) {
    const cJSON *arg;
    cJSON_ArrayForEach(arg, arguments) {
      if (!cJSON_IsString(arg)) {
        ss_argv_free(&argv);
        return ss_xasprintf("the \"arguments\" of %s contain a non-string",
                            file);
      }
      ss_argv_push(&argv, arg->valuestring);
    }
  } else if (command) {
    if (ss_argv_split_command(command, &argv) != 0) {
      ss_argv_free(&argv);
      return ss_xasprintf("the \"command\" of %s has an unterminated quote",
                          file);
    }
  } else {
    return ss_xasprintf(
        "the entry for %s has neither \"arguments\" nor \"command\"", file);
  }
  if (argv.n == 0) {
    ss_argv_free(&argv);
    return ss_xasprintf("the entry for %s has an empty command", file);
  }
  char *cwd = ss_path_cwd();
  e->directory = ss_path_absolute(directory, cwd ? cwd : "/");
  free(cwd);
  e->file = ss_path_absolute(file, e->directory);
  e->argv = argv.v;
  e->argc = argv.n;
  return NULL;
}

int ss_compile_db_load(const char *path, ss_compile_db *db, char **error) {
  memset(db, 0, sizeof *db);
  char *cwd = ss_path_cwd();
  char *file = ss_path_absolute(path, cwd ? cwd : "/");
  free(cwd);
  if (ss_path_is_dir(file)) {
    char *inside = ss_path_join(file, DB_NAME);
    free(file);
    file = inside;
  }
  char *text = ss_read_file(file, NULL);
  if (!text) {
    *error = ss_xasprintf("cannot read %s: %s", file, strerror(errno));
    free(file);
    return -1;
  }
  cJSON *root = cJSON_Parse(text);
  free(text);
  if (!cJSON_IsArray(root)) {
    *error = ss_xasprintf("%s is not a JSON array of compile commands%s", file,
                          root ? "" : " (invalid JSON)");
    cJSON_Delete(root);
    free(file);
    return -1;
  }
  size_t n = (size_t)cJSON_GetArraySize(root);
  db->entries = ss_xcalloc(n, sizeof *db->entries);
  const cJSON *item;
  cJSON_ArrayForEach(item, root) {
    char *reason = read_entry(item, &db->entries[db->count]);
    if (reason) {
      *error = ss_xasprintf("%s: %s", file, reason);
      free(reason);
      cJSON_Delete(root);
      free(file);
      ss_compile_db_free(db);
      return -1;
    }
    db->count++;
  }
  cJSON_Delete(root);
  db->path = file;
  return 0;
}

const ss_compile_entry *ss_compile_db_find(const ss_compile_db *db,
                                           const char *file) {
  char *cwd = ss_path_cwd();
  char *wanted = ss_path_absolute(file, cwd ? cwd : "/");
  free(cwd);
  const ss_compile_entry *found = NULL;
  for (size_t i = 0; i < db->count && !found; i++)
    if (strcmp(db->entries[i].file, wanted) == 0)
      found = &db->entries[i];
  free(wanted);
  return found;
}

int ss_compile_entry_make(ss_compile_entry *e, const char *directory,
                          const char *compiler, const char *const *flags,
                          size_t flag_count, const char *file) {
  ss_argv argv = {0};
  ss_argv_push(&argv, compiler);
  for (size_t i = 0; i < flag_count; i++)
    ss_argv_push(&argv, flags[i]);
  ss_argv_push(&argv, file);
  e->directory = ss_path_normalize(directory);
  e->file = ss_path_absolute(file, e->directory);
  e->argv = argv.v;
  e->argc = argv.n;
  return 0;
}

void ss_compile_entry_free(ss_compile_entry *e) {
  for (size_t i = 0; i < e->argc; i++)
    free(e->argv[i]);
  free(e->argv);
  free(e->directory);
  free(e->file);
  memset(e, 0, sizeof *e);
}

void ss_compile_db_free(ss_compile_db *db) {
  for (size_t i = 0; i < db->count; i++)
    ss_compile_entry_free(&db->entries[i]);
  free(db->entries);
  free(db->path);
  memset(db, 0, sizeof *db);
}
