/* Small allocation and string helpers shared by the tools. Allocation
 * failure is not recoverable in a command-line tool: these abort. */
#ifndef SENDSYNC_UTIL_H
#define SENDSYNC_UTIL_H

#include <stddef.h>

void *ss_xmalloc(size_t size);
void *ss_xcalloc(size_t count, size_t size);
void *ss_xrealloc(void *p, size_t size);
char *ss_xstrdup(const char *s);
char *ss_xstrndup(const char *s, size_t n);
char *ss_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reads a whole file; NULL on error (errno set). *size may be NULL. */
char *ss_read_file(const char *path, size_t *size);

/* A growable string. */
typedef struct ss_buf {
  char *s; /* NUL-terminated when non-NULL */
  size_t len, cap;
} ss_buf;
void ss_buf_append(ss_buf *b, const char *s, size_t n);
void ss_buf_puts(ss_buf *b, const char *s);
void ss_buf_printf(ss_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *ss_buf_take(ss_buf *b); /* the string ("" if empty); b is reset */

#endif
