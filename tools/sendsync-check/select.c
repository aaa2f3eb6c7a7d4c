#define _POSIX_C_SOURCE 200809L
#include "select.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clang_command.h"
#include "paths.h"
#include "util.h"

/* Does the entry say, with -x, that its file is C, C++ or Objective-C? */
static int names_c_family(const ss_compile_entry *e) {
  for (size_t i = 1; i + 1 < e->argc; i++) {
    const char *v = e->argv[i + 1];
    if (strcmp(e->argv[i], "-x") == 0 &&
        (strcmp(v, "c") == 0 || strncmp(v, "c-", 2) == 0 ||
         strncmp(v, "c++", 3) == 0 || strcmp(v, "cpp-output") == 0 ||
         strncmp(v, "objective-c", 11) == 0))
      return 1;
  }
  return 0;
}

/* Moves the entries that are no C-family source (assembly: nothing to
 * check, and clang runs no plugin on it) to s->skipped. */
static void skip_other_languages(selection *s) {
  size_t kept = 0;
  for (size_t i = 0; i < s->count; i++) {
    const ss_compile_entry *e = s->entries[i];
    if (ss_is_source_name(e->file) || names_c_family(e)) {
      s->entries[kept++] = e;
      continue;
    }
    s->skipped =
        ss_xrealloc(s->skipped, (s->skipped_count + 1) * sizeof *s->skipped);
    s->skipped[s->skipped_count++] = e;
  }
  s->count = kept;
}

static void select_entry(selection *s, const ss_compile_entry *e) {
  for (size_t i = 0; i < s->count; i++)
    if (strcmp(s->entries[i]->file, e->file) == 0)
      return; /* a file compiled twice is checked once */
  s->entries = ss_xrealloc(s->entries, (s->count + 1) * sizeof *s->entries);
  s->entries[s->count++] = e;
}

static int select_from_database(const check_options *o, selection *s) {
  char *where = NULL;
  if (o->database) {
    where = ss_xstrdup(o->database);
  } else {
    where = ss_compile_db_locate(".");
    if (!where) {
      fputs("sendsync-check: no compile_commands.json in this directory or its "
            "parents.\n"
            "Generate one (cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or bear "
            "-- make) and\n"
            "pass its directory with -p <dir>, or check files directly:\n"
            "  sendsync-check file.c -- <compile flags>\n",
            stderr);
      return -1;
    }
  }
  char *error = NULL;
  if (ss_compile_db_load(where, &s->db, &error) != 0) {
    fprintf(stderr,
            "sendsync-check: %s\n"
            "Generate the compile database (cmake "
            "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or\n"
            "bear -- make) and pass its directory with -p <dir>.\n",
            error);
    free(error);
    free(where);
    return -1;
  }
  free(where);
  if (o->file_count == 0) {
    for (size_t i = 0; i < s->db.count; i++)
      select_entry(s, &s->db.entries[i]);
    return 0;
  }
  for (size_t i = 0; i < o->file_count; i++) {
    const ss_compile_entry *e = ss_compile_db_find(&s->db, o->files[i]);
    if (!e) {
      fprintf(stderr,
              "sendsync-check: %s is not in %s.\n"
              "Check it with its flags instead: sendsync-check %s -- <compile "
              "flags>\n",
              o->files[i], s->db.path, o->files[i]);
      return -1;
    }
    select_entry(s, e);
  }
  return 0;
}

static int select_from_flags(const check_options *o, const char *clang,
                             selection *s) {
  char *cwd = ss_path_cwd();
  if (!cwd) {
    perror("sendsync-check: getcwd");
    return -1;
  }
  s->own = ss_xcalloc(o->file_count, sizeof *s->own);
  for (size_t i = 0; i < o->file_count; i++) {
    ss_compile_entry_make(&s->own[i], cwd, clang, o->flags, o->flag_count,
                          o->files[i]);
    s->own_count++;
  }
  for (size_t i = 0; i < s->own_count; i++)
    select_entry(s, &s->own[i]);
  free(cwd);
  return 0;
}

/* --files / --exclude: POSIX extended regexes searched in the file's path
 * relative to the root (or absolute, outside it) and in its absolute path. */
static int filter_entries(const check_options *o, const char *root,
                          selection *s) {
  regex_t files, exclude;
  int rc;
  if (o->files_regex &&
      (rc = regcomp(&files, o->files_regex, REG_EXTENDED | REG_NOSUB))) {
    fprintf(stderr,
            "sendsync-check: --files: invalid regular expression '%s'\n",
            o->files_regex);
    return -1;
  }
  if (o->exclude_regex &&
      (rc = regcomp(&exclude, o->exclude_regex, REG_EXTENDED | REG_NOSUB))) {
    fprintf(stderr,
            "sendsync-check: --exclude: invalid regular expression '%s'\n",
            o->exclude_regex);
    if (o->files_regex)
      regfree(&files);
    return -1;
  }
  size_t kept = 0;
  for (size_t i = 0; i < s->count; i++) {
    const char *abs = s->entries[i]->file;
    char *rel = ss_path_relative(abs, root);
    int keep = 1;
    if (o->files_regex)
      keep = regexec(&files, rel, 0, NULL, 0) == 0 ||
             regexec(&files, abs, 0, NULL, 0) == 0;
    if (keep && o->exclude_regex)
      keep = !(regexec(&exclude, rel, 0, NULL, 0) == 0 ||
               regexec(&exclude, abs, 0, NULL, 0) == 0);
    free(rel);
    if (keep)
      s->entries[kept++] = s->entries[i];
  }
  s->count = kept;
  if (o->files_regex)
    regfree(&files);
  if (o->exclude_regex)
    regfree(&exclude);
  return 0;
}

void free_selection(selection *s) {
  ss_compile_db_free(&s->db);
  for (size_t i = 0; i < s->own_count; i++)
    ss_compile_entry_free(&s->own[i]);
  free(s->own);
  free(s->entries);
  free(s->skipped);
}

int select_entries(const check_options *o, const char *clang, const char *root,
                   selection *s) {
  if ((o->has_flags ? select_from_flags(o, clang, s)
                    : select_from_database(o, s)) != 0)
    return -1;
  if (filter_entries(o, root, s) != 0)
    return -1;
  skip_other_languages(s);
  return 0;
}
