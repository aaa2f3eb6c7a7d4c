/* framing.c - see framing.h. */
#include "framing.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* A header block longer than this is not a header: drop it. */
#define MAX_HEADER_BYTES 8192
/* Refuse absurd bodies rather than allocating them. */
#define MAX_BODY_BYTES (256u * 1024u * 1024u)

void frame_reader_init(frame_reader *r) { memset(r, 0, sizeof *r); }

void frame_reader_free(frame_reader *r) {
  free(r->buf);
  memset(r, 0, sizeof *r);
}

int frame_reader_feed(frame_reader *r, const char *data, size_t n) {
  if (r->len + n + 1 > r->cap) {
    size_t cap = r->cap ? r->cap : 4096;
    while (cap < r->len + n + 1)
      cap *= 2;
    char *p = realloc(r->buf, cap);
    if (!p)
      return -1;
    r->buf = p;
    r->cap = cap;
  }
  memcpy(r->buf + r->len, data, n);
  r->len += n;
  r->buf[r->len] = '\0';
  return 0;
}

static void consume(frame_reader *r, size_t n) {
  memmove(r->buf, r->buf + n, r->len - n);
  r->len -= n;
  if (r->buf)
    r->buf[r->len] = '\0';
}

static const char *find_bytes(const char *hay, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = 0; i + k <= n; i++)
    if (memcmp(hay + i, needle, k) == 0)
      return hay + i;
  return NULL;
}

/* Parses the header block [p, end): returns the Content-Length or -1. */
static long parse_headers(const char *p, const char *end, const char **error) {
  long length = -1;
  while (p < end) {
    const char *eol = find_bytes(p, (size_t)(end - p), "\r\n");
    if (!eol)
      eol = end;
    const char *colon = memchr(p, ':', (size_t)(eol - p));
    if (!colon) {
      *error = "header line without ':'";
      return -1;
    }
    size_t name_len = (size_t)(colon - p);
    if (name_len == 14 && strncasecmp(p, "Content-Length", 14) == 0) {
      const char *v = colon + 1;
      while (v < eol && (*v == ' ' || *v == '\t'))
        v++;
      if (v == eol) {
        *error = "empty Content-Length";
        return -1;
      }
      unsigned long value = 0;
      for (; v < eol && *v != ' ' && *v != '\t'; v++) {
        if (*v < '0' || *v > '9') {
          *error = "Content-Length is not a number";
          return -1;
        }
        value = value * 10 + (unsigned long)(*v - '0');
        if (value > MAX_BODY_BYTES) {
          *error = "Content-Length too large";
          return -1;
        }
      }
      length = (long)value;
    }
    p = eol + 2;
  }
  if (length < 0)
    *error = "missing Content-Length header";
  return length;
}

enum frame_status frame_reader_next(frame_reader *r, char **body, size_t *len,
                                    const char **error) {
  *body = NULL;
  *len = 0;
  /* Blank lines between messages are tolerated. */
  size_t skip = 0;
  while (skip < r->len && (r->buf[skip] == '\r' || r->buf[skip] == '\n'))
    skip++;
  if (skip)
    consume(r, skip);
  if (r->len == 0)
    return FRAME_NONE;
  const char *sep = find_bytes(r->buf, r->len, "\r\n\r\n");
  if (!sep) {
    if (r->len > MAX_HEADER_BYTES) {
      *error = "header block too long (no blank line after the headers)";
      consume(r, r->len);
      return FRAME_ERROR;
    }
    return FRAME_NONE;
  }
  size_t header_len = (size_t)(sep - r->buf);
  long n = parse_headers(r->buf, sep, error);
  if (n < 0) {
    consume(r, header_len + 4);
    return FRAME_ERROR;
  }
  size_t total = header_len + 4 + (size_t)n;
  if (r->len < total)
    return FRAME_NONE;
  char *copy = malloc((size_t)n + 1);
  if (!copy) {
    *error = "out of memory";
    consume(r, total);
    return FRAME_ERROR;
  }
  memcpy(copy, sep + 4, (size_t)n);
  copy[n] = '\0';
  consume(r, total);
  *body = copy;
  *len = (size_t)n;
  return FRAME_MESSAGE;
}

void outq_init(outq *q, int fd) {
  memset(q, 0, sizeof *q);
  q->fd = fd;
}

void outq_free(outq *q) {
  free(q->buf);
  q->buf = NULL;
  q->len = q->cap = q->off = 0;
}

static int outq_append(outq *q, const char *data, size_t n) {
  if (q->off && q->off == q->len)
    q->off = q->len = 0;
  if (q->len + n > q->cap) {
    size_t cap = q->cap ? q->cap : 8192;
    while (cap < q->len + n)
      cap *= 2;
    char *p = realloc(q->buf, cap);
    if (!p)
      return -1;
    q->buf = p;
    q->cap = cap;
  }
  memcpy(q->buf + q->len, data, n);
  q->len += n;
  return 0;
}

int outq_push_frame(outq *q, const char *body, size_t len) {
  if (q->broken)
    return -1;
  char header[64];
  int h = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", len);
  if (outq_append(q, header, (size_t)h) || outq_append(q, body, len))
    return -1;
  return 0;
}

int outq_pending(const outq *q) { return !q->broken && q->off < q->len; }

void outq_flush(outq *q) {
  while (outq_pending(q)) {
    ssize_t w = write(q->fd, q->buf + q->off, q->len - q->off);
    if (w > 0) {
      q->off += (size_t)w;
    } else if (w < 0 && errno == EINTR) {
      continue;
    } else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      return;
    } else {
      q->broken = 1;
      return;
    }
  }
  q->off = q->len = 0;
}

void outq_drain(outq *q, int timeout_ms) {
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  while (outq_pending(q)) {
    outq_flush(q);
    if (!outq_pending(q))
      break;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long elapsed = (now.tv_sec - start.tv_sec) * 1000 +
                   (now.tv_nsec - start.tv_nsec) / 1000000;
    if (elapsed >= timeout_ms)
      break;
    struct pollfd p = {.fd = q->fd, .events = POLLOUT};
    poll(&p, 1, (int)(timeout_ms - elapsed));
  }
}
