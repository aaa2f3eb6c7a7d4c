/* channel.c - see channel.h. */
#include "channel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonrpc.h"
#include "position.h"

void channel_init(channel *c, int fd) {
  memset(c, 0, sizeof *c);
  outq_init(&c->out, fd);
}

void channel_free(channel *c) {
  for (size_t k = 0; k < c->said_count; k++)
    free(c->said[k]);
  free(c->said);
  c->said = NULL;
  c->said_count = 0;
  outq_free(&c->out);
}

/* A body must be UTF-8 (LSP). Bytes that are not come from file names
 * (paths are bytes on POSIX) inside strings: each becomes the text \\xNN,
 * an escaped backslash, so the JSON stays valid and the name readable.
 * Returns a malloc'd copy, or NULL when the body is valid as it is. */
static char *escape_invalid_utf8(const char *body, size_t len,
                                 size_t *out_len) {
  size_t bad = 0;
  for (size_t i = 0; i < len;) {
    size_t n = pos_utf8_valid((const unsigned char *)body + i, len - i);
    bad += n == 0;
    i += n ? n : 1;
  }
  if (!bad)
    return NULL;
  char *out = malloc(len + 4 * bad + 1);
  if (!out)
    return NULL;
  size_t k = 0;
  for (size_t i = 0; i < len;) {
    size_t n = pos_utf8_valid((const unsigned char *)body + i, len - i);
    if (n) {
      memcpy(out + k, body + i, n);
      k += n;
      i += n;
    } else {
      k += (size_t)sprintf(out + k, "\\\\x%02X", (unsigned char)body[i]);
      i++;
    }
  }
  out[k] = '\0';
  *out_len = k;
  return out;
}

void channel_send_raw(channel *c, const char *body, size_t len) {
  size_t fixed_len = 0;
  char *fixed = escape_invalid_utf8(body, len, &fixed_len);
  outq_push_frame(&c->out, fixed ? fixed : body, fixed ? fixed_len : len);
  free(fixed);
  outq_flush(&c->out);
}

void channel_send_owned(channel *c, char *body) {
  if (!body)
    return;
  channel_send_raw(c, body, strlen(body));
  free(body);
}

void channel_notify(channel *c, const char *method, cJSON *params) {
  channel_send_owned(c, rpc_notification(method, params));
}

void channel_show(channel *c, int type, const char *text) {
  cJSON *params = cJSON_CreateObject();
  cJSON_AddNumberToObject(params, "type", type);
  cJSON_AddStringToObject(params, "message", text);
  channel_notify(c, "window/showMessage", params);
  fprintf(stderr, "%s\n", text);
}

void channel_show_once(channel *c, int type, const char *text) {
  for (size_t i = 0; i < c->said_count; i++)
    if (strcmp(c->said[i], text) == 0)
      return;
  char **p = realloc(c->said, (c->said_count + 1) * sizeof *p);
  if (!p)
    return;
  c->said = p;
  c->said[c->said_count++] = strdup(text);
  channel_show(c, type, text);
}

void channel_log(channel *c, int type, const char *text) {
  cJSON *p = cJSON_CreateObject();
  cJSON_AddNumberToObject(p, "type", type);
  cJSON_AddStringToObject(p, "message", text);
  channel_notify(c, "window/logMessage", p);
}
