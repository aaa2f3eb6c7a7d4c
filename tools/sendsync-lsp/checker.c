/* checker.c - see checker.h.
 *
 * Each document has at most one check at a time. An edit schedules the next
 * check debounce_ms later and kills the running one (its result would be
 * stale anyway); the next check starts only after the killed child has been
 * reaped. A result whose version is not the document's current version is
 * dropped, never published.
 *
 * The unsaved buffer is checked through -ivfsoverlay: a YAML (JSON) overlay
 * maps the document's real path to a temporary copy of the buffer, with
 * 'use-external-names': false, so clang still calls the file by its real
 * name (diagnostics, __FILE__) and relative includes resolve from the real
 * directory. */
#include "checker.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "argv.h"
#include "clang_command.h"
#include "paths.h"
#include "run_clang.h"

typedef struct check {
  struct check *next;
  document *doc; /* NULL once the document is closed */
  long version;
  int cancelled;
  ss_compile_entry entry; /* a copy: the database may be re-read meanwhile */
  ss_tu_job job;
  ss_argv dropped;   /* flags of the entry the filter dropped */
  char *clang;       /* the clang it runs (settings may change meanwhile) */
  char *program_db;  /* -fplugin-arg-sendsync-program=, or NULL */
  char *buffer_path; /* the checked buffer */
  char *overlay_path;
  char **others; /* copies of the other open buffers */
  size_t other_count;
  checker_seen *seen; /* every open document's version at the start */
  size_t seen_count;
} check;

static void remove_file(char *path) {
  if (path) {
    unlink(path);
    free(path);
  }
}

static void check_free(check *c) {
  remove_file(c->buffer_path);
  remove_file(c->overlay_path);
  for (size_t i = 0; i < c->other_count; i++)
    remove_file(c->others[i]);
  free(c->others);
  for (size_t i = 0; i < c->seen_count; i++)
    free(c->seen[i].path);
  free(c->seen);
  ss_compile_entry_free(&c->entry);
  ss_argv_free(&c->dropped);
  free(c->clang);
  free(c->program_db);
  free(c);
}

/* A new file with an unpredictable name in the private directory, holding
 * data. Returns its path, or NULL (errno set). */
static char *temp_file(const checker *k, const char *prefix, const char *data,
                       size_t len) {
  char name[64];
  snprintf(name, sizeof name, "%s-XXXXXX", prefix);
  char *path = ss_path_join(k->tmpdir, name);
  int fd = path ? mkstemp(path) : -1;
  if (fd < 0) {
    free(path);
    return NULL;
  }
  size_t done = 0;
  while (done < len) {
    ssize_t w = write(fd, data + done, len - done);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      break;
    done += (size_t)w;
  }
  if (close(fd) != 0 || done < len) {
    remove_file(path);
    return NULL;
  }
  return path;
}

/* One overlay entry: real_path is read from buffer_path. */
static void overlay_add(cJSON *roots, const char *real_path,
                        const char *buffer_path) {
  char *dir = ss_path_dirname(real_path);
  const char *base = strrchr(real_path, '/');
  base = base ? base + 1 : real_path;
  cJSON *d = cJSON_CreateObject();
  cJSON_AddStringToObject(d, "name", dir);
  cJSON_AddStringToObject(d, "type", "directory");
  cJSON *contents = cJSON_AddArrayToObject(d, "contents");
  cJSON *f = cJSON_CreateObject();
  cJSON_AddStringToObject(f, "name", base);
  cJSON_AddStringToObject(f, "type", "file");
  cJSON_AddStringToObject(f, "external-contents", buffer_path);
  cJSON_AddItemToArray(contents, f);
  cJSON_AddItemToArray(roots, d);
  free(dir);
}

/* Copies every open buffer and writes the overlay that shows them to clang
 * under their real names: the checked file, and the headers it includes as
 * the editor has them, saved or not. Returns 0 or -1 (errno). */
static int write_buffers(checker *k, check *c, int on_disk) {
  document *d = c->doc;
  c->buffer_path = temp_file(k, "buffer", d->text, d->len);
  if (!c->buffer_path)
    return -1;
  cJSON *root = cJSON_CreateObject();
  cJSON_AddNumberToObject(root, "version", 0);
  cJSON_AddStringToObject(root, "case-sensitive", "true");
  cJSON_AddStringToObject(root, "use-external-names", "false");
  cJSON *roots = cJSON_AddArrayToObject(root, "roots");
  if (on_disk)
    overlay_add(roots, d->path, c->buffer_path);
  size_t n = 0;
  for (document *o = k->docs->head; o; o = o->next)
    n++;
  c->others = calloc(n + 1, sizeof *c->others);
  c->seen = calloc(n + 1, sizeof *c->seen);
  int rc = c->others && c->seen ? 0 : -1;
  for (document *o = k->docs->head; o && rc == 0; o = o->next) {
    if (!o->path)
      continue;
    c->seen[c->seen_count++] =
        (checker_seen){.path = strdup(o->path), .version = o->version};
    if (o == d)
      continue;
    char *copy = temp_file(k, "buffer", o->text, o->len);
    if (!copy) {
      rc = -1;
      break;
    }
    c->others[c->other_count++] = copy;
    overlay_add(roots, o->path, copy);
  }
  char *text = rc == 0 ? cJSON_Print(root) : NULL;
  cJSON_Delete(root);
  if (text)
    c->overlay_path = temp_file(k, "overlay", text, strlen(text));
  free(text);
  return c->overlay_path ? 0 : -1;
}

/* A buffer never saved has no file on disk, and the clang driver looks for
 * its inputs on the real file system, not through the overlay. Such a
 * buffer is checked as the temporary copy itself (its locations are
 * renamed back in report_result), with its directory for "" includes. */
static void entry_for_unsaved(checker *k, check *c) {
  char *dir = ss_path_dirname(c->doc->path);
  const char *flags[6];
  size_t n = 0;
  flags[n++] = "-xc";
  flags[n++] = "-std=gnu17";
  flags[n++] = "-iquote";
  flags[n++] = dir;
  if (k->cfg->annotations_dir && *k->cfg->annotations_dir) {
    flags[n++] = "-idirafter";
    flags[n++] = k->cfg->annotations_dir;
  }
  ss_compile_entry_free(&c->entry);
  ss_compile_entry_make(&c->entry, dir, k->settings->clang, flags, n,
                        c->buffer_path);
  free(dir);
}

static void plugin_options(const checker *k, check *c,
                           ss_plugin_options *options) {
  memset(options, 0, sizeof *options);
  const settings *st = k->settings;
  options->clang = st->clang;
  options->plugin = st->plugin;
  options->strict = st->strict;
  options->werror = st->werror;
  options->disable = st->disable;
  /* A compile database may come from a project nobody reviewed: unless the
   * user trusts its folder, flags that could load or run code are dropped
   * (tools/common/flag_filter.h). */
  options->trust_compile_db = settings_trusts(st, c->doc->path);
  options->dropped = &c->dropped;
  /* A program database beside the compile database: calls into other
   * files count (docs/editors.md). Only read, never made or waited for. */
  options->program_path = c->program_db;
}

/* Says once per file which flags were dropped, so that a user who trusts
 * the project knows what to do. */
static void tell_dropped(checker *k, const check *c) {
  const char *path = c->doc->path;
  if (c->dropped.n == 0)
    return;
  for (size_t i = 0; i < k->warned_count; i++)
    if (strcmp(k->warned[i], path) == 0)
      return;
  char **p = realloc(k->warned, (k->warned_count + 1) * sizeof *p);
  if (!p)
    return;
  k->warned = p;
  k->warned[k->warned_count++] = strdup(path);
  ss_argv text = {0};
  ss_argv_pushf(
      &text,
      "sendsync: checking %s without these flags of its compile command "
      "(they could load or run code, or sendsync does not know them):",
      path);
  for (size_t i = 0; i < c->dropped.n; i++)
    ss_argv_pushf(&text, "%s%s", i ? ", " : " ", c->dropped.v[i]);
  ss_argv_push(&text, ". If you trust this folder, add it to trustedFolders "
                      "(or --trusted-folder=) to keep every flag.");
  size_t len = 1;
  for (size_t i = 0; i < text.n; i++)
    len += strlen(text.v[i]);
  char *msg = calloc(len, 1);
  for (size_t i = 0; msg && i < text.n; i++)
    strcat(msg, text.v[i]);
  if (msg)
    channel_show(k->ch, MSG_WARNING, msg);
  free(msg);
  ss_argv_free(&text);
}

/* The private directory exists only while checks run: an editor that kills
 * the server (Eglot does, right after "exit") then leaves nothing behind
 * unless a check was running. */
static int ensure_tmpdir(checker *k) {
  if (!k->tmpdir)
    k->tmpdir = ss_tu_make_tmpdir(); /* mkdtemp: mode 0700 */
  if (k->tmpdir)
    return 0;
  char msg[1024];
  snprintf(msg, sizeof msg, "sendsync: cannot create a temporary directory: %s",
           strerror(errno));
  channel_show_once(k->ch, MSG_ERROR, msg);
  return -1;
}

static void drop_tmpdir_if_idle(checker *k) {
  if (k->checks || !k->tmpdir)
    return;
  ss_tu_remove_tmpdir(k->tmpdir);
  free(k->tmpdir);
  k->tmpdir = NULL;
}

/* A check that could not start. */
static void abandon(checker *k, check *c, const char *what, const char *name) {
  char msg[1024];
  snprintf(msg, sizeof msg, "sendsync: %s %s: %s", what, name, strerror(errno));
  channel_show_once(k->ch, MSG_ERROR, msg);
  check_free(c);
  drop_tmpdir_if_idle(k);
}

static void start_check(checker *k, document *d) {
  if (ensure_tmpdir(k) != 0)
    return;
  check *c = calloc(1, sizeof *c);
  if (!c) {
    drop_tmpdir_if_idle(k);
    return;
  }
  c->doc = d;
  c->version = d->version;
  c->clang = strdup(k->settings->clang);
  unsigned index = ++k->counter;
  int on_disk = ss_path_is_file(d->path);
  commands_for(&k->commands, k->cfg, k->docs, d, k->ch, &c->entry,
               &c->program_db);
  if (write_buffers(k, c, on_disk) != 0) {
    abandon(k, c, "cannot write temporary files in", k->tmpdir);
    return;
  }
  if (!on_disk)
    entry_for_unsaved(k, c);
  const char *extra[2] = {"-ivfsoverlay", c->overlay_path};
  ss_plugin_options options;
  plugin_options(k, c, &options);
  options.extra_args = extra;
  options.extra_arg_count = 2;
  c->job.entry = &c->entry;
  if (ss_tu_start(&c->job, &options, k->tmpdir, index) != 0) {
    abandon(k, c, "cannot start", k->settings->clang);
    return;
  }
  tell_dropped(k, c);
  d->running = c;
  c->next = k->checks;
  k->checks = c;
}

void checker_schedule(checker *k, document *d, long delay_ms) {
  (void)k;
  if (!d->path)
    return;
  d->due_ms = now_ms() + delay_ms;
  if (d->due_ms == 0)
    d->due_ms = 1;
}

long long checker_next_due(const checker *k) {
  long long next = 0;
  for (document *d = k->docs->head; d; d = d->next)
    if (d->due_ms && !d->running && (!next || d->due_ms < next))
      next = d->due_ms;
  return next;
}

void checker_start_due(checker *k, long long now) {
  if (k->stopped)
    return;
  for (document *d = k->docs->head; d; d = d->next)
    if (d->due_ms && d->due_ms <= now && !d->running) {
      d->due_ms = 0;
      start_check(k, d);
    }
}

void checker_cancel(document *d) {
  check *c = d->running;
  if (c && !c->cancelled) {
    c->cancelled = 1;
    if (c->job.pid > 0)
      kill(c->job.pid, SIGKILL);
  }
}

void checker_forget(document *d) {
  checker_cancel(d);
  if (d->running)
    d->running->doc = NULL;
  d->running = NULL;
}

void checker_stop(checker *k) {
  k->stopped = 1;
  for (check *c = k->checks; c; c = c->next) {
    c->cancelled = 1;
    if (c->job.pid > 0)
      kill(c->job.pid, SIGKILL);
  }
  for (check *c = k->checks; c; c = c->next)
    if (c->job.pid > 0) {
      int status;
      if (waitpid(c->job.pid, &status, 0) == c->job.pid) {
        ss_tu_result r;
        ss_tu_finish(&c->job, status, &r);
        ss_tu_result_free(&r);
      }
    }
  while (k->checks) {
    check *c = k->checks;
    k->checks = c->next;
    if (c->doc)
      c->doc->running = NULL;
    check_free(c);
  }
  drop_tmpdir_if_idle(k);
}

void checker_init(checker *k, const server_config *cfg, const settings *st,
                  doc_store *docs, channel *ch) {
  memset(k, 0, sizeof *k);
  k->cfg = cfg;
  k->settings = st;
  k->docs = docs;
  k->ch = ch;
}

void checker_free(checker *k) {
  checker_stop(k);
  commands_free(&k->commands);
  for (size_t i = 0; i < k->warned_count; i++)
    free(k->warned[i]);
  free(k->warned);
}

static void rename_location(ss_location *l, const char *from, const char *to) {
  if (l->file && strcmp(l->file, from) == 0) {
    free(l->file);
    l->file = strdup(to);
  }
}

/* The temporary copy of a never-saved buffer was checked under its own
 * name: report it under the document's. */
static void rename_buffer(ss_report *report, const char *from, const char *to) {
  for (size_t i = 0; i < report->finding_count; i++) {
    ss_finding *f = &report->findings[i];
    rename_location(&f->location, from, to);
    for (size_t n = 0; n < f->note_count; n++)
      rename_location(&f->notes[n].location, from, to);
    for (size_t n = 0; n < f->fixit_count; n++) {
      rename_location(&f->fixits[n].begin, from, to);
      rename_location(&f->fixits[n].end, from, to);
    }
  }
}

/* The plugin writes its JSON with llvm::json, which turns each byte of a
 * file name that is not UTF-8 into U+FFFD. Whether `reported` is such a
 * rendering of `real`. */
static int lossy_same(const char *reported, const char *real) {
  const unsigned char *a = (const unsigned char *)reported,
                      *b = (const unsigned char *)real;
  while (*a && *b) {
    int replaced = a[0] == 0xEF && a[1] == 0xBF && a[2] == 0xBD;
    if (replaced && pos_utf8_valid(b, strlen((const char *)b)) == 0) {
      a += 3;
      b += 1;
    } else if (*a++ != *b++) {
      return 0;
    }
  }
  return !*a && !*b;
}

static void repair_location(checker *k, ss_location *l) {
  if (!l->file || !strstr(l->file, "\xEF\xBF\xBD"))
    return;
  for (const document *o = k->docs->head; o; o = o->next)
    if (o->path && lossy_same(l->file, o->path)) {
      free(l->file);
      l->file = strdup(o->path);
      return;
    }
}

/* Gives open documents whose names are not UTF-8 their findings back. */
static void repair_names(checker *k, ss_report *report) {
  for (size_t i = 0; i < report->finding_count; i++) {
    ss_finding *f = &report->findings[i];
    repair_location(k, &f->location);
    for (size_t n = 0; n < f->note_count; n++)
      repair_location(k, &f->notes[n].location);
    for (size_t n = 0; n < f->fixit_count; n++) {
      repair_location(k, &f->fixits[n].begin);
      repair_location(k, &f->fixits[n].end);
    }
  }
}

/* The plugin's error about the program database (an error without a
 * location in the file, so no diagnostic shows it): said once. */
static void tell_program_error(checker *k, const check *c,
                               const ss_tu_result *r) {
  const char *at = c->program_db && r->output
                       ? strstr(r->output, "sendsync: program:")
                       : NULL;
  if (!at)
    return;
  size_t len = strcspn(at, "\n");
  char msg[2048];
  snprintf(msg, sizeof msg,
           "%.*s (the program database beside the compile database; "
           "sendsync-check --whole-program writes it again)",
           (int)(len < 1500 ? len : 1500), at);
  channel_show_once(k->ch, MSG_ERROR, msg);
}

static void report_result(checker *k, check *c, ss_tu_result *r) {
  document *d = c->doc;
  tell_program_error(k, c, r);
  if (r->has_report) {
    rename_buffer(&r->report, c->buffer_path, d->path);
    repair_names(k, &r->report);
  }
  if (r->status == SS_TU_FAILED || r->status == SS_TU_PLUGIN_NOT_LOADED ||
      r->status == SS_TU_SPAWN_FAILED) {
    char msg[2048];
    snprintf(msg, sizeof msg, "sendsync: checking %s with %s failed: %s",
             d->path, c->clang,
             r->error && *r->error ? r->error : "clang failed");
    channel_show_once(k->ch, MSG_ERROR, msg);
    if (r->output && *r->output)
      channel_log(k->ch, MSG_ERROR, r->output);
    return;
  }
  if (r->has_report && k->on_result) {
    checker_result result = {.doc = d,
                             .version = c->version,
                             .report = &r->report,
                             .seen = c->seen,
                             .seen_count = c->seen_count};
    k->on_result(k->result_context, &result);
  }
}

int checker_reap(checker *k, pid_t pid, int status) {
  check **p = &k->checks;
  while (*p && (*p)->job.pid != pid)
    p = &(*p)->next;
  check *c = *p;
  if (!c)
    return 0;
  *p = c->next;
  ss_tu_result r;
  ss_tu_finish(&c->job, status, &r);
  document *d = c->doc;
  if (d) {
    d->running = NULL;
    if (!c->cancelled && c->version == d->version && !k->stopped) {
      d->checked_version = c->version;
      d->ever_checked = 1;
      report_result(k, c, &r);
    }
    /* else: stale, dropped. A newer check is already scheduled. */
  }
  ss_tu_result_free(&r);
  check_free(c);
  drop_tmpdir_if_idle(k);
  return 1;
}
