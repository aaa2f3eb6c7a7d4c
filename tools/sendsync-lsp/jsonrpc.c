/* jsonrpc.c - see jsonrpc.h. */
#include "jsonrpc.h"

#include <string.h>

static void invalid(rpc_message *m, int code, const char *message) {
  m->kind = RPC_INVALID;
  m->error_code = code;
  m->error_message = message;
}

void rpc_parse(const char *body, size_t len, rpc_message *m) {
  memset(m, 0, sizeof *m);
  m->root = cJSON_ParseWithLength(body, len);
  if (!m->root) {
    invalid(m, RPC_PARSE_ERROR, "Parse error: the message is not valid JSON");
    return;
  }
  if (!cJSON_IsObject(m->root)) {
    invalid(m, RPC_INVALID_REQUEST,
            "Invalid Request: a message must be a JSON object (batches are "
            "not supported by LSP)");
    return;
  }
  cJSON *id = cJSON_GetObjectItemCaseSensitive(m->root, "id");
  int has_id = id != NULL;
  if (id && (cJSON_IsString(id) ||
             (cJSON_IsNumber(id) &&
              id->valuedouble == (double)(long)id->valuedouble)))
    m->id = id;
  const char *version = json_str(m->root, "jsonrpc");
  if (!version || strcmp(version, "2.0") != 0) {
    invalid(m, RPC_INVALID_REQUEST,
            "Invalid Request: \"jsonrpc\" must be \"2.0\"");
    return;
  }
  if (has_id && !m->id && !cJSON_IsNull(id)) {
    invalid(m, RPC_INVALID_REQUEST,
            "Invalid Request: \"id\" must be an integer or a string");
    return;
  }
  cJSON *method = cJSON_GetObjectItemCaseSensitive(m->root, "method");
  m->params = cJSON_GetObjectItemCaseSensitive(m->root, "params");
  if (method) {
    if (!cJSON_IsString(method)) {
      invalid(m, RPC_INVALID_REQUEST,
              "Invalid Request: \"method\" must be a string");
      return;
    }
    /* JSON-RPC 2.0 says params "MAY be omitted"; jsonrpc.el (Emacs) sends
     * null instead, and clangd accepts it: both mean none. */
    if (cJSON_IsNull(m->params))
      m->params = NULL;
    if (m->params && !cJSON_IsObject(m->params) && !cJSON_IsArray(m->params)) {
      invalid(m, RPC_INVALID_REQUEST,
              "Invalid Request: \"params\" must be an object or an array");
      return;
    }
    m->method = method->valuestring;
    m->kind = has_id ? RPC_REQUEST : RPC_NOTIFICATION;
    if (has_id && !m->id)
      invalid(m, RPC_INVALID_REQUEST,
              "Invalid Request: \"id\" must not be null");
    return;
  }
  if (has_id && (cJSON_GetObjectItemCaseSensitive(m->root, "result") ||
                 cJSON_GetObjectItemCaseSensitive(m->root, "error"))) {
    m->kind = RPC_RESPONSE;
    return;
  }
  invalid(m, RPC_INVALID_REQUEST,
          "Invalid Request: neither a request, a notification nor a response");
}

void rpc_free(rpc_message *m) {
  cJSON_Delete(m->root);
  memset(m, 0, sizeof *m);
}

static cJSON *envelope(void) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "jsonrpc", "2.0");
  return o;
}

static char *finish(cJSON *o) {
  char *s = cJSON_PrintUnformatted(o);
  cJSON_Delete(o);
  return s;
}

static void add_id(cJSON *o, const cJSON *id) {
  cJSON_AddItemToObject(o, "id",
                        id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
}

char *rpc_response(const cJSON *id, cJSON *result) {
  cJSON *o = envelope();
  add_id(o, id);
  cJSON_AddItemToObject(o, "result", result ? result : cJSON_CreateNull());
  return finish(o);
}

char *rpc_error(const cJSON *id, int code, const char *message) {
  cJSON *o = envelope();
  add_id(o, id);
  cJSON *e = cJSON_AddObjectToObject(o, "error");
  cJSON_AddNumberToObject(e, "code", code);
  cJSON_AddStringToObject(e, "message", message);
  return finish(o);
}

char *rpc_notification(const char *method, cJSON *params) {
  cJSON *o = envelope();
  cJSON_AddStringToObject(o, "method", method);
  if (params)
    cJSON_AddItemToObject(o, "params", params);
  return finish(o);
}

const char *json_str(const cJSON *obj, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

int json_int(const cJSON *obj, const char *key, long *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  if (!cJSON_IsNumber(v))
    return -1;
  *out = (long)v->valuedouble;
  return 0;
}

cJSON *json_obj(const cJSON *obj, const char *key) {
  cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  return cJSON_IsObject(v) ? v : NULL;
}
