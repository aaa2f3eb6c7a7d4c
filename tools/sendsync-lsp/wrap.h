/* wrap.h - wrap mode: sendsync-lsp --wrap -- clangd <args>.
 *
 * clangd runs as our child (proxy.h). Every message from the editor goes to
 * clangd as it came (the body bytes are not touched), and every message from
 * clangd goes to the editor as it came, with two exceptions:
 *   - textDocument/publishDiagnostics is replaced by the union of clangd's
 *     latest set and sendsync's latest set for that URI (a publication
 *     replaces the whole set in the editor, so both are always sent);
 *   - the result of a textDocument/codeAction request gets sendsync's quick
 *     fixes appended.
 * Our own diagnostics are published the same merged way whenever a check
 * finishes (server_publish). If clangd dies before the editor said exit,
 * the editor is told (window/showMessage), the requests clangd left
 * unanswered get an error response, and we exit with status 1. */
#ifndef SENDSYNC_LSP_WRAP_H
#define SENDSYNC_LSP_WRAP_H

#include <stddef.h>

#include "server.h"

/* Starts clangd (s->cfg.clangd_argv). Returns 0, or -1 (errno). */
int wrap_start(server *s);
/* Handles one message from the editor. */
void wrap_from_editor(server *s, const char *body, size_t len);
/* clangd's output closed (proxy_handle_pollfds returned 1). */
void wrap_clangd_ended(server *s);
/* At exit: stops clangd and forgets unanswered requests. */
void wrap_stop(server *s);

#endif
