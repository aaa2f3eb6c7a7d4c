/* position.c - see position.h. */
#include "position.h"

#include <string.h>

const char *pos_encoding_name(enum pos_encoding e) {
  switch (e) {
  case ENC_UTF8:
    return "utf-8";
  case ENC_UTF32:
    return "utf-32";
  case ENC_UTF16:
    break;
  }
  return "utf-16";
}

int pos_encoding_parse(const char *name, enum pos_encoding *e) {
  if (!name)
    return -1;
  if (strcmp(name, "utf-8") == 0)
    *e = ENC_UTF8;
  else if (strcmp(name, "utf-16") == 0)
    *e = ENC_UTF16;
  else if (strcmp(name, "utf-32") == 0)
    *e = ENC_UTF32;
  else
    return -1;
  return 0;
}

size_t pos_line_start(const char *text, size_t len, long line) {
  size_t i = 0;
  while (line > 0 && i < len) {
    if (text[i] == '\n') {
      line--;
    } else if (text[i] == '\r') {
      if (i + 1 < len && text[i + 1] == '\n')
        i++;
      line--;
    }
    i++;
  }
  return line > 0 ? len : i;
}

size_t pos_line_end(const char *text, size_t len, size_t start) {
  size_t i = start;
  while (i < len && text[i] != '\n' && text[i] != '\r')
    i++;
  return i;
}

/* Length in bytes of the UTF-8 sequence at p (1 for a malformed byte), and
 * the number of code units it takes in encoding e. */
static size_t utf8_step(const unsigned char *p, size_t avail,
                        enum pos_encoding e, long *units) {
  size_t n = 1;
  unsigned char c = p[0];
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    n = 3;
  else if (c >= 0xF0 && c <= 0xF4)
    n = 4;
  if (n > avail)
    n = 1;
  for (size_t k = 1; k < n; k++)
    if ((p[k] & 0xC0) != 0x80) {
      n = 1;
      break;
    }
  if (e == ENC_UTF8)
    *units = (long)n;
  else if (e == ENC_UTF16)
    *units = n == 4 ? 2 : 1;
  else
    *units = 1;
  return n;
}

long pos_clang_to_lsp_char(const char *text, size_t len, long line1, long col1,
                           enum pos_encoding e) {
  if (line1 < 1)
    line1 = 1;
  if (col1 < 1)
    col1 = 1;
  size_t start = pos_line_start(text, len, line1 - 1);
  size_t end = pos_line_end(text, len, start);
  size_t target = start + (size_t)(col1 - 1);
  if (target > end)
    target = end;
  long units = 0;
  size_t i = start;
  while (i < target) {
    long u;
    size_t n = utf8_step((const unsigned char *)text + i, end - i, e, &u);
    if (i + n > target) /* a column inside a sequence: count it as started */
      n = target - i;
    i += n;
    units += u;
  }
  return units;
}

size_t pos_lsp_to_offset(const char *text, size_t len, long line,
                         long character, enum pos_encoding e) {
  if (line < 0)
    return 0;
  size_t start = pos_line_start(text, len, line);
  size_t end = pos_line_end(text, len, start);
  size_t i = start;
  long units = 0;
  while (i < end && units < character) {
    long u;
    i += utf8_step((const unsigned char *)text + i, end - i, e, &u);
    units += u;
  }
  return i;
}

void pos_offset_to_lsp(const char *text, size_t len, size_t offset,
                       enum pos_encoding e, long *line, long *character) {
  if (offset > len)
    offset = len;
  long l = 0;
  size_t start = 0;
  for (size_t i = 0; i < offset; i++) {
    if (text[i] == '\n' ||
        (text[i] == '\r' && !(i + 1 < len && text[i + 1] == '\n'))) {
      l++;
      start = i + 1;
    }
  }
  long units = 0;
  for (size_t i = start; i < offset;) {
    long u;
    size_t n = utf8_step((const unsigned char *)text + i, offset - i, e, &u);
    i += n;
    units += u;
  }
  *line = l;
  *character = units;
}

size_t pos_utf8_valid(const unsigned char *p, size_t avail) {
  if (avail == 0)
    return 0;
  size_t n = p[0] < 0x80                    ? 1
             : p[0] >= 0xC2 && p[0] <= 0xDF ? 2
             : p[0] >= 0xE0 && p[0] <= 0xEF ? 3
             : p[0] >= 0xF0 && p[0] <= 0xF4 ? 4
                                            : 0;
  if (n == 0 || n > avail)
    return 0;
  for (size_t k = 1; k < n; k++)
    if ((p[k] & 0xC0) != 0x80)
      return 0;
  if ((n == 3 && p[0] == 0xE0 && p[1] < 0xA0) ||
      (n == 3 && p[0] == 0xED && p[1] >= 0xA0) ||
      (n == 4 && p[0] == 0xF0 && p[1] < 0x90) ||
      (n == 4 && p[0] == 0xF4 && p[1] >= 0x90))
    return 0; /* overlong, surrogate, beyond U+10FFFF */
  return n;
}
