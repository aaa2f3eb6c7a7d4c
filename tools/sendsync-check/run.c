#define _POSIX_C_SOURCE 200809L
#include "run.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "fingerprint.h"
#include "progress.h"
#include "util.h"

/* Counts distinct findings for the progress line: a header's finding seen
 * from several files counts once, as in the report. */
typedef struct seen_set {
  uint64_t *keys;
  size_t count;
} seen_set;

static size_t count_new(seen_set *seen, const ss_report *report) {
  size_t added = 0;
  for (size_t i = 0; i < report->finding_count; i++) {
    const ss_finding *f = &report->findings[i];
    char position[32];
    snprintf(position, sizeof position, ":%u:%u:", f->location.line,
             f->location.column);
    uint64_t key =
        ss_fnv1a(SS_FNV_OFFSET, f->location.file, strlen(f->location.file));
    key = ss_fnv1a(key, position, strlen(position));
    key = ss_fnv1a(key, f->check, strlen(f->check) + 1);
    key = ss_fnv1a(key, f->message, strlen(f->message));
    size_t j = 0;
    while (j < seen->count && seen->keys[j] != key)
      j++;
    if (j < seen->count)
      continue;
    seen->keys =
        ss_xrealloc(seen->keys, (seen->count + 1) * sizeof *seen->keys);
    seen->keys[seen->count++] = key;
    added++;
  }
  return added;
}

/* Says what went wrong with the environment, and how to fix it. */
static void report_environment_error(const ss_tu_result *r,
                                     const ss_plugin_options *plugin,
                                     const char *file) {
  if (r->status == SS_TU_SPAWN_FAILED) {
    fprintf(
        stderr,
        "sendsync-check: cannot run clang '%s' (%s).\n"
        "Install the clang the plugin was built for, or pass --clang=<path>.\n",
        plugin->clang, r->error);
    return;
  }
  fprintf(stderr,
          "sendsync-check: the plugin '%s' could not be loaded into '%s' "
          "(checking %s):\n"
          "  %s\n"
          "Use the sendsync.so built for this clang's major version (cmake "
          "-DSENDSYNC_LLVM_VERSION=<N>), or pass --plugin=<path> / "
          "--clang=<path>.\n",
          plugin->plugin, plugin->clang, file, r->error);
}

/* The state of one run_all(). */
typedef struct runner {
  const ss_compile_entry *const *entries;
  size_t count;
  const ss_plugin_options *plugin;
  const run_config *config;
  check_results *results;
  char *tmpdir;
  ss_tu_job *job;
  ss_tu_result *done;
  char *finished;
  double *deadline; /* seconds on the monotonic clock; with --timeout */
  char *timed_out;
  size_t next, running, finished_count, next_to_add, findings;
  int rc;
  seen_set seen;
} runner;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Starts compiles until -j are running. */
static void start_more(runner *r) {
  while (r->rc == 0 && r->next < r->count && r->running < r->config->jobs) {
    size_t i = r->next;
    r->job[i].entry = r->entries[i];
    r->job[i].exec_pipe = -1;
    ss_argv dropped = {0};
    ss_plugin_options options = *r->plugin;
    options.dropped = &dropped;
    const run_hooks *hooks = r->config->hooks;
    if (hooks && hooks->prepare)
      hooks->prepare(hooks->context, i, &options, &r->job[i]);
    int started = ss_tu_start(&r->job[i], &options, r->tmpdir, (unsigned)i);
    results_add_dropped(r->results, &dropped);
    ss_argv_free(&dropped);
    if (started != 0) {
      fprintf(stderr, "sendsync-check: cannot start clang: %s\n",
              strerror(errno));
      r->rc = 2;
      return;
    }
    r->deadline[i] = now() + r->config->timeout_seconds;
    r->next++;
    r->running++;
  }
}

/* Kills the compiles that ran past --timeout; their wait status follows. */
static void kill_overdue(runner *r) {
  double t = now();
  for (size_t i = 0; i < r->next; i++)
    if (r->job[i].pid > 0 && !r->finished[i] && !r->timed_out[i] &&
        t >= r->deadline[i]) {
      kill(r->job[i].pid, SIGKILL);
      r->timed_out[i] = 1;
    }
}

/* Waits for a child; with --timeout, polls so that overdue ones are killed. */
static pid_t wait_child(runner *r, int *status) {
  if (!r->config->timeout_seconds)
    return waitpid(-1, status, 0);
  for (;;) {
    pid_t pid = waitpid(-1, status, WNOHANG);
    if (pid != 0)
      return pid;
    kill_overdue(r);
    struct timespec pause = {0, 20 * 1000 * 1000};
    nanosleep(&pause, NULL);
  }
}

/* A killed compile is a failure of that file, not of the environment. */
static void note_timeout(const runner *r, ss_tu_result *res) {
  res->status = SS_TU_FAILED;
  free(res->error);
  res->error = ss_xasprintf(
      "it took longer than %u second%s (--timeout=%u), so clang was stopped",
      r->config->timeout_seconds, r->config->timeout_seconds == 1 ? "" : "s",
      r->config->timeout_seconds);
  if (res->has_report)
    ss_report_free(&res->report);
  res->has_report = 0;
}

/* Collects child i: its result, progress, environment errors, and the
 * results that are now complete in entry order. */
static void finish_one(runner *r, size_t i, int status) {
  r->running--;
  ss_tu_finish(&r->job[i], status, &r->done[i]);
  if (r->timed_out[i])
    note_timeout(r, &r->done[i]);
  r->finished[i] = 1;
  r->finished_count++;
  int show_progress = r->config->show_progress;
  if (r->done[i].has_report && show_progress)
    r->findings += count_new(&r->seen, &r->done[i].report);
  if (r->rc == 0 && (r->done[i].status == SS_TU_SPAWN_FAILED ||
                     r->done[i].status == SS_TU_PLUGIN_NOT_LOADED)) {
    if (show_progress)
      progress_clear();
    report_environment_error(&r->done[i], r->plugin, r->entries[i]->file);
    r->rc = 2; /* the other files would fail the same way: start no more */
  }
  while (r->next_to_add < r->count && r->finished[r->next_to_add]) {
    size_t k = r->next_to_add++;
    const run_hooks *hooks = r->config->hooks;
    if (hooks && hooks->collect)
      hooks->collect(hooks->context, k, &r->done[k]);
    else
      results_add(r->results, r->entries[k]->file, &r->done[k]);
    ss_tu_result_free(&r->done[k]);
  }
  if (show_progress && r->rc == 0)
    progress_update(r->config->pass, r->finished_count, r->count, r->findings);
}

static void free_runner(runner *r) {
  for (size_t i = 0; i < r->count; i++) {
    if (r->finished[i] && i >= r->next_to_add)
      ss_tu_result_free(&r->done[i]);
    free(r->job[i].json_path);
    free(r->job[i].output_path);
  }
  free(r->seen.keys);
  free(r->job);
  free(r->done);
  free(r->finished);
  free(r->deadline);
  free(r->timed_out);
  ss_tu_remove_tmpdir(r->tmpdir);
  free(r->tmpdir);
}

int run_all(const ss_compile_entry *const *entries, size_t count,
            const ss_plugin_options *plugin, const run_config *config,
            check_results *results) {
  runner r = {.entries = entries,
              .count = count,
              .plugin = plugin,
              .config = config,
              .results = results};
  r.tmpdir = ss_tu_make_tmpdir();
  if (!r.tmpdir) {
    fprintf(stderr,
            "sendsync-check: cannot create a temporary directory: %s (set "
            "TMPDIR)\n",
            strerror(errno));
    return 2;
  }
  r.job = ss_xcalloc(count, sizeof *r.job);
  r.done = ss_xcalloc(count, sizeof *r.done);
  r.finished = ss_xcalloc(count, 1);
  r.deadline = ss_xcalloc(count, sizeof *r.deadline);
  r.timed_out = ss_xcalloc(count, 1);
  while (r.next < count || r.running > 0) {
    start_more(&r);
    if (r.running == 0)
      break;
    int status;
    pid_t pid = wait_child(&r, &status);
    if (pid < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    size_t i = 0;
    while (i < r.next && r.job[i].pid != pid)
      i++;
    if (i < r.next) /* else not one of ours */
      finish_one(&r, i, status);
  }
  if (config->show_progress && r.rc == 0)
    progress_clear();
  int rc = r.rc;
  free_runner(&r);
  return rc;
}
