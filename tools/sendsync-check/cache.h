/* The incremental cache of sendsync-check --whole-program (docs/ci.md,
 * "Whole program"), in ccache's "direct mode":
 *
 *   m-<command>.manifest  the files the preprocessor read for a command
 *                         (from -MD -MF) with their content hashes;
 *   r-<key>.{meta,json,out,facts}  a pass-1 result, key = hash of the
 *                         command and the manifest;
 *   c-<key>.{meta,json,out}  a pass-2 result, key = hash of the pass-1 key
 *                         and the database entries the unit references.
 *
 * `<command>` hashes the clang command (every flag, the plugin arguments),
 * the working directory, the clang and plugin files (path, size, mtime) and
 * the tool's version. Each file is written to a temporary and renamed; the
 * .meta file is written last. Anything missing or malformed is a miss.
 * An entry found is touched (its files' modification time set to now), so
 * that pruning (cache_prune.h) keeps what runs still use. */
#ifndef SENDSYNC_CHECK_CACHE_H
#define SENDSYNC_CHECK_CACHE_H

#include <sys/stat.h>

#include "argv.h"
#include "clang_command.h"
#include "compile_db.h"
#include "hash.h"
#include "run_clang.h"
#include "strmap.h"

typedef struct ss_cache {
  char *dir;                  /* absolute */
  char tool[SS_HASH_HEX + 1]; /* clang, plugin and tool version */
  ss_strmap file_hashes;      /* path -> content hash, size, mtime */
} ss_cache;

/* Creates the directory if needed (with a .gitignore of "*"). Returns 0,
 * or -1 after saying why on stderr. */
int ss_cache_open(ss_cache *c, const char *dir, const char *clang,
                  const char *plugin);
void ss_cache_close(ss_cache *c);

/* <dir>/<prefix>-<key>.<ext> (malloc'd). */
char *ss_cache_path(const ss_cache *c, const char *prefix, const char *key,
                    const char *ext);

/* The hash of an entry's command (see above). */
void ss_cache_command_key(const ss_cache *c, const ss_compile_entry *e,
                          const ss_plugin_options *options,
                          char out[SS_HASH_HEX + 1]);

/* Pass-1 key from the manifest of `command` when every file in it has the
 * content it had. Returns 1 (key set) or 0 (no manifest, or a file
 * changed). */
int ss_cache_lookup_key(ss_cache *c, const char *command,
                        char key[SS_HASH_HEX + 1]);

/* After a run: writes the manifest of `command` from the dependency file
 * and sets the pass-1 key. `started` is the run's start (CLOCK_REALTIME);
 * a file modified since then makes the result uncacheable. Returns 0, or
 * -1 (not cacheable: nothing written). */
int ss_cache_record_inputs(ss_cache *c, const char *command,
                           const char *depfile, const char *directory,
                           double started, char key[SS_HASH_HEX + 1]);

/* Loads <prefix>-<key>.{meta,json,out} into *r (zeroed on failure), with
 * locations made absolute against `directory`. Returns 0, or -1 when the
 * entry is missing or malformed. */
int ss_cache_load_result(const ss_cache *c, const char *prefix, const char *key,
                         const char *directory, ss_tu_result *r);

/* Stores a result whose JSON report is already at <prefix>-<key>.json:
 * writes .out and then .meta. Only results with a report are stored.
 * Returns 0 or -1. */
int ss_cache_save_result(const ss_cache *c, const char *prefix, const char *key,
                         const ss_tu_result *r);

/* The extensions of a result's files, <prefix>-<key>.<ext> (beside a
 * command's .manifest). */
enum { SS_CACHE_RESULT_EXTS = 4 };
extern const char *const ss_cache_result_exts[SS_CACHE_RESULT_EXTS];

/* A file's modification time, in seconds since the epoch. */
double ss_cache_mtime(const struct stat *st);

/* Writes `text` to `path` atomically (temporary + rename). 0 or -1. */
int ss_cache_write_atomic(const char *path, const char *text, size_t size);

#endif
