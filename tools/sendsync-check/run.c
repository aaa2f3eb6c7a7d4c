#define _POSIX_C_SOURCE 200809L
#include "run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

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
    snprintf(position, sizeof position, ":%u:%u:", f->location.line, f->location.column);
    uint64_t key = ss_fnv1a(SS_FNV_OFFSET, f->location.file, strlen(f->location.file));
    key = ss_fnv1a(key, position, strlen(position));
    key = ss_fnv1a(key, f->check, strlen(f->check) + 1);
    key = ss_fnv1a(key, f->message, strlen(f->message));
    size_t j = 0;
    while (j < seen->count && seen->keys[j] != key)
      j++;
    if (j < seen->count)
      continue;
    seen->keys = ss_xrealloc(seen->keys, (seen->count + 1) * sizeof *seen->keys);
    seen->keys[seen->count++] = key;
    added++;
  }
  return added;
}

/* Says what went wrong with the environment, and how to fix it. */
static void report_environment_error(const ss_tu_result *r, const ss_plugin_options *plugin,
                                     const char *file) {
  if (r->status == SS_TU_SPAWN_FAILED) {
    fprintf(stderr,
            "sendsync-check: cannot run clang '%s' (%s).\n"
            "Install the clang the plugin was built for, or pass --clang=<path>.\n",
            plugin->clang, r->error);
    return;
  }
  fprintf(stderr,
          "sendsync-check: the plugin '%s' could not be loaded into '%s' (checking %s):\n"
          "  %s\n"
          "Use the sendsync.so built for this clang's major version (cmake "
          "-DSENDSYNC_LLVM_VERSION=<N>), or pass --plugin=<path> / --clang=<path>.\n",
          plugin->plugin, plugin->clang, file, r->error);
}

int run_all(const ss_compile_entry *const *entries, size_t count, const ss_plugin_options *plugin,
            unsigned jobs, int show_progress, check_results *results) {
  char *tmpdir = ss_tu_make_tmpdir();
  if (!tmpdir) {
    fprintf(stderr, "sendsync-check: cannot create a temporary directory: %s (set TMPDIR)\n",
            strerror(errno));
    return 2;
  }
  ss_tu_job *job = ss_xcalloc(count, sizeof *job);
  ss_tu_result *done = ss_xcalloc(count, sizeof *done);
  char *finished = ss_xcalloc(count, 1);
  size_t next = 0, running = 0, finished_count = 0, next_to_add = 0, findings = 0;
  int rc = 0;
  seen_set seen = {0};

  while (next < count || running > 0) {
    while (rc == 0 && next < count && running < jobs) {
      job[next].entry = entries[next];
      job[next].exec_pipe = -1;
      ss_argv dropped = {0};
      ss_plugin_options options = *plugin;
      options.dropped = &dropped;
      int started = ss_tu_start(&job[next], &options, tmpdir, (unsigned)next);
      results_add_dropped(results, &dropped);
      ss_argv_free(&dropped);
      if (started != 0) {
        fprintf(stderr, "sendsync-check: cannot start clang: %s\n", strerror(errno));
        rc = 2;
        break;
      }
      next++;
      running++;
    }
    if (running == 0)
      break;
    int status;
    pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    size_t i = 0;
    while (i < next && job[i].pid != pid)
      i++;
    if (i == next)
      continue; /* not one of ours */
    running--;
    ss_tu_finish(&job[i], status, &done[i]);
    finished[i] = 1;
    finished_count++;
    if (done[i].has_report && show_progress)
      findings += count_new(&seen, &done[i].report);
    if (rc == 0 && (done[i].status == SS_TU_SPAWN_FAILED ||
                    done[i].status == SS_TU_PLUGIN_NOT_LOADED)) {
      if (show_progress)
        progress_clear();
      report_environment_error(&done[i], plugin, entries[i]->file);
      rc = 2; /* the other files would fail the same way: start no more */
    }
    /* Add in entry order, as soon as the prefix is complete. */
    while (next_to_add < count && finished[next_to_add]) {
      results_add(results, entries[next_to_add]->file, &done[next_to_add]);
      ss_tu_result_free(&done[next_to_add]);
      next_to_add++;
    }
    if (show_progress && rc == 0)
      progress_update(finished_count, count, findings);
  }
  if (show_progress && rc == 0)
    progress_clear();
  for (size_t i = 0; i < count; i++) {
    if (finished[i] && i >= next_to_add)
      ss_tu_result_free(&done[i]);
    free(job[i].json_path);
    free(job[i].output_path);
  }
  free(seen.keys);
  free(job);
  free(done);
  free(finished);
  ss_tu_remove_tmpdir(tmpdir);
  free(tmpdir);
  return rc;
}
