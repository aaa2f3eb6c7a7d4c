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

#include "clang_command.h"
#include "compile_db.h"
#include "paths.h"
#include "run_clang.h"

typedef struct check {
  struct check *next;
  document *doc; /* NULL once the document is closed */
  long version;
  int cancelled;
  ss_compile_db db;
  int have_db;
  ss_compile_entry own_entry; /* default flags: no compile command */
  int have_own_entry;
  ss_tu_job job;
  char *buffer_path, *overlay_path;
} check;

static void check_free(check *c) {
  if (c->buffer_path) {
    unlink(c->buffer_path);
    free(c->buffer_path);
  }
  if (c->overlay_path) {
    unlink(c->overlay_path);
    free(c->overlay_path);
  }
  if (c->have_db)
    ss_compile_db_free(&c->db);
  if (c->have_own_entry)
    ss_compile_entry_free(&c->own_entry);
  free(c);
}

static int write_file(const char *path, const char *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return -1;
  size_t w = fwrite(data, 1, len, f);
  int rc = fclose(f);
  return (w == len && rc == 0) ? 0 : -1;
}

static int write_overlay(const char *overlay_path, const char *real_path,
                         const char *buffer_path) {
  char *dir = ss_path_dirname(real_path);
  const char *base = strrchr(real_path, '/');
  base = base ? base + 1 : real_path;
  cJSON *root = cJSON_CreateObject();
  cJSON_AddNumberToObject(root, "version", 0);
  cJSON_AddStringToObject(root, "case-sensitive", "true");
  cJSON_AddStringToObject(root, "use-external-names", "false");
  cJSON *roots = cJSON_AddArrayToObject(root, "roots");
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
  char *text = cJSON_Print(root);
  cJSON_Delete(root);
  free(dir);
  int rc = text ? write_file(overlay_path, text, strlen(text)) : -1;
  free(text);
  return rc;
}

/* Finds the compile command of d (or makes one with default flags). */
static const ss_compile_entry *entry_for(checker *k, document *d, check *c) {
  char *dbdir = k->cfg->compile_commands_dir ? strdup(k->cfg->compile_commands_dir)
                                            : ss_compile_db_locate_like_clangd(d->path);
  if (dbdir) {
    char *error = NULL;
    if (ss_compile_db_load(dbdir, &c->db, &error) == 0) {
      c->have_db = 1;
      const ss_compile_entry *e = ss_compile_db_find(&c->db, d->path);
      if (e) {
        free(dbdir);
        return e;
      }
    } else {
      char msg[1024];
      snprintf(msg, sizeof msg, "sendsync: %s", error ? error : "cannot read the compile database");
      channel_show_once(k->ch, 2, msg);
      free(error);
    }
    free(dbdir);
  }
  /* No compile command: clang's defaults for C, plus the marker header. */
  const char *flags[4];
  size_t n = 0;
  flags[n++] = "-xc";
  flags[n++] = "-std=gnu17";
  if (k->cfg->annotations_dir && *k->cfg->annotations_dir) {
    flags[n++] = "-idirafter";
    flags[n++] = k->cfg->annotations_dir;
  }
  char *dir = ss_path_dirname(d->path);
  ss_compile_entry_make(&c->own_entry, dir, k->cfg->clang, flags, n, d->path);
  free(dir);
  c->have_own_entry = 1;
  char msg[4096];
  snprintf(msg, sizeof msg,
           "sendsync: no compile command for %s; checking it with default flags "
           "(-xc -std=gnu17). Add it to compile_commands.json for exact results.",
           d->path);
  channel_show_once(k->ch, 3, msg);
  return &c->own_entry;
}

static void start_check(checker *k, document *d) {
  check *c = calloc(1, sizeof *c);
  if (!c)
    return;
  c->doc = d;
  c->version = d->version;
  unsigned index = ++k->counter;
  char name[64];
  snprintf(name, sizeof name, "buffer-%u.c", index);
  c->buffer_path = ss_path_join(k->tmpdir, name);
  snprintf(name, sizeof name, "overlay-%u.yaml", index);
  c->overlay_path = ss_path_join(k->tmpdir, name);
  const ss_compile_entry *entry = entry_for(k, d, c);
  /* A buffer never saved has no file on disk, and the clang driver looks
   * for its inputs on the real file system, not through the overlay. Such a
   * buffer is checked as the temporary copy itself (its locations are
   * renamed back in publish_result), with its directory for "" includes. */
  int on_disk = ss_path_is_file(d->path);
  if (!on_disk) {
    char *dir = ss_path_dirname(d->path);
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
    if (c->have_own_entry)
      ss_compile_entry_free(&c->own_entry);
    ss_compile_entry_make(&c->own_entry, dir, k->cfg->clang, flags, n, c->buffer_path);
    c->have_own_entry = 1;
    entry = &c->own_entry;
    free(dir);
  }
  if (write_file(c->buffer_path, d->text, d->len) ||
      (on_disk && write_overlay(c->overlay_path, d->path, c->buffer_path))) {
    char msg[1024];
    snprintf(msg, sizeof msg, "sendsync: cannot write temporary files in %s: %s", k->tmpdir,
             strerror(errno));
    channel_show_once(k->ch, 1, msg);
    check_free(c);
    return;
  }
  const char *extra[2] = {"-ivfsoverlay", c->overlay_path};
  ss_plugin_options options;
  memset(&options, 0, sizeof options);
  options.extra_arg_count = on_disk ? 2 : 0;
  options.clang = k->cfg->clang;
  options.plugin = k->cfg->plugin;
  options.extra_args = extra;
  for (size_t i = 0; i < k->cfg->plugin_arg_count; i++) {
    const char *a = k->cfg->plugin_args[i];
    if (strcmp(a, "strict") == 0)
      options.strict = 1;
    else if (strcmp(a, "werror") == 0)
      options.werror = 1;
    else if (strncmp(a, "disable=", 8) == 0)
      options.disable = a + 8;
  }
  c->job.entry = entry;
  if (ss_tu_start(&c->job, &options, k->tmpdir, index) != 0) {
    char msg[1024];
    snprintf(msg, sizeof msg, "sendsync: cannot start %s: %s", k->cfg->clang, strerror(errno));
    channel_show_once(k->ch, 1, msg);
    check_free(c);
    return;
  }
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
}

int checker_init(checker *k, const server_config *cfg, doc_store *docs, channel *ch) {
  memset(k, 0, sizeof *k);
  k->cfg = cfg;
  k->docs = docs;
  k->ch = ch;
  k->tmpdir = ss_tu_make_tmpdir();
  return k->tmpdir ? 0 : -1;
}

void checker_free(checker *k) {
  checker_stop(k);
  if (k->tmpdir)
    ss_tu_remove_tmpdir(k->tmpdir);
  free(k->tmpdir);
  k->tmpdir = NULL;
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

static void report_result(checker *k, check *c, ss_tu_result *r) {
  document *d = c->doc;
  if (r->has_report)
    rename_buffer(&r->report, c->buffer_path, d->path);
  if (r->status == SS_TU_FAILED || r->status == SS_TU_PLUGIN_NOT_LOADED ||
      r->status == SS_TU_SPAWN_FAILED) {
    char msg[2048];
    snprintf(msg, sizeof msg, "sendsync: checking %s failed: %s", d->path,
             r->error && *r->error ? r->error : "clang failed");
    channel_show_once(k->ch, MSG_ERROR, msg);
    if (r->output && *r->output)
      channel_log(k->ch, MSG_ERROR, r->output);
    return;
  }
  if (r->has_report && k->on_result)
    k->on_result(k->result_context, d, c->version, &r->report);
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
  return 1;
}
