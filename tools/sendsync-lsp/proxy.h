/* proxy.h - wrap mode's connection to clangd: clangd runs as our child, and
 * framed messages go to its stdin and come from its stdout. What the
 * messages mean is wrap.c's business. */
#ifndef SENDSYNC_LSP_PROXY_H
#define SENDSYNC_LSP_PROXY_H

#include <poll.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct proxy proxy;

/* Called for each message body from clangd. */
typedef void (*proxy_message_fn)(void *context, const char *body, size_t len);

/* Starts argv (clangd and its arguments). NULL on failure (errno set). */
proxy *proxy_start(char **argv, proxy_message_fn on_message, void *context);
void proxy_send(proxy *p, const char *body, size_t len);

void proxy_add_pollfds(proxy *p, struct pollfd *fds, int *n);
/* Returns 1 when clangd's output closed during this call. */
int proxy_handle_pollfds(proxy *p, const struct pollfd *fds, int n);
int proxy_reap(proxy *p, pid_t pid, int status); /* 1 if it was clangd */

/* The editor said exit and it was forwarded: clangd's end is expected. */
void proxy_set_exit_forwarded(proxy *p);
int proxy_exit_forwarded(const proxy *p);
/* After the output closed: waits briefly for clangd's status and says how
 * it ended ("exited with status 1", ...). */
void proxy_describe_end(proxy *p, char *buf, size_t size);

/* At exit: close clangd's input, wait, kill; frees p. */
void proxy_shutdown(proxy *p);

#endif
