/* sendsync-check: runs the sendsync plugin over a project's compile
 * database and reports the findings as text, JSON or SARIF (docs/ci.md).
 *
 * main() is the sequence: options, environment (clang, plugin), which
 * files, run, merge, baseline, report, exit status. */
#define _POSIX_C_SOURCE 200809L
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
#include "select.h"
#include "util.h"
#include "whole_program.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_ERROR = 2 };

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
  fprintf(stderr,
          "sendsync-check: %zu file%s checked, %zu warning%s, %zu error%s",
          r->files_checked, r->files_checked == 1 ? "" : "s", warnings,
          warnings == 1 ? "" : "s", errors, errors == 1 ? "" : "s");
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
      fprintf(stderr,
              "sendsync-check: --explain: no struct, union or typedef named "
              "'%s' in the "
              "checked files\n",
              o->explain[i]);
  }
}

/* One file's command for --print-clang-command. */
static void print_command(const ss_compile_entry *e,
                          const ss_plugin_options *plugin, const char *note) {
  ss_argv argv = {0}, dropped = {0};
  ss_plugin_options options = *plugin;
  options.dropped = &dropped;
  ss_clang_command(e, &options, &argv);
  printf("# %s%s\n", e->file, note);
  for (size_t j = 0; j < argv.n; j++)
    printf("%s\n", argv.v[j]);
  for (size_t j = 0; j < dropped.n; j++)
    printf("# dropped: %s\n", dropped.v[j]);
  ss_argv_free(&argv);
  ss_argv_free(&dropped);
}

/* --print-clang-command: what each file's clang command would be, also for
 * the files a run skips. */
static void print_commands(const selection *s,
                           const ss_plugin_options *plugin) {
  for (size_t i = 0; i < s->count; i++)
    print_command(s->entries[i], plugin, "");
  for (size_t i = 0; i < s->skipped_count; i++)
    print_command(s->skipped[i], plugin,
                  " (skipped: not C, C++ or Objective-C source)");
}

/* Once per run: the database entries that are no C-family source. */
static void note_skipped(const selection *s, const char *root) {
  enum { SHOWN = 5 };
  if (!s->skipped_count)
    return;
  fprintf(stderr,
          "sendsync-check: skipped %zu file%s that %s not C, C++ or "
          "Objective-C source:",
          s->skipped_count, s->skipped_count == 1 ? "" : "s",
          s->skipped_count == 1 ? "is" : "are");
  for (size_t i = 0; i < s->skipped_count && i < SHOWN; i++) {
    char *shown = ss_path_relative(s->skipped[i]->file, root);
    fprintf(stderr, "%s %s", i ? "," : "", shown);
    free(shown);
  }
  if (s->skipped_count > SHOWN)
    fprintf(stderr, " and %zu more", s->skipped_count - SHOWN);
  fputc('\n', stderr);
}

/* Once per run, not per file: which flags the filter dropped. */
static void warn_dropped(const check_results *r) {
  char *text = results_dropped_summary(r);
  if (text)
    fprintf(stderr, "sendsync-check: warning: %s\n", text);
  free(text);
}

/* The clang and plugin to run, found before the (long) run. */
typedef struct environment {
  char *clang;  /* absolute */
  char *plugin; /* absolute */
} environment;

static void free_environment(environment *env) {
  free(env->clang);
  free(env->plugin);
}

/* Finds clang and the plugin and checks the baseline can be read. Returns
 * 0, or -1 after saying what is missing and how to fix it. */
static int find_environment(const check_options *o, const char *root,
                            environment *env) {
  const char *clang_name = o->clang ? o->clang : SENDSYNC_DEFAULT_CLANG;
  env->clang = find_program(clang_name);
  if (!env->clang) {
    fprintf(stderr,
            "sendsync-check: clang not found: '%s'.\n"
            "Install clang-%d (apt-get install clang-%d) or pass --clang=<path "
            "to the clang "
            "the plugin was built for>.\n",
            clang_name, SENDSYNC_LLVM_MAJOR, SENDSYNC_LLVM_MAJOR);
    return -1;
  }
  char *default_plugin = o->plugin ? NULL : default_plugin_path();
  const char *plugin_path = o->plugin ? o->plugin : default_plugin;
  if (!plugin_path || !ss_path_is_file(plugin_path)) {
    fprintf(stderr,
            "sendsync-check: the plugin %s%s%s was not found.\n"
            "Build it (cmake --build <build dir>) or pass --plugin=<path to "
            "sendsync.so>.\n",
            plugin_path ? "'" : "",
            plugin_path ? plugin_path : "sendsync.so (next to this program)",
            plugin_path ? "'" : "");
    free(default_plugin);
    return -1;
  }
  env->plugin = ss_path_absolute(plugin_path, root);
  free(default_plugin);
  if (o->baseline && !ss_path_is_file(o->baseline)) {
    fprintf(stderr,
            "sendsync-check: cannot read the baseline %s: No such file\n"
            "Create one with --write-baseline=%s.\n",
            o->baseline, o->baseline);
    return -1;
  }
  return 0;
}

/* Baseline, report, warnings and summary; returns the exit status. */
static int report(const check_options *o, check_results *results) {
  if (o->baseline && baseline_apply(o->baseline, results) != 0)
    return EXIT_ERROR;
  if (o->write_baseline && baseline_write(o->write_baseline, results) != 0)
    return EXIT_ERROR;
  int written = o->format == FORMAT_SARIF  ? output_sarif(o->output, results, o)
                : o->format == FORMAT_JSON ? output_json(o->output, results, o)
                                           : output_text(o->output, results, o);
  if (written != 0)
    return EXIT_ERROR;
  warn_unexplained(o, results);
  warn_dropped(results);
  if (!o->quiet)
    summary(results);
  if (o->write_baseline && !o->quiet)
    fprintf(stderr, "sendsync-check: recorded %zu finding%s in %s\n",
            results->finding_count, results->finding_count == 1 ? "" : "s",
            o->write_baseline);
  /* Writing a baseline accepts the current findings. */
  size_t open_findings = o->write_baseline ? 0 : results_reported(results);
  return open_findings || results->failure_count ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* --program: the database, absolute (clang runs in each entry's
 * directory); NULL without --program, or after saying it is missing. */
static char *program_path(const check_options *o) {
  if (!o->program)
    return NULL;
  if (!ss_path_is_file(o->program)) {
    fprintf(stderr,
            "sendsync-check: cannot read the program database '%s': No such "
            "file\nMake one with sendsync-check --whole-program or "
            "sendsync-merge.\n",
            o->program);
    return NULL;
  }
  char *cwd = ss_path_cwd();
  char *path = ss_path_absolute(o->program, cwd ? cwd : "/");
  free(cwd);
  return path;
}

static int check(const check_options *o) {
  char *cwd = ss_path_cwd();
  check_results results = {0};
  results.root = ss_path_absolute(o->root ? o->root : ".", cwd ? cwd : "/");
  free(cwd);
  environment env = {0};
  selection sel = {0};
  char *program = NULL;
  int rc = EXIT_ERROR;
  if (find_environment(o, results.root, &env) != 0 ||
      select_entries(o, env.clang, results.root, &sel) != 0)
    goto done;
  if (!o->quiet)
    note_skipped(&sel, results.root);
  if (sel.count == 0)
    fputs("sendsync-check: warning: no files to check\n", stderr);

  program = program_path(o);
  if (o->program && !program)
    goto done;
  ss_plugin_options plugin = {
      .clang = env.clang,
      .plugin = env.plugin,
      .strict = o->strict,
      .disable = o->disable,
      .explain = o->explain,
      .explain_count = o->explain_count,
      .extra_args = o->extra_args,
      .extra_arg_count = o->extra_arg_count,
      /* Flags after "--" are the user's own, not a database's. */
      .trust_compile_db = o->trust_compile_db || o->has_flags,
      .program_path = program,
  };
  if (o->print_clang_command) {
    print_commands(&sel, &plugin);
    rc = EXIT_CLEAN;
    goto done;
  }
  run_config config = {
      .jobs = o->jobs ? o->jobs : default_jobs(),
      .show_progress = !o->quiet && progress_wanted(o->progress),
      .timeout_seconds = o->timeout_seconds,
  };
  int ran = o->whole_program
                ? whole_program_run(o, &sel, &plugin, &config, &results)
                : run_all(sel.entries, sel.count, &plugin, &config, &results);
  if (ran == 0) {
    results_finish(&results);
    rc = report(o, &results);
  }
done:
  free(program);
  free_selection(&sel);
  results_free(&results);
  free_environment(&env);
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
