/* edits.h - moving LSP ranges through edits of a text, so that findings
 * computed for an older version stay where their code went while a newer
 * check runs (wrap mode shows them in clangd's publications meanwhile). */
#ifndef SENDSYNC_LSP_EDITS_H
#define SENDSYNC_LSP_EDITS_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "position.h"

/* The range [l0:c0, l1:c1] of the old text replaced by a text with `lines`
 * line breaks and `last` units on its last line. */
typedef struct text_edit {
  long l0, c0, l1, c1;
  long lines, last;
} text_edit;

/* The edit that replaces `range` (an LSP Range) with text. -1 if the range
 * is malformed. */
int edit_of_range(const cJSON *range, const char *text, enum pos_encoding e,
                  text_edit *out);
/* One edit that turns old into new: what lies between their common prefix
 * and suffix (a full-text change, seen as the edit it most likely was). */
void edit_between(const char *old, size_t old_len, const char *new_text,
                  size_t new_len, enum pos_encoding e, text_edit *out);

/* Moves the diagnostics (a JSON array) through the edit, in place. A
 * diagnostic goes away when its range touches the replaced range (its code
 * was edited), or the edit touches a line of one of its related locations in
 * `uri` (its message may name what is gone). */
void edit_map_diagnostics(cJSON *diagnostics, const char *uri,
                          const text_edit *ed);

#endif
