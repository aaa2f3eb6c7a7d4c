#define _POSIX_C_SOURCE 200809L
#include "whole_program.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "cache_prune.h"
#include "fingerprint.h"
#include "paths.h"
#include "program_db.h"
#include "unit_facts.h"
#include "util.h"

/* One translation unit through the passes. */
typedef struct wp_unit {
  const ss_compile_entry *entry;
  char command[SS_HASH_HEX + 1]; /* cache.h: the command's hash */
  char key[SS_HASH_HEX + 1];     /* pass 1's key, when has_key */
  char key2[SS_HASH_HEX + 1];    /* pass 2's key, when recheck && has_key */
  int has_key, recheck, has_facts_info, has_r2;
  double started; /* CLOCK_REALTIME when its pass-1 run began */
  char *tmp_json, *tmp_facts, *depfile; /* pass 1's run */
  char *unit_db;                        /* pass 2's run: its part of the db */
  char *facts2;        /* pass 2's facts (written with the database), or NULL */
  char *facts;         /* its facts file, NULL if none */
  unit_facts info;     /* read from `facts` */
  ss_tu_result r1, r2; /* pass 1 (always), pass 2 (when has_r2) */
} wp_unit;

typedef struct wp_stats {
  size_t facts_cached, facts_run, check_cached, check_run, unaffected;
  size_t rounds; /* pass 2 again after deeper wrappers (check_rounds) */
  ss_merge_stats merge;
} wp_stats;

/* Wrappers of wrappers across this many units are followed; a longer
 * chain stops here, with a note. */
enum { WP_MAX_ROUNDS = 8 };

typedef struct wp_state {
  const ss_plugin_options *plugin;
  const run_config *config;
  check_results *results;
  ss_cache cache;
  char *tmpdir, *db_path;
  wp_unit *units;
  size_t count;
  size_t *todo; /* indices of the units a pass runs */
  size_t todo_count;
  program_index index;
  wp_stats stats;
} wp_state;

static double wall_clock(void) {
  struct timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* `given` made absolute, or <dir of compile_commands.json>/<name>. */
static char *path_or_default(const char *given, const char *db_file,
                             const char *name) {
  char *cwd = ss_path_cwd();
  char *dir = ss_path_dirname(db_file);
  char *path = given ? ss_path_absolute(given, cwd ? cwd : "/")
                     : ss_path_join(dir, name);
  free(dir);
  free(cwd);
  return path;
}

/* The default cache: the user's own cache directory ($XDG_CACHE_HOME, else
 * ~/.cache), one folder per compile database, never the checked-out tree:
 * a tree must not bring cache entries that hide its findings
 * (docs/security.md). NULL, with a message, when there is no such place. */
static char *default_cache_dir(const char *db_file) {
  const char *xdg = getenv("XDG_CACHE_HOME");
  const char *home = getenv("HOME");
  char *base = NULL;
  if (xdg && xdg[0] == '/')
    base = ss_xstrdup(xdg);
  else if (home && home[0] == '/')
    base = ss_path_join(home, ".cache");
  if (!base) {
    fprintf(stderr, "sendsync-check: --whole-program needs a cache "
                    "directory: set HOME or XDG_CACHE_HOME, or pass "
                    "--cache-dir=<dir>\n");
    return NULL;
  }
  char *cwd = ss_path_cwd();
  char *db = ss_path_absolute(db_file, cwd ? cwd : "/");
  uint64_t h = ss_fnv1a(SS_FNV_OFFSET, db, strlen(db));
  char name[64];
  snprintf(name, sizeof name, "sendsync/whole-program/%016llx",
           (unsigned long long)h);
  char *dir = ss_path_join(base, name);
  free(db);
  free(cwd);
  free(base);
  return dir;
}

/* Pass 1 from the cache: the result and (for a clean unit) its facts. */
static int load_pass1(wp_state *s, wp_unit *u) {
  if (!ss_cache_lookup_key(&s->cache, u->command, u->key))
    return -1;
  if (ss_cache_load_result(&s->cache, "r", u->key, u->entry->directory,
                           &u->r1) != 0)
    return -1;
  char *facts = ss_cache_path(&s->cache, "r", u->key, "facts");
  int has = unit_facts_read(facts, &u->info) == 0;
  if (!has && u->r1.status == SS_TU_OK) { /* a clean unit has facts */
    free(facts);
    ss_tu_result_free(&u->r1);
    return -1;
  }
  u->has_key = 1;
  u->has_facts_info = has;
  u->facts = has ? facts : NULL;
  if (!has)
    free(facts);
  return 0;
}

/* The flags the filter drops from a unit that is not run: reported as if
 * it had been. */
static void note_dropped(wp_state *s, const ss_compile_entry *e) {
  ss_argv argv = {0}, dropped = {0};
  ss_plugin_options o = *s->plugin;
  o.dropped = &dropped;
  ss_clang_command(e, &o, &argv);
  results_add_dropped(s->results, &dropped);
  ss_argv_free(&argv);
  ss_argv_free(&dropped);
}

static void prepare_facts(void *context, size_t i, ss_plugin_options *options,
                          ss_tu_job *job) {
  wp_state *s = context;
  wp_unit *u = &s->units[s->todo[i]];
  u->started = wall_clock();
  options->facts_path = u->tmp_facts;
  options->depfile_path = u->depfile;
  job->keep_json = u->tmp_json;
}

/* Moves the run's files into the cache under the unit's key. */
static void store_pass1(wp_state *s, wp_unit *u) {
  ss_cache *c = &s->cache;
  if (ss_cache_record_inputs(c, u->command, u->depfile, u->entry->directory,
                             u->started, u->key) != 0)
    return;
  char *json = ss_cache_path(c, "r", u->key, "json");
  char *facts = ss_cache_path(c, "r", u->key, "facts");
  int moved = rename(u->tmp_json, json) == 0;
  if (moved && ss_path_is_file(u->tmp_facts))
    moved = rename(u->tmp_facts, facts) == 0;
  else if (moved)
    unlink(facts);
  if (moved && ss_cache_save_result(c, "r", u->key, &u->r1) == 0) {
    u->has_key = 1;
    free(u->tmp_facts);
    u->tmp_facts = facts;
    facts = NULL;
  }
  free(json);
  free(facts);
}

static void collect_facts(void *context, size_t i, ss_tu_result *result) {
  wp_state *s = context;
  wp_unit *u = &s->units[s->todo[i]];
  u->r1 = *result;
  memset(result, 0, sizeof *result);
  s->stats.facts_run++;
  if (u->r1.has_report &&
      (u->r1.status == SS_TU_OK || u->r1.status == SS_TU_COMPILE_ERRORS))
    store_pass1(s, u);
  if (!u->has_key)
    unlink(u->tmp_json); /* read already; nothing to keep it for */
  if (unit_facts_read(u->tmp_facts, &u->info) == 0) {
    u->has_facts_info = 1;
    u->facts = ss_xstrdup(u->tmp_facts);
  }
}

/* Runs the units in s->todo through clang. Returns run_all's status. */
static int run_todo(wp_state *s, const char *pass, const run_hooks *hooks,
                    check_results *results) {
  if (!s->todo_count)
    return 0;
  const ss_compile_entry **entries = ss_xcalloc(s->todo_count, sizeof *entries);
  for (size_t k = 0; k < s->todo_count; k++)
    entries[k] = s->units[s->todo[k]].entry;
  run_config config = *s->config;
  config.pass = pass;
  config.hooks = hooks;
  int rc = run_all(entries, s->todo_count, s->plugin, &config, results);
  free(entries);
  return rc;
}

static int pass_facts(wp_state *s) {
  s->todo_count = 0;
  for (size_t i = 0; i < s->count; i++) {
    wp_unit *u = &s->units[i];
    ss_cache_command_key(&s->cache, u->entry, s->plugin, u->command);
    if (load_pass1(s, u) == 0) {
      s->stats.facts_cached++;
      note_dropped(s, u->entry);
      continue;
    }
    u->tmp_json = ss_xasprintf("%s/t-%s-%ld-%zu.json", s->cache.dir, u->command,
                               (long)getpid(), i);
    u->tmp_facts = ss_xasprintf("%s/t-%s-%ld-%zu.facts", s->cache.dir,
                                u->command, (long)getpid(), i);
    u->depfile = ss_xasprintf("%s/tu-%zu.d", s->tmpdir, i);
    s->todo[s->todo_count++] = i;
  }
  run_hooks hooks = {prepare_facts, collect_facts, s};
  return run_todo(s, "facts", &hooks, s->results);
}

/* Merges each facts file once (units compiled twice with the same command
 * and content share one) and reads the database back. Returns 0, 1 when
 * there is nothing to merge, 2 after an error. */
static int pass_merge(wp_state *s) {
  const char **paths = ss_xcalloc(s->count + 1, sizeof *paths);
  size_t n = 0;
  ss_strmap seen = {0};
  for (size_t i = 0; i < s->count; i++) {
    const char *facts = s->units[i].facts;
    if (!facts || ss_strmap_get(&seen, facts))
      continue;
    ss_strmap_put(&seen, facts, (void *)facts);
    paths[n++] = facts;
  }
  if (n == 0) { /* nothing to merge, nothing to check again */
    ss_strmap_free(&seen, NULL);
    free(paths);
    return 1;
  }
  int rc = ss_program_db_merge(paths, n, s->db_path, stderr,
                               "sendsync-check: ", &s->stats.merge);
  ss_strmap_free(&seen, NULL);
  free(paths);
  if (rc != 0) {
    fprintf(stderr, "sendsync-check: cannot write the program database '%s'\n",
            s->db_path);
    return 2;
  }
  return program_index_load(s->db_path, &s->index) == 0 ? 0 : 2;
}

/* The unit's part of the database, in the temporary directory: the plugin
 * reads a few entries instead of the whole program's (unit_program_db).
 * The whole database when that cannot be written. */
static const char *unit_db(wp_state *s, wp_unit *u, size_t i) {
  free(u->unit_db);
  u->unit_db = NULL;
  char *text = unit_program_db(&u->info, &s->index);
  char *path = ss_xasprintf("%s/db-%zu.json", s->tmpdir, i);
  if (text && ss_cache_write_atomic(path, text, strlen(text)) == 0)
    u->unit_db = path;
  else
    free(path);
  free(text);
  return u->unit_db ? u->unit_db : s->db_path;
}

static void prepare_check(void *context, size_t i, ss_plugin_options *options,
                          ss_tu_job *job) {
  wp_state *s = context;
  wp_unit *u = &s->units[s->todo[i]];
  options->program_path = unit_db(s, u, s->todo[i]);
  free(u->tmp_json);
  u->tmp_json =
      u->has_key ? ss_cache_path(&s->cache, "c", u->key2, "json") : NULL;
  job->keep_json = u->tmp_json;
  free(u->facts2);
  u->facts2 = u->has_key ? ss_cache_path(&s->cache, "c", u->key2, "facts")
                         : ss_xasprintf("%s/facts2-%zu", s->tmpdir, s->todo[i]);
  unlink(u->facts2); /* a stale one must not pass for this run's */
  options->facts_path = u->facts2;
}

static void collect_check(void *context, size_t i, ss_tu_result *result) {
  wp_state *s = context;
  wp_unit *u = &s->units[s->todo[i]];
  u->r2 = *result;
  memset(result, 0, sizeof *result);
  u->has_r2 = 1;
  s->stats.check_run++;
  if (u->unit_db)
    unlink(u->unit_db);
  if (u->has_key)
    ss_cache_save_result(&s->cache, "c", u->key2, &u->r2);
}

/* Pass 2's key: pass 1's and the database entries the unit references. */
static void check_key(const wp_state *s, wp_unit *u) {
  ss_hasher h;
  ss_hash_init(&h);
  ss_hash_str(&h, "sendsync-check-pass2-v1");
  ss_hash_str(&h, u->key);
  unit_hash_references(&u->info, &s->index, &h);
  ss_hash_hex(&h, u->key2);
}

static int pass_check(wp_state *s) {
  s->todo_count = 0;
  s->stats.unaffected = 0;
  for (size_t i = 0; i < s->count; i++) {
    wp_unit *u = &s->units[i];
    if (u->has_r2) /* an earlier round's */
      ss_tu_result_free(&u->r2);
    u->has_r2 = 0;
    free(u->facts2);
    u->facts2 = NULL;
    u->recheck = u->has_facts_info && unit_needs_check(&u->info, &s->index);
    if (!u->recheck) {
      s->stats.unaffected++;
      continue;
    }
    if (u->has_key) {
      check_key(s, u);
      if (ss_cache_load_result(&s->cache, "c", u->key2, u->entry->directory,
                               &u->r2) == 0) {
        u->has_r2 = 1;
        u->facts2 = ss_cache_path(&s->cache, "c", u->key2, "facts");
        s->stats.check_cached++;
        continue;
      }
    }
    s->todo[s->todo_count++] = i;
  }
  run_hooks hooks = {prepare_check, collect_check, s};
  check_results scratch = {0}; /* the dropped flags were counted in pass 1 */
  int rc = run_todo(s, "check", &hooks, &scratch);
  results_free(&scratch);
  return rc;
}

static void print_stats(const wp_stats *st) {
  fprintf(stderr,
          "sendsync-check: facts: %zu cached, %zu run; merge: %zu unit%s, "
          "%zu function%s, %zu conflict%s; check: %zu cached, %zu run, %zu "
          "not affected\n",
          st->facts_cached, st->facts_run, st->merge.units,
          st->merge.units == 1 ? "" : "s", st->merge.functions,
          st->merge.functions == 1 ? "" : "s", st->merge.conflicts,
          st->merge.conflicts == 1 ? "" : "s", st->check_cached, st->check_run,
          st->unaffected);
  if (st->rounds)
    fprintf(stderr,
            "sendsync-check: wrappers of other units' wrappers: checked "
            "again %zu time%s\n",
            st->rounds, st->rounds == 1 ? "" : "s");
}

static void free_unit(wp_unit *u) {
  if (u->tmp_facts && !u->has_key)
    unlink(u->tmp_facts);
  free(u->tmp_json);
  free(u->tmp_facts);
  free(u->depfile);
  free(u->unit_db);
  if (u->facts2 && !u->has_key)
    unlink(u->facts2);
  free(u->facts2);
  free(u->facts);
  unit_facts_free(&u->info);
  ss_tu_result_free(&u->r1);
  ss_tu_result_free(&u->r2);
}

/* Pass 2's facts into the database: the wrappers and join helpers that
 * only the database showed (docs/rules.md §6.8, item 5). Returns how many
 * entries changed; -1 when the database cannot be written again. */
static long adopt_deeper_facts(wp_state *s) {
  size_t changed = 0;
  for (size_t i = 0; i < s->count; i++)
    if (s->units[i].has_r2 && s->units[i].facts2)
      changed += program_index_adopt_wrappers(&s->index, s->units[i].facts2);
  if (!changed)
    return 0;
  char *text = ss_program_db_text(s->index.root);
  char *line = text ? ss_xasprintf("%s\n", text) : NULL;
  int rc = line ? ss_cache_write_atomic(s->db_path, line, strlen(line)) : -1;
  free(text);
  free(line);
  if (rc != 0)
    fprintf(stderr, "sendsync-check: cannot write the program database '%s'\n",
            s->db_path);
  return rc == 0 ? (long)changed : -1;
}

/* Pass 2, again while it finds wrappers of other units' wrappers: each
 * round the units that call a new wrapper are checked with it. */
static int check_rounds(wp_state *s) {
  for (;;) {
    int rc = pass_check(s);
    long changed = rc == 0 ? adopt_deeper_facts(s) : 0;
    if (rc != 0 || changed < 0)
      return rc != 0 ? rc : 2;
    if (changed == 0)
      return 0;
    if (s->stats.rounds + 1 >= WP_MAX_ROUNDS) {
      fprintf(stderr,
              "sendsync-check: note: wrappers of wrappers are followed "
              "across %d units; a longer chain is cut there\n",
              WP_MAX_ROUNDS);
      return 0;
    }
    s->stats.rounds++;
  }
}

static int run_passes(wp_state *s) {
  int rc = pass_facts(s);
  if (rc == 0)
    rc = pass_merge(s);
  if (rc == 0)
    rc = check_rounds(s);
  else if (rc == 1) /* no facts: pass 1's results are the answer */
    rc = 0;
  for (size_t i = 0; rc == 0 && i < s->count; i++) {
    wp_unit *u = &s->units[i];
    results_add(s->results, u->entry->file, u->has_r2 ? &u->r2 : &u->r1);
  }
  return rc;
}

/* Deletes what no run has used for --cache-max-age days (docs/ci.md, "The
 * cache"), only after a run that went through: an entry it did not reach
 * may still be needed. Beside the default folder are those of other
 * compile databases, which no run may ever use again. */
static void prune_cache(const check_options *o, const wp_state *s,
                        double started) {
  if (o->cache_max_age < 0 || started < 0)
    return;
  double cutoff = started - (double)o->cache_max_age * 86400.0;
  ss_prune_stats st;
  ss_cache_prune(s->cache.dir, cutoff, /*siblings=*/!o->cache_dir, &st);
  if (o->quiet || (!st.files && !st.folders))
    return;
  fprintf(stderr, "sendsync-check: cache: removed %zu file%s (%.1f MB)",
          st.files, st.files == 1 ? "" : "s", (double)st.bytes / 1e6);
  if (st.folders)
    fprintf(stderr, " and %zu folder%s of other compile databases", st.folders,
            st.folders == 1 ? "" : "s");
  if (o->cache_max_age == 0)
    fprintf(stderr, " that this run did not use\n");
  else
    fprintf(stderr, " unused for %d day%s (--cache-max-age)\n",
            o->cache_max_age, o->cache_max_age == 1 ? "" : "s");
}

int whole_program_run(const check_options *o, const selection *sel,
                      const ss_plugin_options *plugin, const run_config *config,
                      check_results *results) {
  wp_state s = {.plugin = plugin, .config = config, .results = results};
  char *cache_dir = o->cache_dir
                        ? path_or_default(o->cache_dir, sel->db.path, NULL)
                        : default_cache_dir(sel->db.path);
  if (!cache_dir)
    return 2;
  int opened =
      ss_cache_open(&s.cache, cache_dir, plugin->clang, plugin->plugin);
  free(cache_dir);
  if (opened != 0)
    return 2;
  double started = ss_cache_mark_run_start(s.cache.dir);
  s.tmpdir = ss_tu_make_tmpdir();
  if (!s.tmpdir) {
    fprintf(stderr,
            "sendsync-check: cannot create a temporary directory: %s "
            "(set TMPDIR)\n",
            strerror(errno));
    ss_cache_close(&s.cache);
    return 2;
  }
  s.db_path =
      path_or_default(o->program_db, sel->db.path, "program.sendsync-db");
  s.count = sel->count;
  s.units = ss_xcalloc(s.count + 1, sizeof *s.units);
  s.todo = ss_xcalloc(s.count + 1, sizeof *s.todo);
  for (size_t i = 0; i < s.count; i++)
    s.units[i].entry = sel->entries[i];
  int rc = run_passes(&s);
  if (rc == 0 && !o->quiet)
    print_stats(&s.stats);
  if (rc == 0)
    prune_cache(o, &s, started);
  for (size_t i = 0; i < s.count; i++)
    free_unit(&s.units[i]);
  free(s.units);
  free(s.todo);
  program_index_free(&s.index);
  ss_tu_remove_tmpdir(s.tmpdir);
  free(s.tmpdir);
  free(s.db_path);
  ss_cache_close(&s.cache);
  return rc;
}
