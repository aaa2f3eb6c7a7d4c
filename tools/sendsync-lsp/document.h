/* document.h - the open documents: their text (kept in sync with the
 * editor's didOpen/didChange), version, and the latest diagnostics of each
 * source. */
#ifndef SENDSYNC_LSP_DOCUMENT_H
#define SENDSYNC_LSP_DOCUMENT_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "position.h"

struct check;

typedef struct document {
  struct document *next;
  char *uri;
  char *path; /* absolute, normalised file path; NULL for a non-file URI */
  char *language;
  long version;
  char *text;
  size_t len;

  /* Checking (see checker.h). */
  long long due_ms;     /* start a check at this time; 0 = none scheduled */
  long checked_version; /* version of the latest check that completed */
  int ever_checked;
  struct check *running; /* the one check of this document, or NULL */

  /* The latest sendsync diagnostics (a JSON array, owned) and the code
   * actions for their fix-its (array of {diagnostic, edit} pairs), valid
   * for ss_version. */
  cJSON *ss_diagnostics;
  cJSON *ss_actions;
  long ss_version;
  /* Findings in this document from checks of other documents (a header
   * checked through the file that includes it): an object keyed by the
   * checked file's path, each {"version": v, "diagnostics": [...]}, v being
   * this document's version the check saw. Owned; NULL when none. */
  cJSON *ss_foreign;
  /* What sendsync had for recent past versions ([{"version", "diagnostics"}],
   * oldest first): a publication of clangd's that lags behind the editor
   * gets the set of its own version. */
  cJSON *ss_past;

  /* Wrap mode: clangd's latest diagnostics for this URI (owned) and the
   * version clangd gave them (-1: none). */
  cJSON *clangd_diagnostics;
  long clangd_version;
} document;

typedef struct doc_store {
  document *head;
} doc_store;

/* By URI: the same string, or for a file URI the same decoded, normalised
 * path. */
document *doc_find(doc_store *s, const char *uri);
document *doc_find_path(doc_store *s, const char *path);
/* Creates (or replaces the text of) the document for uri. */
document *doc_open(doc_store *s, const char *uri, const char *language,
                   long version, const char *text);
/* Unlinks the document; the caller frees it with doc_free after stopping
 * its check. */
void doc_unlink(doc_store *s, document *d);
void doc_free(document *d);

/* Applies one TextDocumentContentChangeEvent (full text, or a range edit
 * whose positions are in encoding e), moving sendsync's current sets
 * through it (edits.h). Returns 0, or -1 if it is malformed. */
int doc_apply_change(document *d, const cJSON *change, enum pos_encoding e);
/* Before the changes of one didChange: remembers the sets shown for the
 * current version. */
void doc_remember_version(document *d);
/* After them: the sets that were current (moved through the changes) now
 * belong to `version`. */
void doc_new_version(document *d, long version);

/* Appends sendsync's diagnostics for d at `version` to all: its own
 * check's and what checks of other files found in it, once each; for a
 * past version, what was shown then. */
void doc_add_sendsync(const document *d, long version, cJSON *all);
/* Whether sendsync has any diagnostics for d now. */
int doc_has_sendsync(const document *d);

/* file:// URI <-> path (percent-decoding / encoding). malloc'd; NULL if the
 * URI is not a file URI. */
char *uri_to_path(const char *uri);
char *path_to_uri(const char *path);
/* uri_to_path, made absolute and normalised (".", "..", "//"). */
char *uri_to_normal_path(const char *uri);

#endif
