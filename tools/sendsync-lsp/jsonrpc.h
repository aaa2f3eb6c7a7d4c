/* jsonrpc.h - JSON-RPC 2.0 messages as used by LSP: classifying what arrives
 * and building what is sent. Bodies are parsed with cJSON. */
#ifndef SENDSYNC_LSP_JSONRPC_H
#define SENDSYNC_LSP_JSONRPC_H

#include <cjson/cJSON.h>
#include <stddef.h>

/* JSON-RPC and LSP error codes. */
enum {
  RPC_PARSE_ERROR = -32700,
  RPC_INVALID_REQUEST = -32600,
  RPC_METHOD_NOT_FOUND = -32601,
  RPC_INVALID_PARAMS = -32602,
  RPC_INTERNAL_ERROR = -32603,
  RPC_SERVER_NOT_INITIALIZED = -32002,
  RPC_REQUEST_CANCELLED = -32800
};

enum rpc_kind {
  RPC_REQUEST,      /* method + id */
  RPC_NOTIFICATION, /* method, no id */
  RPC_RESPONSE,     /* id + result or error */
  RPC_INVALID       /* answered with an error (code in *error_code) */
};

typedef struct rpc_message {
  cJSON *root; /* owned; NULL for a parse error */
  enum rpc_kind kind;
  const char *method; /* into root */
  cJSON *id;          /* into root; NULL when absent or unusable */
  cJSON *params;      /* into root; NULL when absent or null */
  int error_code;     /* for RPC_INVALID */
  const char *error_message;
} rpc_message;

/* Parses and classifies one body. Always fills *m; free with rpc_free. */
void rpc_parse(const char *body, size_t len, rpc_message *m);
void rpc_free(rpc_message *m);

/* Builders: each returns a malloc'd, unformatted JSON string. `id` may be
 * NULL (serialised as null). `result` and `params` are consumed. */
char *rpc_response(const cJSON *id, cJSON *result);
char *rpc_error(const cJSON *id, int code, const char *message);
char *rpc_notification(const char *method, cJSON *params);

/* Small accessors that tolerate missing or mistyped members. */
const char *json_str(const cJSON *obj, const char *key);
int json_int(const cJSON *obj, const char *key, long *out);
cJSON *json_obj(const cJSON *obj, const char *key);

#endif
