#define _GNU_SOURCE
#include "run_clang.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "paths.h"
#include "util.h"

char *ss_tu_make_tmpdir(void) {
  const char *base = getenv("TMPDIR");
  if (!base || !base[0])
    base = "/tmp";
  char *dir = ss_xasprintf("%s/sendsync.XXXXXX", base);
  if (!mkdtemp(dir)) {
    free(dir);
    return NULL;
  }
  return dir;
}

void ss_tu_remove_tmpdir(const char *dir) {
  DIR *d = opendir(dir);
  if (d) {
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
        continue;
      char *path = ss_path_join(dir, e->d_name);
      unlink(path);
      free(path);
    }
    closedir(d);
  }
  rmdir(dir);
}

/* In the child: never returns. Exec failures go to the parent through
 * `report_fd` (close-on-exec, so a successful exec closes it silently). */
static void child_exec(const ss_tu_job *job, char *const *argv, int report_fd) {
  int err = 0;
  int out =
      open(job->output_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int null_in = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (out < 0 || null_in < 0 || dup2(null_in, 0) < 0 || dup2(out, 1) < 0 ||
      dup2(out, 2) < 0)
    err = errno;
  else if (chdir(job->entry->directory) != 0)
    err = errno;
  else {
    execv(argv[0], argv);
    err = errno;
  }
  ssize_t unused = write(report_fd, &err, sizeof err);
  (void)unused;
  _exit(127);
}

int ss_tu_start(ss_tu_job *job, const ss_plugin_options *options,
                const char *tmpdir, unsigned index) {
  job->pid = 0;
  job->spawn_errno = 0;
  job->json_path = ss_xasprintf("%s/tu-%u.json", tmpdir, index);
  job->output_path = ss_xasprintf("%s/tu-%u.out", tmpdir, index);
  ss_plugin_options opts = *options;
  opts.json_path = job->json_path;
  ss_argv argv = {0};
  ss_clang_command(job->entry, &opts, &argv);

  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    ss_argv_free(&argv);
    return -1;
  }
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) {
    int saved = errno;
    close(fds[0]);
    close(fds[1]);
    ss_argv_free(&argv);
    errno = saved;
    return -1;
  }
  if (pid == 0) {
    close(fds[0]);
    child_exec(job, argv.v, fds[1]);
  }
  close(fds[1]);
  ss_argv_free(&argv);
  job->plugin = ss_xstrdup(options->plugin);
  job->pid = pid;
  job->exec_pipe = fds[0];
  return 0;
}

static int contains(const char *text, const char *needle) {
  return strstr(text, needle) != NULL;
}

/* The first line of `text` containing `needle`, for error messages. */
static char *line_with(const char *text, const char *needle) {
  const char *hit = strstr(text, needle);
  if (!hit)
    return NULL;
  const char *start = hit;
  while (start > text && start[-1] != '\n')
    start--;
  const char *end = strchr(hit, '\n');
  return ss_xstrndup(start, end ? (size_t)(end - start) : strlen(start));
}

/* Did clang fail to load our plugin? A trusted compile database may name
 * other plugins, whose load errors are that file's failure, not a broken
 * installation. */
static int failed_to_load(const char *output, const char *plugin) {
  const char *line = output;
  while ((line = strstr(line, "unable to load plugin '")) != NULL) {
    line += strlen("unable to load plugin '");
    size_t n = plugin ? strlen(plugin) : 0;
    if (n && strncmp(line, plugin, n) == 0 && line[n] == '\'')
      return 1;
  }
  return 0;
}

/* Moves `from` to `to`, copying when they are on different file systems;
 * on failure `to` does not exist. */
static void keep_file(const char *from, const char *to) {
  if (rename(from, to) == 0)
    return;
  size_t size = 0;
  char *text = ss_read_file(from, &size);
  FILE *f = text ? fopen(to, "wb") : NULL;
  int ok = f && fwrite(text, 1, size, f) == size;
  if (f && fclose(f) != 0)
    ok = 0;
  if (f && !ok)
    unlink(to);
  free(text);
}

void ss_tu_finish(ss_tu_job *job, int wait_status, ss_tu_result *r) {
  memset(r, 0, sizeof *r);
  r->exit_code = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
  r->term_signal = WIFSIGNALED(wait_status) ? WTERMSIG(wait_status) : 0;
  int err = 0;
  if (read(job->exec_pipe, &err, sizeof err) == (ssize_t)sizeof err)
    job->spawn_errno = err;
  close(job->exec_pipe);
  job->exec_pipe = -1;
  job->pid = 0;

  r->output = ss_read_file(job->output_path, NULL);
  if (!r->output)
    r->output = ss_xstrdup("");
  char *report_error = NULL;
  int have_json = ss_path_is_file(job->json_path);
  if (have_json &&
      ss_report_read_file(job->json_path, &r->report, &report_error) == 0) {
    r->has_report = 1;
    ss_report_absolutize(&r->report, job->entry->directory);
  }
  if (r->has_report && job->keep_json)
    keep_file(job->json_path, job->keep_json);
  unlink(job->json_path);
  unlink(job->output_path);

  char *hint;
  if (job->spawn_errno) {
    r->status = SS_TU_SPAWN_FAILED;
    r->error = ss_xasprintf("cannot run clang: %s", strerror(job->spawn_errno));
  } else if (failed_to_load(r->output, job->plugin) ||
             contains(r->output, "sendsync.so was built for clang")) {
    r->status = SS_TU_PLUGIN_NOT_LOADED;
    hint = line_with(r->output, "error:");
    r->error = hint ? hint : ss_xstrdup("the plugin could not be loaded");
  } else if (r->has_report) {
    r->status = r->report.compile_errors ? SS_TU_COMPILE_ERRORS : SS_TU_OK;
  } else if (report_error) {
    r->status = SS_TU_FAILED;
    r->error =
        ss_xasprintf("the plugin's report is unreadable: %s", report_error);
  } else if (r->term_signal) {
    r->status = SS_TU_FAILED;
    r->error = ss_xasprintf("clang was killed by signal %d (%s)",
                            r->term_signal, strsignal(r->term_signal));
  } else if (r->exit_code == 0) {
    /* clang ran the file but nothing wrote a report: the .so is no sendsync. */
    r->status = SS_TU_PLUGIN_NOT_LOADED;
    r->error = ss_xstrdup("clang ran, but the plugin wrote no report (is it "
                          "the sendsync plugin?)");
  } else {
    r->status = SS_TU_FAILED;
    hint = line_with(r->output, "error:");
    r->error =
        hint ? hint : ss_xasprintf("clang exited with status %d", r->exit_code);
  }
  free(report_error);
  free(job->plugin);
  job->plugin = NULL;
}

int ss_tu_check(const ss_compile_entry *entry, const ss_plugin_options *options,
                ss_tu_result *result) {
  char *tmpdir = ss_tu_make_tmpdir();
  if (!tmpdir)
    return -1;
  ss_tu_job job = {.entry = entry, .exec_pipe = -1};
  int rc = ss_tu_start(&job, options, tmpdir, 0);
  if (rc == 0) {
    int status = 0;
    while (waitpid(job.pid, &status, 0) < 0 && errno == EINTR)
      ;
    ss_tu_finish(&job, status, result);
  }
  free(job.json_path);
  free(job.output_path);
  ss_tu_remove_tmpdir(tmpdir);
  free(tmpdir);
  return rc;
}

void ss_tu_result_free(ss_tu_result *r) {
  free(r->output);
  free(r->error);
  if (r->has_report)
    ss_report_free(&r->report);
  memset(r, 0, sizeof *r);
}
