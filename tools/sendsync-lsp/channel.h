/* channel.h - the way to the editor (stdout): framed messages queued on a
 * non-blocking descriptor, notifications, and messages shown to the user at
 * most once. Every module that talks to the editor goes through here, so
 * none of them needs the server. */
#ifndef SENDSYNC_LSP_CHANNEL_H
#define SENDSYNC_LSP_CHANNEL_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <time.h>

#include "framing.h"

/* LSP MessageType values. */
enum { MSG_ERROR = 1, MSG_WARNING = 2, MSG_INFO = 3, MSG_LOG = 4 };

typedef struct channel {
  outq out;
  char **said; /* messages already shown once */
  size_t said_count;
} channel;

void channel_init(channel *c, int fd);
void channel_free(channel *c);

void channel_send_raw(channel *c, const char *body, size_t len);
/* Sends and frees a body built by the rpc_* builders (NULL: nothing). */
void channel_send_owned(channel *c, char *body);
/* Sends a notification (consumes params). */
void channel_notify(channel *c, const char *method, cJSON *params);
/* window/showMessage, and the same text on stderr. */
void channel_show(channel *c, int type, const char *text);
/* window/showMessage at most once per distinct text. */
void channel_show_once(channel *c, int type, const char *text);
/* window/logMessage. */
void channel_log(channel *c, int type, const char *text);

/* Milliseconds on a monotonic clock. */
static inline long long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

#endif
