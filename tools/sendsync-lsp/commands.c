/* commands.c - see commands.h. */
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paths.h"

typedef struct cached_db {
  struct cached_db *next;
  char *dir; /* as located (the key) */
  ss_compile_db db;
  int loaded; /* db is valid */
  struct timespec mtime;
  off_t size;
} cached_db;

void commands_free(commands *c) {
  while (c->dbs) {
    cached_db *e = c->dbs;
    c->dbs = e->next;
    if (e->loaded)
      ss_compile_db_free(&e->db);
    free(e->dir);
    free(e);
  }
}

static int stat_json(const char *dir, struct stat *st) {
  char *json = ss_path_is_dir(dir) ? ss_path_join(dir, "compile_commands.json")
                                   : strdup(dir);
  int rc = json ? stat(json, st) : -1;
  free(json);
  return rc;
}

static int same_stat(const cached_db *e, const struct stat *st) {
  return e->size == st->st_size && e->mtime.tv_sec == st->st_mtim.tv_sec &&
         e->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

/* The database in dir, read again if it changed on disk. NULL if it cannot
 * be read (said once). */
static const ss_compile_db *database(commands *c, const char *dir,
                                     channel *ch) {
  cached_db *e = c->dbs;
  while (e && strcmp(e->dir, dir) != 0)
    e = e->next;
  if (!e) {
    e = calloc(1, sizeof *e);
    if (!e)
      return NULL;
    e->dir = strdup(dir);
    e->next = c->dbs;
    c->dbs = e;
  }
  struct stat st;
  int have_stat = stat_json(dir, &st) == 0;
  if (e->loaded && have_stat && same_stat(e, &st))
    return &e->db;
  if (e->loaded)
    ss_compile_db_free(&e->db);
  e->loaded = 0;
  char *error = NULL;
  c->loads++;
  if (ss_compile_db_load(dir, &e->db, &error) != 0) {
    char msg[1024];
    snprintf(msg, sizeof msg, "sendsync: %s",
             error ? error : "cannot read the compile database");
    channel_show_once(ch, MSG_WARNING, msg);
    free(error);
    return NULL;
  }
  e->loaded = 1;
  char msg[4200];
  snprintf(msg, sizeof msg, "sendsync: read %.4000s (%zu entries)", e->db.path,
           e->db.count);
  channel_log(ch, MSG_LOG, msg);
  if (have_stat) {
    e->mtime = st.st_mtim;
    e->size = st.st_size;
  }
  return &e->db;
}

int commands_is_header(const char *path) {
  size_t n = path ? strlen(path) : 0;
  return n > 2 && strcmp(path + n - 2, ".h") == 0;
}

static const char *base_name(const char *path) {
  const char *b = strrchr(path, '/');
  return b ? b + 1 : path;
}

/* Whether text has an #include whose name ends in "/<base>" or is <base>. */
static int includes(const char *text, const char *base) {
  size_t n = strlen(base);
  for (const char *p = strstr(text, "include"); p;
       p = strstr(p + 7, "include")) {
    const char *q = p + 7;
    while (*q == ' ' || *q == '\t')
      q++;
    if (*q != '"' && *q != '<')
      continue;
    const char *end = strpbrk(q + 1, "\">\n");
    if (!end || *end == '\n' || (size_t)(end - (q + 1)) < n)
      continue;
    const char *tail = end - n;
    if (strncmp(tail, base, n) == 0 && (tail == q + 1 || tail[-1] == '/'))
      return 1;
  }
  return 0;
}

/* Length of the common directory prefix of two absolute paths. */
static size_t common_dirs(const char *a, const char *b) {
  size_t i = 0, last = 0;
  while (a[i] && a[i] == b[i]) {
    if (a[i] == '/')
      last = i;
    i++;
  }
  return last;
}

static int same_stem(const char *a, const char *b) {
  const char *da = strrchr(a, '.'), *db = strrchr(b, '.');
  size_t na = da ? (size_t)(da - a) : strlen(a),
         nb = db ? (size_t)(db - b) : strlen(b);
  return na == nb && strncmp(a, b, na) == 0;
}

/* The entry whose flags a header borrows (see commands.h), or NULL. */
static const ss_compile_entry *
donor(const ss_compile_db *db, const doc_store *docs, const char *header) {
  const char *base = base_name(header);
  for (const document *o = docs->head; o; o = o->next)
    if (o->path && !commands_is_header(o->path) && includes(o->text, base)) {
      const ss_compile_entry *e = ss_compile_db_find(db, o->path);
      if (e)
        return e;
    }
  size_t dir_len = (size_t)(base - header) - 1;
  const ss_compile_entry *best = NULL;
  size_t best_score = 0;
  for (size_t i = 0; i < db->count; i++) {
    const ss_compile_entry *e = &db->entries[i];
    size_t common = common_dirs(e->file, header);
    int same_dir = common == dir_len && !strchr(e->file + common + 1, '/');
    size_t score = common * 4 + (same_dir ? 2 : 0) +
                   (same_dir && same_stem(base_name(e->file), base) ? 1 : 0);
    if (!best || score > best_score) {
      best = e;
      best_score = score;
    }
  }
  return best;
}

/* The donor's command for the header: its flags (without its own file),
 * then -x c-header and the header. */
static void borrow(const ss_compile_entry *e, const char *header,
                   ss_compile_entry *out) {
  const char **flags = calloc(e->argc + 2, sizeof *flags);
  size_t n = 0;
  for (size_t i = 1; flags && i < e->argc; i++) {
    char *abs = ss_path_absolute(e->argv[i], e->directory);
    int is_source = abs && strcmp(abs, e->file) == 0;
    free(abs);
    if (!is_source)
      flags[n++] = e->argv[i];
  }
  if (flags) {
    flags[n++] = "-x";
    flags[n++] = "c-header";
  }
  ss_compile_entry_make(out, e->directory, e->argv[0], flags, flags ? n : 0,
                        header);
  free(flags);
}

static void copy_entry(const ss_compile_entry *e, ss_compile_entry *out) {
  ss_compile_entry_make(out, e->directory, e->argv[0],
                        (const char *const *)e->argv + 1, e->argc - 1, e->file);
}

static void defaults(const server_config *cfg, const char *path, channel *ch,
                     ss_compile_entry *out) {
  const char *flags[4];
  size_t n = 0;
  flags[n++] = "-xc";
  flags[n++] = "-std=gnu17";
  if (cfg->annotations_dir && *cfg->annotations_dir) {
    flags[n++] = "-idirafter";
    flags[n++] = cfg->annotations_dir;
  }
  char *dir = ss_path_dirname(path);
  ss_compile_entry_make(out, dir, cfg->clang, flags, n, path);
  free(dir);
  char msg[4096];
  snprintf(
      msg, sizeof msg,
      "sendsync: no compile command for %s; checking it with default flags "
      "(-xc -std=gnu17). Add it to compile_commands.json for exact results.",
      path);
  channel_show_once(ch, MSG_INFO, msg);
}

/* The program database beside the compile database (issue 14): made by
 * sendsync-check --whole-program or a build; if present, checks use it. */
static char *program_db_beside(const ss_compile_db *db) {
  char *dir = db && db->path ? ss_path_dirname(db->path) : NULL;
  char *path = dir ? ss_path_join(dir, "program.sendsync-db") : NULL;
  free(dir);
  if (path && !ss_path_is_file(path)) {
    free(path);
    path = NULL;
  }
  return path;
}

void commands_for(commands *c, const server_config *cfg, const doc_store *docs,
                  const document *d, channel *ch, ss_compile_entry *out,
                  char **program_db) {
  memset(out, 0, sizeof *out);
  char *dir = cfg->compile_commands_dir
                  ? strdup(cfg->compile_commands_dir)
                  : ss_compile_db_locate_like_clangd(d->path);
  const ss_compile_db *db = dir ? database(c, dir, ch) : NULL;
  free(dir);
  if (program_db)
    *program_db = program_db_beside(db);
  const ss_compile_entry *e = db ? ss_compile_db_find(db, d->path) : NULL;
  if (e) {
    copy_entry(e, out);
    return;
  }
  e = db && db->count && commands_is_header(d->path) ? donor(db, docs, d->path)
                                                     : NULL;
  if (e) {
    borrow(e, d->path, out);
    return;
  }
  defaults(cfg, d->path, ch, out);
}
