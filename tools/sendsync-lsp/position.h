/* position.h - positions between clang (1-based line, 1-based byte column)
 * and LSP (0-based line, 0-based character in the negotiated encoding).
 *
 * Lines end at "\n", "\r\n" or "\r", as in both clang and LSP. Malformed
 * UTF-8 bytes count as one unit each, so a bad byte never shifts more than
 * its own column.
 */
#ifndef SENDSYNC_LSP_POSITION_H
#define SENDSYNC_LSP_POSITION_H

#include <stddef.h>

enum pos_encoding { ENC_UTF16, ENC_UTF8, ENC_UTF32 };

const char *pos_encoding_name(enum pos_encoding e);
/* Returns 0 and sets *e for "utf-8", "utf-16", "utf-32"; -1 otherwise. */
int pos_encoding_parse(const char *name, enum pos_encoding *e);

/* Byte offset of the start of 0-based line `line`; `len` if there is none. */
size_t pos_line_start(const char *text, size_t len, long line);
/* Byte offset just past the last character of the line starting at `start`
 * (before its terminator). */
size_t pos_line_end(const char *text, size_t len, size_t start);

/* clang (1-based line, 1-based byte column) -> LSP character on that line.
 * Columns beyond the end of the line are clamped to it. */
long pos_clang_to_lsp_char(const char *text, size_t len, long line1, long col1,
                           enum pos_encoding e);

/* LSP (line, character) -> byte offset into text (clamped to the line's end,
 * and to the text's end for lines past the last). */
size_t pos_lsp_to_offset(const char *text, size_t len, long line,
                         long character, enum pos_encoding e);

/* Length of the valid UTF-8 sequence at p (of avail bytes), or 0. */
size_t pos_utf8_valid(const unsigned char *p, size_t avail);

/* Byte offset -> LSP (line, character). An offset between "\r" and "\n"
 * counts as the end of the line. */
void pos_offset_to_lsp(const char *text, size_t len, size_t offset,
                       enum pos_encoding e, long *line, long *character);

#endif
