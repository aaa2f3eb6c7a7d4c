/* framing.h - LSP base protocol: Content-Length framed messages.
 *
 * A reader collects bytes from a stream and cuts them into message bodies.
 * Content-Length counts bytes of the body (not characters). A header block
 * without a usable Content-Length is a framing error: it is reported, skipped
 * and reading resynchronises at the next header block.
 *
 * An outq is a queue of bytes for a non-blocking file descriptor; it is
 * flushed when poll() says the descriptor is writable, so that a peer that is
 * slow to read (clangd, the editor) never blocks the event loop.
 */
#ifndef SENDSYNC_LSP_FRAMING_H
#define SENDSYNC_LSP_FRAMING_H

#include <stddef.h>

typedef struct frame_reader {
  char *buf;
  size_t len, cap;
} frame_reader;

enum frame_status { FRAME_NONE, FRAME_MESSAGE, FRAME_ERROR };

void frame_reader_init(frame_reader *r);
void frame_reader_free(frame_reader *r);
/* Appends bytes; returns 0, or -1 when out of memory. */
int frame_reader_feed(frame_reader *r, const char *data, size_t n);
/* FRAME_MESSAGE: *body is a malloc'd, NUL-terminated copy of the body and
 * *len its length in bytes. FRAME_ERROR: *error describes the problem (a
 * static string) and the bad header block has been dropped. FRAME_NONE: more
 * bytes are needed. */
enum frame_status frame_reader_next(frame_reader *r, char **body, size_t *len,
                                    const char **error);

typedef struct outq {
  int fd;
  char *buf;
  size_t len, cap, off;
  int broken; /* a write failed (EPIPE...): further output is dropped */
} outq;

void outq_init(outq *q, int fd);
void outq_free(outq *q);
/* Queues one framed message (header + body). */
int outq_push_frame(outq *q, const char *body, size_t len);
int outq_pending(const outq *q);
/* Writes as much as the descriptor takes without blocking. */
void outq_flush(outq *q);
/* Writes everything, waiting for the descriptor (used before exiting). */
void outq_drain(outq *q, int timeout_ms);

#endif
