/* checker.h - running the plugin on open documents.
 *
 * One child process per check (the clang that runs the plugin, started
 * through tools/common's ss_tu_start). Clang is a separate program anyway,
 * so a process per check costs nothing extra; it gives cancellation for free
 * (kill the child when its buffer goes stale), keeps a crashing compile out
 * of the server, and avoids threads and their locking. The main loop reaps
 * children and hands their status to checker_reap.
 *
 * A finished, current result goes to the callback the server installed;
 * failures are shown to the user here. */
#ifndef SENDSYNC_LSP_CHECKER_H
#define SENDSYNC_LSP_CHECKER_H

#include <sys/types.h>

#include "channel.h"
#include "commands.h"
#include "config.h"
#include "document.h"
#include "findings.h"
#include "settings.h"

/* An open document's version when a check started. */
typedef struct checker_seen {
  char *path;
  long version;
} checker_seen;

/* The report of a completed check of `version` of doc (its locations are
 * under doc->path), and what the other open documents looked like to it
 * (their buffers were shown to clang). */
typedef struct checker_result {
  document *doc;
  long version;
  const ss_report *report;
  const checker_seen *seen;
  size_t seen_count;
} checker_result;

typedef void (*checker_result_fn)(void *context, const checker_result *result);

typedef struct checker {
  const server_config *cfg;
  const settings *settings; /* clang, plugin, strict..., trusted folders */
  doc_store *docs;
  channel *ch;
  char *tmpdir;      /* private (0700), for buffers, overlays and reports; only
                        while checks run */
  commands commands; /* compile databases, cached */
  unsigned counter;
  struct check *checks; /* running checks */
  char **warned;        /* files whose dropped flags were reported */
  size_t warned_count;
  int stopped; /* after shutdown: nothing starts, nothing reports */
  checker_result_fn on_result;
  void *result_context;
} checker;

void checker_init(checker *k, const server_config *cfg, const settings *st,
                  doc_store *docs, channel *ch);
/* Kills what runs (which removes the temporary directory). */
void checker_free(checker *k);

void checker_schedule(checker *k, document *d, long delay_ms);
void checker_start_due(checker *k, long long now);
long long checker_next_due(const checker *k); /* 0: nothing scheduled */
void checker_cancel(document *d);             /* kill the running check */
void checker_forget(document *d);             /* the document is going away */
int checker_reap(checker *k, pid_t pid, int status); /* 1 if it was a check */
/* Kills and reaps every check; no more start afterwards. */
void checker_stop(checker *k);

#endif
