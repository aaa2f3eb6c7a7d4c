/* Pruning of --whole-program's cache (docs/ci.md, "The cache"). A run
 * touches every cache file it uses (cache.c); at its end the files no run
 * has touched since a cutoff are deleted. Only the cache's own files are:
 * <m|r|c>-<hash>.<manifest|meta|json|out|facts> and their temporaries;
 * symbolic links and anything else are left alone. */
#ifndef SENDSYNC_CHECK_CACHE_PRUNE_H
#define SENDSYNC_CHECK_CACHE_PRUNE_H

#include <stddef.h>

typedef struct ss_prune_stats {
  size_t files;             /* deleted */
  unsigned long long bytes; /* their size */
  size_t folders;           /* other compile databases' folders removed */
} ss_prune_stats;

/* Marks a run's start in `dir` (its .last-run file) and returns the time
 * the file system gave it: the clock that stamps what the run touches,
 * coarser than clock_gettime's. -1 when it cannot be written (then nothing
 * should be pruned). */
double ss_cache_mark_run_start(const char *dir);

/* Deletes the cache files in `dir` last touched before `cutoff` (seconds
 * since the epoch). With `siblings`, does the same in the other folders
 * beside `dir` whose names are those of the default cache's folders, and
 * removes those left with nothing but their .gitignore. */
void ss_cache_prune(const char *dir, double cutoff, int siblings,
                    ss_prune_stats *st);

#endif
