/* server.c - the language server's side of the protocol: lifecycle,
 * document events, code actions, publishing. In wrap mode the messages are
 * routed by wrap.c, which calls the document handlers here as well. */
#include "server.h"
#include "Version.h" /* SENDSYNC_VERSION, from plugin/support/ */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagnostics.h"
#include "jsonrpc.h"

/* Replaces what the check of `from` found in o. Returns 1 if it changed. */
static int set_foreign(document *o, const char *from, long version,
                       cJSON *diags) {
  cJSON *old = cJSON_GetObjectItemCaseSensitive(o->ss_foreign, from);
  long old_version = -1;
  json_int(old, "version", &old_version);
  const cJSON *old_diags = cJSON_GetObjectItemCaseSensitive(old, "diagnostics");
  if ((!old && cJSON_GetArraySize(diags) == 0) ||
      (old && old_version == version && cJSON_Compare(old_diags, diags, 1))) {
    cJSON_Delete(diags);
    return 0;
  }
  if (!o->ss_foreign)
    o->ss_foreign = cJSON_CreateObject();
  cJSON *entry = cJSON_CreateObject();
  cJSON_AddNumberToObject(entry, "version", (double)version);
  cJSON_AddItemToObject(entry, "diagnostics", diags);
  if (old)
    cJSON_ReplaceItemInObjectCaseSensitive(o->ss_foreign, from, entry);
  else
    cJSON_AddItemToObject(o->ss_foreign, from, entry);
  return 1;
}

static long seen_version(const checker_result *r, const char *path) {
  for (size_t i = 0; i < r->seen_count; i++)
    if (strcmp(r->seen[i].path, path) == 0)
      return r->seen[i].version;
  return -1;
}

/* The findings of a check result that belong to document d, as LSP
 * diagnostics and code actions. */
static void convert_for(server *s, document *d, const checker_result *r,
                        cJSON **diags, cJSON **actions, int *elsewhere) {
  diag_context ctx = {.doc = d,
                      .store = &s->docs,
                      .encoding = s->encoding,
                      .doc_base = s->cfg.doc_base};
  diag_convert(&ctx, r->report, diags, actions, elsewhere);
}

/* Findings located in other open documents are published for them, if the
 * check saw their current text. */
static void publish_elsewhere(server *s, const checker_result *r) {
  for (document *o = s->docs.head; o; o = o->next) {
    if (o == r->doc || !o->path || seen_version(r, o->path) != o->version)
      continue;
    cJSON *diags, *actions;
    int elsewhere;
    convert_for(s, o, r, &diags, &actions, &elsewhere);
    cJSON_Delete(actions);
    if (set_foreign(o, r->doc->path, o->version, diags))
      server_publish(s, o, o->version);
  }
}

static void on_check_result(void *context, const checker_result *r) {
  server *s = context;
  if (s->shutdown_requested)
    return;
  document *d = r->doc;
  cJSON *diags, *actions;
  int elsewhere;
  convert_for(s, d, r, &diags, &actions, &elsewhere);
  cJSON_Delete(d->ss_diagnostics);
  cJSON_Delete(d->ss_actions);
  d->ss_diagnostics = diags;
  d->ss_actions = actions;
  d->ss_version = r->version;
  server_publish(s, d, r->version);
  /* Every open document, even when nothing was found elsewhere: an empty
   * part replaces an older one. */
  publish_elsewhere(s, r);
}

void server_init(server *s, const server_config *cfg) {
  memset(s, 0, sizeof *s);
  s->cfg = *cfg;
  settings_init(&s->settings, &s->cfg);
  frame_reader_init(&s->in);
  channel_init(&s->ch, 1);
  checker_init(&s->checker, &s->cfg, &s->settings, &s->docs, &s->ch);
  s->checker.on_result = on_check_result;
  s->checker.result_context = s;
}

void server_free(server *s) {
  checker_free(&s->checker);
  while (s->docs.head) {
    document *d = s->docs.head;
    doc_unlink(&s->docs, d);
    doc_free(d);
  }
  frame_reader_free(&s->in);
  channel_free(&s->ch);
  settings_free(&s->settings);
  cJSON_Delete(s->init_options);
  cJSON_Delete(s->config_options);
}

void server_shutdown(server *s) {
  s->shutdown_requested = 1;
  checker_stop(&s->checker);
}

void server_publish(server *s, document *d, long version) {
  cJSON *p = cJSON_CreateObject();
  cJSON_AddStringToObject(p, "uri", d->uri);
  if (version >= 0)
    cJSON_AddNumberToObject(p, "version", (double)version);
  /* Wrap mode: clangd's latest set first. */
  cJSON *diags = s->cfg.wrap && d->clangd_diagnostics
                     ? cJSON_Duplicate(d->clangd_diagnostics, 1)
                     : cJSON_CreateArray();
  doc_add_sendsync(d, version >= 0 ? version : d->version, diags);
  cJSON_AddItemToObject(p, "diagnostics", diags);
  channel_notify(&s->ch, "textDocument/publishDiagnostics", p);
}

/* ---- document events (both modes) ------------------------------------ */

/* C sources and headers. Editors disagree on a .h: Neovim says "cpp",
 * others "c" or "objective-c"; all are taken for a .h. */
static int is_c_document(const char *language, const char *uri) {
  size_t n = strlen(uri);
  int header = n > 2 && strcmp(uri + n - 2, ".h") == 0;
  int source = n > 2 && strcmp(uri + n - 2, ".c") == 0;
  if (!language || !*language)
    return header || source;
  if (strcmp(language, "c") == 0 || strcmp(language, "objective-c") == 0)
    return 1;
  return header && (strcmp(language, "cpp") == 0 ||
                    strcmp(language, "objective-cpp") == 0);
}

void server_did_open(server *s, const cJSON *params) {
  const cJSON *td = json_obj(params, "textDocument");
  const char *uri = json_str(td, "uri");
  const char *text = json_str(td, "text");
  const char *language = json_str(td, "languageId");
  long version = 0;
  json_int(td, "version", &version);
  if (!uri || !text || !is_c_document(language, uri))
    return;
  document *d = doc_find(&s->docs, uri);
  if (d)
    checker_cancel(d);
  d = doc_open(&s->docs, uri, language, version, text);
  if (d)
    checker_schedule(&s->checker, d, 0);
}

void server_did_change(server *s, const cJSON *params) {
  const cJSON *td = json_obj(params, "textDocument");
  const char *uri = json_str(td, "uri");
  document *d = uri ? doc_find(&s->docs, uri) : NULL;
  if (!d)
    return;
  long version = d->version + 1;
  json_int(td, "version", &version);
  const cJSON *changes =
      cJSON_GetObjectItemCaseSensitive(params, "contentChanges");
  const cJSON *change;
  doc_remember_version(d);
  cJSON_ArrayForEach(change, changes) {
    if (doc_apply_change(d, change, s->encoding) != 0) {
      channel_log(&s->ch, MSG_ERROR,
                  "sendsync: malformed contentChanges entry ignored");
    }
  }
  doc_new_version(d, version);
  checker_cancel(d);
  checker_schedule(&s->checker, d, s->settings.debounce_ms);
}

void server_did_save(server *s, const cJSON *params) {
  const cJSON *td = json_obj(params, "textDocument");
  const char *uri = json_str(td, "uri");
  document *d = uri ? doc_find(&s->docs, uri) : NULL;
  if (!d)
    return;
  const char *text = json_str(params, "text");
  if (text && strcmp(text, d->text) != 0) {
    doc_open(&s->docs, uri, d->language, d->version, text);
    checker_cancel(d);
  }
  /* A save may change what other files see (headers): check again unless a
   * check of this very version is running or about to. */
  if (!d->running && !d->due_ms)
    checker_schedule(&s->checker, d, 0);
}

void server_did_close(server *s, const cJSON *params) {
  const cJSON *td = json_obj(params, "textDocument");
  const char *uri = json_str(td, "uri");
  document *d = uri ? doc_find(&s->docs, uri) : NULL;
  if (!d)
    return;
  checker_forget(d);
  doc_unlink(&s->docs, d);
  /* Clear what we published for it. */
  if (!s->cfg.wrap) {
    cJSON *p = cJSON_CreateObject();
    cJSON_AddStringToObject(p, "uri", d->uri);
    cJSON_AddItemToObject(p, "diagnostics", cJSON_CreateArray());
    channel_notify(&s->ch, "textDocument/publishDiagnostics", p);
  }
  /* Its check no longer speaks for the documents it includes. */
  for (document *o = s->docs.head; o && d->path; o = o->next)
    if (cJSON_GetObjectItemCaseSensitive(o->ss_foreign, d->path)) {
      cJSON_DeleteItemFromObjectCaseSensitive(o->ss_foreign, d->path);
      server_publish(s, o, o->version);
    }
  doc_free(d);
}

cJSON *server_code_actions(server *s, const cJSON *params) {
  const cJSON *td = json_obj(params, "textDocument");
  const char *uri = json_str(td, "uri");
  document *d = uri ? doc_find(&s->docs, uri) : NULL;
  if (!d || !d->ss_actions || d->ss_version != d->version)
    return cJSON_CreateArray();
  return diag_code_actions(uri, d->ss_actions, json_obj(params, "range"));
}

/* ---- beside mode: the whole protocol ------------------------------------ */

static int client_offers(const cJSON *list, const char *name) {
  const cJSON *e;
  cJSON_ArrayForEach(e, list) {
    if (cJSON_IsString(e) && strcmp(e->valuestring, name) == 0)
      return 1;
  }
  return 0;
}

static cJSON *initialize_result(server *s, const cJSON *params) {
  const cJSON *caps = json_obj(params, "capabilities");
  const cJSON *general = json_obj(caps, "general");
  const cJSON *encodings =
      cJSON_GetObjectItemCaseSensitive(general, "positionEncodings");
  /* clangd's older extension, sent by some clients (Neovim). */
  const cJSON *offset =
      cJSON_GetObjectItemCaseSensitive(caps, "offsetEncoding");
  s->encoding = ENC_UTF16;
  if (client_offers(encodings, "utf-8") || client_offers(offset, "utf-8"))
    s->encoding = ENC_UTF8;

  cJSON *r = cJSON_CreateObject();
  cJSON *c = cJSON_AddObjectToObject(r, "capabilities");
  cJSON_AddStringToObject(c, "positionEncoding",
                          pos_encoding_name(s->encoding));
  cJSON *sync = cJSON_AddObjectToObject(c, "textDocumentSync");
  cJSON_AddBoolToObject(sync, "openClose", 1);
  cJSON_AddNumberToObject(sync, "change", 2); /* incremental */
  cJSON *save = cJSON_AddObjectToObject(sync, "save");
  cJSON_AddBoolToObject(save, "includeText", 0);
  cJSON *ca = cJSON_AddObjectToObject(c, "codeActionProvider");
  cJSON *kinds = cJSON_AddArrayToObject(ca, "codeActionKinds");
  cJSON_AddItemToArray(kinds, cJSON_CreateString("quickfix"));
  cJSON *info = cJSON_AddObjectToObject(r, "serverInfo");
  cJSON_AddStringToObject(info, "name", "sendsync-lsp");
  cJSON_AddStringToObject(info, "version", SENDSYNC_VERSION);
  if (client_offers(offset, "utf-8") || client_offers(offset, "utf-16"))
    cJSON_AddStringToObject(r, "offsetEncoding",
                            pos_encoding_name(s->encoding));
  return r;
}

static void reply(server *s, const cJSON *id, cJSON *result) {
  channel_send_owned(&s->ch, rpc_response(id, result));
}

static void reply_error(server *s, const cJSON *id, int code,
                        const char *message) {
  channel_send_owned(&s->ch, rpc_error(id, code, message));
}

static void handle_request(server *s, rpc_message *m) {
  const char *method = m->method;
  if (strcmp(method, "initialize") == 0) {
    if (s->initialize_seen) {
      reply_error(s, m->id, RPC_INVALID_REQUEST,
                  "initialize was already received");
      return;
    }
    s->initialize_seen = 1;
    server_initialize_options(s, m->params);
    reply(s, m->id, initialize_result(s, m->params));
    return;
  }
  if (!s->initialize_seen) {
    reply_error(s, m->id, RPC_SERVER_NOT_INITIALIZED,
                "the server is not initialized yet");
    return;
  }
  if (s->shutdown_requested) {
    reply_error(s, m->id, RPC_INVALID_REQUEST,
                "shutdown was already requested");
    return;
  }
  if (strcmp(method, "shutdown") == 0) {
    server_shutdown(s);
    reply(s, m->id, NULL);
  } else if (strcmp(method, "textDocument/codeAction") == 0) {
    reply(s, m->id, server_code_actions(s, m->params));
  } else {
    char msg[512];
    snprintf(msg, sizeof msg, "method not found: %.400s", method);
    reply_error(s, m->id, RPC_METHOD_NOT_FOUND, msg);
  }
}

static void handle_notification(server *s, rpc_message *m) {
  const char *method = m->method;
  if (strcmp(method, "exit") == 0) {
    s->exit_now = 1;
    s->exit_code = s->shutdown_requested ? 0 : 1;
    return;
  }
  server_document_notification(s, method, m->params, server_did_close);
  /* initialized, $/cancelRequest, $/setTrace, workspace/...: nothing to do */
}

void server_document_notification(server *s, const char *method,
                                  const cJSON *params,
                                  void (*did_close)(server *, const cJSON *)) {
  if (!s->initialize_seen || s->shutdown_requested)
    return; /* dropped, as the specification says */
  if (strcmp(method, "textDocument/didOpen") == 0)
    server_did_open(s, params);
  else if (strcmp(method, "textDocument/didChange") == 0)
    server_did_change(s, params);
  else if (strcmp(method, "textDocument/didSave") == 0)
    server_did_save(s, params);
  else if (strcmp(method, "textDocument/didClose") == 0)
    did_close(s, params);
  else if (strcmp(method, "workspace/didChangeConfiguration") == 0)
    server_did_change_configuration(s, params);
}

void server_handle_editor(server *s, const char *body, size_t len) {
  rpc_message m;
  rpc_parse(body, len, &m);
  switch (m.kind) {
  case RPC_INVALID:
    reply_error(s, m.id, m.error_code, m.error_message);
    break;
  case RPC_REQUEST:
    handle_request(s, &m);
    break;
  case RPC_NOTIFICATION:
    handle_notification(s, &m);
    break;
  case RPC_RESPONSE:
    break; /* we send no requests */
  }
  rpc_free(&m);
}
