/* server.h - the state of one sendsync-lsp process and the language
 * server's side of the protocol: lifecycle, document events, code actions,
 * publishing. Beside mode handles the editor's messages here; wrap mode
 * (wrap.h) routes them through clangd and calls the document events here.
 *
 * Concurrency model: one thread, one poll() loop (main.c), and one child
 * process per check (checker.h). Child exits are noticed through a
 * self-pipe written by the SIGCHLD handler. */
#ifndef SENDSYNC_LSP_SERVER_H
#define SENDSYNC_LSP_SERVER_H

#include <cjson/cJSON.h>

#include "channel.h"
#include "checker.h"
#include "config.h"
#include "document.h"
#include "framing.h"
#include "position.h"
#include "proxy.h"
#include "settings.h"

typedef struct server {
  server_config cfg;
  settings settings;     /* cfg's defaults with the editor's settings */
  cJSON *init_options;   /* initializationOptions (owned) */
  cJSON *config_options; /* the latest didChangeConfiguration settings */
  enum pos_encoding encoding;
  int initialize_seen;
  int shutdown_requested;
  int exit_now; /* leave the loop */
  int exit_code;
  int input_eof;

  frame_reader in; /* from the editor (stdin) */
  channel ch;      /* to the editor (stdout) */
  doc_store docs;
  checker checker;
  proxy *proxy;            /* wrap mode */
  struct pending *pending; /* wrap mode: requests clangd has not answered */
} server;

/* Sets up the channel and the checker (installing the result callback). */
void server_init(server *s, const server_config *cfg);
/* Stops the checks, frees the documents and the channel. */
void server_free(server *s);

/* initialize's initializationOptions (server_settings.c). */
void server_initialize_options(server *s, const cJSON *params);
/* workspace/didChangeConfiguration: new settings, open documents checked
 * again. */
void server_did_change_configuration(server *s, const cJSON *params);

/* Publishes a document's diagnostics: sendsync's alone (beside mode), or
 * merged with clangd's latest (wrap mode). */
void server_publish(server *s, document *d, long version);

/* shutdown was requested: checks stop. */
void server_shutdown(server *s);

/* Handles one message from the editor in beside mode. */
void server_handle_editor(server *s, const char *body, size_t len);

/* Document events shared by both modes. */
void server_did_open(server *s, const cJSON *params);
void server_did_change(server *s, const cJSON *params);
void server_did_save(server *s, const cJSON *params);
void server_did_close(server *s, const cJSON *params);
/* The document and configuration notifications, after initialize and
 * before shutdown (dropped otherwise); did_close handles didClose (wrap
 * mode clears sendsync's findings first). */
void server_document_notification(server *s, const char *method,
                                  const cJSON *params,
                                  void (*did_close)(server *, const cJSON *));
cJSON *server_code_actions(server *s, const cJSON *params);

#endif
