/* server.h - the state of one sendsync-lsp process and the pieces that act
 * on it.
 *
 * Concurrency model: one thread, one poll() loop (main.c), and one child
 * process per check (the clang that runs the plugin, started through
 * tools/common's ss_tu_start). Clang is a separate program anyway, so a
 * process per check costs nothing extra; it gives us cancellation for free
 * (kill the child when its buffer goes stale), keeps a crashing compile out
 * of the server, and avoids threads and their locking altogether. Child exits
 * are noticed through a self-pipe written by the SIGCHLD handler. */
#ifndef SENDSYNC_LSP_SERVER_H
#define SENDSYNC_LSP_SERVER_H

#include <cjson/cJSON.h>
#include <poll.h>
#include <sys/types.h>

#include "document.h"
#include "framing.h"
#include "position.h"

struct check;
struct proxy;

typedef struct server_config {
  const char *clang;
  const char *plugin;
  const char *doc_base;             /* prefix of codeDescription.href */
  const char *compile_commands_dir; /* NULL: nearest parent, as clangd */
  const char *annotations_dir;      /* added with -idirafter to default flags */
  const char *const *plugin_args;   /* extra -fplugin-arg-sendsync-... (strict...) */
  size_t plugin_arg_count;
  long debounce_ms;
  int wrap;
  char **clangd_argv; /* wrap mode: the command after "--" */
} server_config;

typedef struct server {
  server_config cfg;
  enum pos_encoding encoding;
  int initialize_seen;
  int shutdown_requested;
  int exit_now;  /* leave the loop */
  int exit_code;
  int input_eof;

  frame_reader in; /* from the editor (stdin) */
  outq out;        /* to the editor (stdout) */
  doc_store docs;

  char *tmpdir;
  unsigned check_counter;
  struct check *checks; /* running checks */
  char **said;          /* messages already shown once */
  size_t said_count;

  struct proxy *proxy; /* wrap mode */
} server;

long long now_ms(void);

/* Sends a notification / response to the editor (consumes params/result). */
void server_notify(server *s, const char *method, cJSON *params);
void server_send_raw(server *s, const char *body, size_t len);
/* window/showMessage, at most once per distinct text. */
void server_show_once(server *s, int type, const char *text);
void server_log(server *s, int type, const char *text);

/* Publishes a document's diagnostics: sendsync's alone (beside mode), or
 * merged with clangd's latest (wrap mode). */
void server_publish(server *s, document *d, long version);

/* Handles one message from the editor (the body as received). */
void server_handle_editor(server *s, const char *body, size_t len);

/* Document events shared by both modes. */
void server_did_open(server *s, const cJSON *params);
void server_did_change(server *s, const cJSON *params);
void server_did_save(server *s, const cJSON *params);
void server_did_close(server *s, const cJSON *params);
cJSON *server_code_actions(server *s, const cJSON *params);

/* checker.c */
void checker_schedule(server *s, document *d, long delay_ms);
void checker_start_due(server *s, long long now);
long long checker_next_due(server *s);
void checker_cancel(server *s, document *d); /* kill the running check */
void checker_forget(server *s, document *d); /* the document is going away */
int checker_reap(server *s, pid_t pid, int status); /* 1 if it was a check */
void checker_kill_all(server *s);

/* proxy.c (wrap mode) */
int proxy_start(server *s);
void proxy_from_editor(server *s, const char *body, size_t len);
int proxy_reap(server *s, pid_t pid, int status); /* 1 if it was clangd */
void proxy_add_pollfds(server *s, struct pollfd *fds, int *n);
void proxy_handle_pollfds(server *s, const struct pollfd *fds, int n);
void proxy_shutdown(server *s); /* at exit: close clangd's input, wait, kill */
void proxy_publish(server *s, document *d, long version);
int proxy_alive(const server *s);

#endif
