/* sendsync-check: runs the sendsync plugin over a project's compile
 * database and reports the findings as text, JSON or SARIF (docs/ci.md).
 *
 * main() is the sequence: options, environment (clang, plugin), which
 * files, run, merge, baseline, report, exit status. */
#define _POSIX_C_SOURCE 200809L
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "baseline.h"
#include "compile_db.h"
#include "locate.h"
#include "options.h"
#include "output.h"
#include "paths.h"
#include "progress.h"
#include "results.h"
#include "run.h"
#include "util.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_ERROR = 2 };

/* The database entries (or hand-made entries) to check. */
typedef struct selection {
  ss_compile_db db;            /* when read from compile_commands.json */
  ss_compile_entry *own;       /* when made from "files -- flags" */
  size_t own_count;
  const ss_compile_entry **entries;
  size_t count;
} selection;

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
      fputs("sendsync-check: no compile_commands.json in this directory or its parents.\n"
            "Generate one (cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or bear -- make) and\n"
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
            "Generate the compile database (cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or\n"
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
              "Check it with its flags instead: sendsync-check %s -- <compile flags>\n",
              o->files[i], s->db.path, o->files[i]);
      return -1;
    }
    select_entry(s, e);
  }
  return 0;
}

static int select_from_flags(const check_options *o, const char *clang, selection *s) {
  char *cwd = ss_path_cwd();
  if (!cwd) {
    perror("sendsync-check: getcwd");
    return -1;
  }
  s->own = ss_xcalloc(o->file_count, sizeof *s->own);
  for (size_t i = 0; i < o->file_count; i++) {
    ss_compile_entry_make(&s->own[i], cwd, clang, o->flags, o->flag_count, o->files[i]);
    s->own_count++;
  }
  for (size_t i = 0; i < s->own_count; i++)
    select_entry(s, &s->own[i]);
  free(cwd);
  return 0;
}

/* --files / --exclude: POSIX extended regexes searched in the file's path
 * relative to the root (or absolute, outside it) and in its absolute path. */
static int filter_entries(const check_options *o, const char *root, selection *s) {
  regex_t files, exclude;
  int rc;
  if (o->files_regex && (rc = regcomp(&files, o->files_regex, REG_EXTENDED | REG_NOSUB))) {
    fprintf(stderr, "sendsync-check: --files: invalid regular expression '%s'\n", o->files_regex);
    return -1;
  }
  if (o->exclude_regex && (rc = regcomp(&exclude, o->exclude_regex, REG_EXTENDED | REG_NOSUB))) {
    fprintf(stderr, "sendsync-check: --exclude: invalid regular expression '%s'\n",
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
      keep = regexec(&files, rel, 0, NULL, 0) == 0 || regexec(&files, abs, 0, NULL, 0) == 0;
    if (keep && o->exclude_regex)
      keep = !(regexec(&exclude, rel, 0, NULL, 0) == 0 || regexec(&exclude, abs, 0, NULL, 0) == 0);
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

static void free_selection(selection *s) {
  ss_compile_db_free(&s->db);
  for (size_t i = 0; i < s->own_count; i++)
    ss_compile_entry_free(&s->own[i]);
  free(s->own);
  free(s->entries);
}

static unsigned default_jobs(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (unsigned)n : 1;
}

static void summary(const check_results *r) {
  size_t errors = 0, warnings = 0;
  for (size_t i = 0; i < r->finding_count; i++) {
    if (r->findings[i].baselined)
      continue;
    if (strcmp(r->findings[i].f.severity, "error") == 0)
      errors++;
    else
      warnings++;
  }
  fprintf(stderr, "sendsync-check: %zu file%s checked, %zu warning%s, %zu error%s", r->files_checked,
          r->files_checked == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", errors,
          errors == 1 ? "" : "s");
  if (r->baselined_count)
    fprintf(stderr, ", %zu baselined", r->baselined_count);
  if (r->failure_count)
    fprintf(stderr, ", %zu file%s failed to compile", r->failure_count,
            r->failure_count == 1 ? "" : "s");
  fputc('\n', stderr);
}

/* An --explain=<type> that no file defines: say so once, not per file. */
static void warn_unexplained(const check_options *o, const check_results *r) {
  for (size_t i = 0; i < o->explain_count; i++) {
    int found = 0;
    for (size_t j = 0; j < r->explanation_count && !found; j++)
      found = strcmp(r->explanations[j].type, o->explain[i]) == 0;
    if (!found)
      fprintf(stderr, "sendsync-check: --explain: no struct, union or typedef named '%s' in the "
                      "checked files\n",
              o->explain[i]);
  }
}

/* --print-clang-command: what each file's clang command would be. */
static void print_commands(const selection *s, const ss_plugin_options *plugin) {
  for (size_t i = 0; i < s->count; i++) {
    ss_argv argv = {0}, dropped = {0};
    ss_plugin_options options = *plugin;
    options.dropped = &dropped;
    ss_clang_command(s->entries[i], &options, &argv);
    printf("# %s\n", s->entries[i]->file);
    for (size_t j = 0; j < argv.n; j++)
      printf("%s\n", argv.v[j]);
    for (size_t j = 0; j < dropped.n; j++)
      printf("# dropped: %s\n", dropped.v[j]);
    ss_argv_free(&argv);
    ss_argv_free(&dropped);
  }
}

/* Once per run, not per file: which flags the filter dropped. */
static void warn_dropped(const check_results *r) {
  char *text = results_dropped_summary(r);
  if (text)
    fprintf(stderr, "sendsync-check: warning: %s\n", text);
  free(text);
}

static int check(const check_options *o) {
  const char *clang = o->clang ? o->clang : SENDSYNC_DEFAULT_CLANG;
  if (!clang_is_runnable(clang)) {
    fprintf(stderr,
            "sendsync-check: clang not found: '%s'.\n"
            "Install clang-%d (apt-get install clang-%d) or pass --clang=<path to the clang "
            "the plugin was built for>.\n",
            clang, SENDSYNC_LLVM_MAJOR, SENDSYNC_LLVM_MAJOR);
    return EXIT_ERROR;
  }
  char *default_plugin = o->plugin ? NULL : default_plugin_path();
  const char *plugin_path = o->plugin ? o->plugin : default_plugin;
  if (!plugin_path || !ss_path_is_file(plugin_path)) {
    fprintf(stderr,
            "sendsync-check: the plugin %s%s%s was not found.\n"
            "Build it (cmake --build <build dir>) or pass --plugin=<path to sendsync.so>.\n",
            plugin_path ? "'" : "", plugin_path ? plugin_path : "sendsync.so (next to this program)",
            plugin_path ? "'" : "");
    free(default_plugin);
    return EXIT_ERROR;
  }
  /* Fail before the (long) run, not after it. */
  if (o->baseline && !ss_path_is_file(o->baseline)) {
    fprintf(stderr,
            "sendsync-check: cannot read the baseline %s: No such file\n"
            "Create one with --write-baseline=%s.\n",
            o->baseline, o->baseline);
    free(default_plugin);
    return EXIT_ERROR;
  }
  char *cwd = ss_path_cwd();
  check_results results = {0};
  results.root = ss_path_absolute(o->root ? o->root : ".", cwd ? cwd : "/");
  free(cwd);
  char *plugin_abs = ss_path_absolute(plugin_path, results.root);

  int rc = EXIT_ERROR;
  selection sel = {0};
  if ((o->has_flags ? select_from_flags(o, clang, &sel) : select_from_database(o, &sel)) != 0 ||
      filter_entries(o, results.root, &sel) != 0)
    goto done;
  if (sel.count == 0)
    fputs("sendsync-check: warning: no files to check\n", stderr);

  ss_plugin_options plugin = {
      .clang = clang,
      .plugin = plugin_abs,
      .strict = o->strict,
      .disable = o->disable,
      .explain = o->explain,
      .explain_count = o->explain_count,
      .extra_args = o->extra_args,
      .extra_arg_count = o->extra_arg_count,
      /* Flags after "--" are the user's own, not a database's. */
      .trust_compile_db = o->trust_compile_db || o->has_flags,
  };
  if (o->print_clang_command) {
    print_commands(&sel, &plugin);
    rc = EXIT_CLEAN;
    goto done;
  }
  unsigned jobs = o->jobs ? o->jobs : default_jobs();
  int show_progress = !o->quiet && progress_wanted(o->progress);
  if (run_all(sel.entries, sel.count, &plugin, jobs, show_progress, &results) != 0)
    goto done;
  results_finish(&results);

  if (o->baseline && baseline_apply(o->baseline, &results) != 0)
    goto done;
  if (o->write_baseline && baseline_write(o->write_baseline, &results) != 0)
    goto done;
  int written = o->format == FORMAT_SARIF  ? output_sarif(o->output, &results, o)
                : o->format == FORMAT_JSON ? output_json(o->output, &results, o)
                                           : output_text(o->output, &results, o);
  if (written != 0)
    goto done;
  warn_unexplained(o, &results);
  warn_dropped(&results);
  if (!o->quiet)
    summary(&results);
  if (o->write_baseline && !o->quiet)
    fprintf(stderr, "sendsync-check: recorded %zu finding%s in %s\n", results.finding_count,
            results.finding_count == 1 ? "" : "s", o->write_baseline);
  /* Writing a baseline accepts the current findings. */
  size_t open_findings = o->write_baseline ? 0 : results_reported(&results);
  rc = open_findings || results.failure_count ? EXIT_FINDINGS : EXIT_CLEAN;
done:
  free_selection(&sel);
  results_free(&results);
  free(plugin_abs);
  free(default_plugin);
  return rc;
}

int main(int argc, char **argv) {
  check_options options;
  int rc = parse_options(argc, argv, &options);
  if (rc < 0)
    rc = check(&options);
  free_options(&options);
  return rc;
}
