/* wrap.c - see wrap.h. */
#include "wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonrpc.h"
#include "proxy.h"

typedef struct pending {
  struct pending *next;
  char *id_key; /* the id as JSON text: 1 and "1" differ */
  cJSON *id;
  char *method;
  cJSON *params; /* codeAction: the request's params */
} pending;

static char *id_key(const cJSON *id) {
  return id ? cJSON_PrintUnformatted(id) : NULL;
}

static pending *take_pending(server *s, const cJSON *id) {
  char *key = id_key(id);
  if (!key)
    return NULL;
  pending **pp = &s->pending;
  while (*pp && strcmp((*pp)->id_key, key) != 0)
    pp = &(*pp)->next;
  free(key);
  pending *found = *pp;
  if (found)
    *pp = found->next;
  return found;
}

static void pending_free(pending *q) {
  free(q->id_key);
  cJSON_Delete(q->id);
  free(q->method);
  cJSON_Delete(q->params);
  free(q);
}

static void remember_request(server *s, const rpc_message *m) {
  pending *q = calloc(1, sizeof *q);
  if (!q)
    return;
  q->id_key = id_key(m->id);
  q->id = cJSON_Duplicate(m->id, 1);
  q->method = strdup(m->method);
  if (strcmp(m->method, "textDocument/codeAction") == 0 && m->params)
    q->params = cJSON_Duplicate(m->params, 1);
  q->next = s->pending;
  s->pending = q;
}

static void did_close(server *s, const cJSON *params) {
  const char *uri = json_str(json_obj(params, "textDocument"), "uri");
  document *d = uri ? doc_find(&s->docs, uri) : NULL;
  if (d && doc_has_sendsync(d)) {
    cJSON *p = cJSON_CreateObject();
    cJSON_AddStringToObject(p, "uri", uri);
    cJSON_AddItemToObject(p, "diagnostics", cJSON_CreateArray());
    channel_notify(&s->ch, "textDocument/publishDiagnostics", p);
  }
  server_did_close(s, params);
}

static void editor_notification(server *s, const rpc_message *m) {
  const char *method = m->method;
  if (strcmp(method, "exit") == 0) {
    proxy_set_exit_forwarded(s->proxy);
    s->exit_now = 1;
    s->exit_code = s->shutdown_requested ? 0 : 1;
  } else {
    server_document_notification(s, method, m->params, did_close);
  }
}

void wrap_from_editor(server *s, const char *body, size_t len) {
  rpc_message m;
  rpc_parse(body, len, &m);
  if (m.kind == RPC_INVALID) {
    /* Answered here: clangd never sees what is not JSON-RPC. */
    channel_send_owned(&s->ch, rpc_error(m.id, m.error_code, m.error_message));
    rpc_free(&m);
    return;
  }
  if (m.kind == RPC_REQUEST && s->shutdown_requested) {
    /* The specification wants InvalidRequest after shutdown; clangd would
     * still answer, so the wrapper enforces it. */
    channel_send_owned(&s->ch, rpc_error(m.id, RPC_INVALID_REQUEST,
                                         "shutdown was already requested"));
    rpc_free(&m);
    return;
  }
  if (m.kind == RPC_REQUEST) {
    remember_request(s, &m);
    if (strcmp(m.method, "initialize") == 0) {
      s->initialize_seen = 1;
      server_initialize_options(s, m.params);
    } else if (strcmp(m.method, "shutdown") == 0)
      server_shutdown(s);
  }
  proxy_send(s->proxy, body, len);
  if (m.kind == RPC_NOTIFICATION)
    editor_notification(s, &m);
  rpc_free(&m);
}

static void initialize_answered(server *s, const rpc_message *m) {
  const cJSON *result = json_obj(m->root, "result");
  const char *enc =
      json_str(json_obj(result, "capabilities"), "positionEncoding");
  if (!enc)
    enc = json_str(result, "offsetEncoding");
  enum pos_encoding e;
  s->encoding = pos_encoding_parse(enc, &e) == 0 ? e : ENC_UTF16;
}

/* clangd's code actions plus ours. Returns 1 if it sent the merged
 * response. */
static int merge_code_actions(server *s, rpc_message *m, const pending *q) {
  cJSON *ours = server_code_actions(s, q->params);
  cJSON *result = cJSON_GetObjectItemCaseSensitive(m->root, "result");
  if (cJSON_GetArraySize(ours) == 0 ||
      !(cJSON_IsArray(result) || cJSON_IsNull(result))) {
    cJSON_Delete(ours);
    return 0;
  }
  if (cJSON_IsNull(result)) {
    cJSON_ReplaceItemInObjectCaseSensitive(m->root, "result", ours);
    ours = NULL;
  } else {
    cJSON *a;
    while ((a = cJSON_DetachItemFromArray(ours, 0)) != NULL)
      cJSON_AddItemToArray(result, a);
  }
  channel_send_owned(&s->ch, cJSON_PrintUnformatted(m->root));
  cJSON_Delete(ours);
  return 1;
}

/* clangd spells URIs its own way ("c%2B%2B" for the editor's "c++"): its
 * related locations in open documents get the editor's URI. Returns 1 if
 * one changed. */
static int editor_uris(server *s, cJSON *diags) {
  int changed = 0;
  const cJSON *d;
  cJSON_ArrayForEach(d, diags) {
    const cJSON *ri;
    cJSON_ArrayForEach(
        ri, cJSON_GetObjectItemCaseSensitive(d, "relatedInformation")) {
      cJSON *loc = json_obj(ri, "location");
      const char *uri = json_str(loc, "uri");
      const document *open = uri ? doc_find(&s->docs, uri) : NULL;
      if (open && strcmp(open->uri, uri) != 0) {
        cJSON_ReplaceItemInObjectCaseSensitive(loc, "uri",
                                               cJSON_CreateString(open->uri));
        changed = 1;
      }
    }
  }
  return changed;
}

/* Returns 1 if it published a merged set in place of clangd's. */
static int clangd_published(server *s, const rpc_message *m) {
  const char *uri = json_str(m->params, "uri");
  document *d = uri ? doc_find(&s->docs, uri) : NULL;
  if (!d)
    return 0;
  cJSON_Delete(d->clangd_diagnostics);
  cJSON *diags = cJSON_GetObjectItemCaseSensitive(m->params, "diagnostics");
  d->clangd_diagnostics =
      cJSON_IsArray(diags) ? cJSON_Duplicate(diags, 1) : cJSON_CreateArray();
  int respelled =
      editor_uris(s, d->clangd_diagnostics) || strcmp(uri, d->uri) != 0;
  long version = -1;
  json_int(m->params, "version", &version);
  d->clangd_version = version;
  if (respelled || doc_has_sendsync(d)) {
    server_publish(s, d, version);
    return 1;
  }
  return 0;
}

static void from_clangd(void *context, const char *body, size_t len) {
  server *s = context;
  rpc_message m;
  rpc_parse(body, len, &m);
  int handled = 0;
  if (m.kind == RPC_RESPONSE) {
    pending *q = take_pending(s, m.id);
    if (q && strcmp(q->method, "initialize") == 0)
      initialize_answered(s, &m);
    else if (q && q->params &&
             strcmp(q->method, "textDocument/codeAction") == 0)
      handled = merge_code_actions(s, &m, q);
    if (q)
      pending_free(q);
  } else if (m.kind == RPC_NOTIFICATION &&
             strcmp(m.method, "textDocument/publishDiagnostics") == 0) {
    handled = clangd_published(s, &m);
  }
  rpc_free(&m);
  if (!handled)
    channel_send_raw(&s->ch, body, len);
}

int wrap_start(server *s) {
  s->proxy = proxy_start(s->cfg.clangd_argv, from_clangd, s);
  return s->proxy ? 0 : -1;
}

void wrap_clangd_ended(server *s) {
  if (proxy_exit_forwarded(s->proxy))
    return; /* expected */
  char how[128];
  proxy_describe_end(s->proxy, how, sizeof how);
  char msg[512];
  snprintf(
      msg, sizeof msg,
      "sendsync-lsp: clangd (%s) %s unexpectedly; the language server stops. "
      "Restart it to continue.",
      s->cfg.clangd_argv[0], how);
  while (s->pending) {
    pending *q = s->pending;
    s->pending = q->next;
    channel_send_owned(&s->ch, rpc_error(q->id, RPC_INTERNAL_ERROR,
                                         "clangd exited before answering"));
    pending_free(q);
  }
  channel_show(&s->ch, MSG_ERROR, msg);
  s->exit_now = 1;
  s->exit_code = 1;
}

void wrap_stop(server *s) {
  proxy_shutdown(s->proxy);
  s->proxy = NULL;
  while (s->pending) {
    pending *q = s->pending;
    s->pending = q->next;
    pending_free(q);
  }
}
