/* edits.c - see edits.h. */
#include "edits.h"

#include <string.h>

#include "jsonrpc.h"

/* Line breaks in text and the units after the last one. */
static void measure(const char *text, size_t len, enum pos_encoding e,
                    long *lines, long *last) {
  pos_offset_to_lsp(text, len, len, e, lines, last);
}

int edit_of_range(const cJSON *range, const char *text, enum pos_encoding e,
                  text_edit *out) {
  const cJSON *a = json_obj(range, "start"), *b = json_obj(range, "end");
  if (!a || !b || json_int(a, "line", &out->l0) ||
      json_int(a, "character", &out->c0) || json_int(b, "line", &out->l1) ||
      json_int(b, "character", &out->c1))
    return -1;
  measure(text, strlen(text), e, &out->lines, &out->last);
  return 0;
}

static int continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

void edit_between(const char *old, size_t old_len, const char *new_text,
                  size_t new_len, enum pos_encoding e, text_edit *out) {
  size_t pre = 0;
  while (pre < old_len && pre < new_len && old[pre] == new_text[pre])
    pre++;
  while (pre > 0 && pre < old_len && continuation((unsigned char)old[pre]))
    pre--; /* never split a UTF-8 sequence */
  size_t suf = 0;
  while (suf < old_len - pre && suf < new_len - pre &&
         old[old_len - 1 - suf] == new_text[new_len - 1 - suf])
    suf++;
  while (suf > 0 && continuation((unsigned char)old[old_len - suf]))
    suf--;
  pos_offset_to_lsp(old, old_len, pre, e, &out->l0, &out->c0);
  pos_offset_to_lsp(old, old_len, old_len - suf, e, &out->l1, &out->c1);
  measure(new_text + pre, new_len - suf - pre, e, &out->lines, &out->last);
}

static int before(long la, long ca, long lb, long cb) {
  return la < lb || (la == lb && ca < cb);
}

/* Moves a position that lies after the replaced range. */
static void shift(long *line, long *character, const text_edit *ed) {
  if (*line == ed->l1)
    *character =
        (ed->lines ? ed->last : ed->c0 + ed->last) + (*character - ed->c1);
  *line += ed->l0 + ed->lines - ed->l1;
}

/* Maps an LSP Range in place. Returns -1 if it touches the replaced range. */
static int map_range(cJSON *range, const text_edit *ed) {
  cJSON *a = json_obj(range, "start"), *b = json_obj(range, "end");
  long la, ca, lb, cb;
  if (!a || !b || json_int(a, "line", &la) || json_int(a, "character", &ca) ||
      json_int(b, "line", &lb) || json_int(b, "character", &cb))
    return -1;
  if (before(lb, cb, ed->l0, ed->c0))
    return 0; /* wholly before the edit */
  if (!before(la, ca, ed->l1, ed->c1) && (la != ed->l1 || ca != ed->c1)) {
    shift(&la, &ca, ed);
    shift(&lb, &cb, ed);
    cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(a, "line"),
                         (double)la);
    cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(a, "character"),
                         (double)ca);
    cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(b, "line"),
                         (double)lb);
    cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(b, "character"),
                         (double)cb);
    return 0;
  }
  return -1;
}

/* Whether the edit touches a line of the range. */
static int touches_lines(const cJSON *range, const text_edit *ed) {
  long first = -1, last = -1;
  json_int(json_obj(range, "start"), "line", &first);
  json_int(json_obj(range, "end"), "line", &last);
  return first <= ed->l1 && last >= ed->l0;
}

/* A note is dropped with its finding for an edit anywhere on its lines: the
 * message names what the note shows, and the note may sit beside that name
 * (on SS_SEND in "struct SS_SEND job"), so renaming job touches the line,
 * not the note. */
static int map_one(cJSON *d, const char *uri, const text_edit *ed) {
  cJSON *ri;
  cJSON_ArrayForEach(
      ri, cJSON_GetObjectItemCaseSensitive(d, "relatedInformation")) {
    cJSON *loc = json_obj(ri, "location");
    const char *u = json_str(loc, "uri");
    if (u && strcmp(u, uri) == 0 && touches_lines(json_obj(loc, "range"), ed))
      return -1;
  }
  if (map_range(json_obj(d, "range"), ed) != 0)
    return -1;
  cJSON_ArrayForEach(
      ri, cJSON_GetObjectItemCaseSensitive(d, "relatedInformation")) {
    cJSON *loc = json_obj(ri, "location");
    const char *u = json_str(loc, "uri");
    if (u && strcmp(u, uri) == 0 && map_range(json_obj(loc, "range"), ed) != 0)
      return -1;
  }
  return 0;
}

void edit_map_diagnostics(cJSON *diagnostics, const char *uri,
                          const text_edit *ed) {
  cJSON *d = diagnostics ? diagnostics->child : NULL;
  while (d) {
    cJSON *next = d->next;
    if (map_one(d, uri, ed) != 0)
      cJSON_Delete(cJSON_DetachItemViaPointer(diagnostics, d));
    d = next;
  }
}
