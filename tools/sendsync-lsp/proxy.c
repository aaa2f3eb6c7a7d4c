/* proxy.c - wrap mode: sendsync-lsp --wrap -- clangd <args>.
 *
 * clangd runs as our child. Every message from the editor goes to clangd as
 * it came (the body bytes are not touched), and every message from clangd
 * goes to the editor as it came, with two exceptions:
 *   - textDocument/publishDiagnostics is replaced by the union of clangd's
 *     latest set and sendsync's latest set for that URI (a publication
 *     replaces the whole set in the editor, so both are always sent);
 *   - the result of a textDocument/codeAction request gets sendsync's quick
 *     fixes appended.
 * Our own diagnostics are published the same merged way whenever a check
 * finishes. If clangd dies before the editor said exit, the editor is told
 * (window/showMessage), the requests clangd left unanswered get an error
 * response, and we exit with status 1. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "diagnostics.h"
#include "jsonrpc.h"
#include "server.h"

typedef struct pending {
  struct pending *next;
  char *id_key; /* the id as JSON text: 1 and "1" differ */
  cJSON *id;
  char *method;
  cJSON *params; /* codeAction: the request's params */
} pending;

typedef struct proxy {
  pid_t pid;
  int to_fd, from_fd;
  outq out;
  frame_reader in;
  int eof;
  int reaped;
  int status;
  int exit_forwarded;
  pending *pending;
} proxy;

static void sleep_ms(long ms) {
  struct timespec t = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L};
  nanosleep(&t, NULL);
}

int proxy_alive(const server *s) { return s->proxy && !s->proxy->eof; }

static void set_nonblock_cloexec(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  fcntl(fd, F_SETFD, FD_CLOEXEC);
}

int proxy_start(server *s) {
  int in_pipe[2], out_pipe[2];
  if (pipe(in_pipe) || pipe(out_pipe))
    return -1;
  pid_t pid = fork();
  if (pid < 0)
    return -1;
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    close(in_pipe[0]);
    close(in_pipe[1]);
    close(out_pipe[0]);
    close(out_pipe[1]);
    signal(SIGPIPE, SIG_DFL);
    execvp(s->cfg.clangd_argv[0], s->cfg.clangd_argv);
    fprintf(stderr, "sendsync-lsp: cannot run %s: %s\n", s->cfg.clangd_argv[0],
            strerror(errno));
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  proxy *p = calloc(1, sizeof *p);
  if (!p)
    return -1;
  p->pid = pid;
  p->to_fd = in_pipe[1];
  p->from_fd = out_pipe[0];
  set_nonblock_cloexec(p->to_fd);
  set_nonblock_cloexec(p->from_fd);
  outq_init(&p->out, p->to_fd);
  frame_reader_init(&p->in);
  s->proxy = p;
  return 0;
}

static char *id_key(const cJSON *id) { return id ? cJSON_PrintUnformatted(id) : NULL; }

static pending *take_pending(proxy *p, const cJSON *id) {
  char *key = id_key(id);
  if (!key)
    return NULL;
  pending **pp = &p->pending;
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

static void to_clangd(server *s, const char *body, size_t len) {
  proxy *p = s->proxy;
  outq_push_frame(&p->out, body, len);
  outq_flush(&p->out);
}

void proxy_from_editor(server *s, const char *body, size_t len) {
  proxy *p = s->proxy;
  rpc_message m;
  rpc_parse(body, len, &m);
  if (m.kind == RPC_INVALID) {
    /* Answered here: clangd never sees what is not JSON-RPC. */
    char *e = rpc_error(m.id, m.error_code, m.error_message);
    server_send_raw(s, e, strlen(e));
    free(e);
    rpc_free(&m);
    return;
  }
  if (m.kind == RPC_REQUEST && s->shutdown_requested) {
    /* The specification wants InvalidRequest after shutdown; clangd would
     * still answer, so the wrapper enforces it. */
    char *e = rpc_error(m.id, RPC_INVALID_REQUEST, "shutdown was already requested");
    server_send_raw(s, e, strlen(e));
    free(e);
    rpc_free(&m);
    return;
  }
  if (m.kind == RPC_REQUEST) {
    pending *q = calloc(1, sizeof *q);
    if (q) {
      q->id_key = id_key(m.id);
      q->id = cJSON_Duplicate(m.id, 1);
      q->method = strdup(m.method);
      if (strcmp(m.method, "textDocument/codeAction") == 0 && m.params)
        q->params = cJSON_Duplicate(m.params, 1);
      q->next = p->pending;
      p->pending = q;
    }
    if (strcmp(m.method, "initialize") == 0)
      s->initialize_seen = 1;
    else if (strcmp(m.method, "shutdown") == 0) {
      s->shutdown_requested = 1;
      checker_kill_all(s);
    }
  }
  to_clangd(s, body, len);
  if (m.kind == RPC_NOTIFICATION) {
    const char *method = m.method;
    if (strcmp(method, "exit") == 0) {
      p->exit_forwarded = 1;
      s->exit_now = 1;
      s->exit_code = s->shutdown_requested ? 0 : 1;
    } else if (s->initialize_seen && !s->shutdown_requested) {
      if (strcmp(method, "textDocument/didOpen") == 0) {
        server_did_open(s, m.params);
      } else if (strcmp(method, "textDocument/didChange") == 0) {
        server_did_change(s, m.params);
      } else if (strcmp(method, "textDocument/didSave") == 0) {
        server_did_save(s, m.params);
      } else if (strcmp(method, "textDocument/didClose") == 0) {
        const char *uri = json_str(json_obj(m.params, "textDocument"), "uri");
        document *d = uri ? doc_find(&s->docs, uri) : NULL;
        if (d && d->ss_diagnostics && cJSON_GetArraySize(d->ss_diagnostics) > 0) {
          cJSON *params = cJSON_CreateObject();
          cJSON_AddStringToObject(params, "uri", uri);
          cJSON_AddItemToObject(params, "diagnostics", cJSON_CreateArray());
          server_notify(s, "textDocument/publishDiagnostics", params);
        }
        server_did_close(s, m.params);
      }
    }
  }
  rpc_free(&m);
}

void proxy_publish(server *s, document *d, long version) {
  cJSON *all = d->clangd_diagnostics ? cJSON_Duplicate(d->clangd_diagnostics, 1)
                                     : cJSON_CreateArray();
  /* sendsync's set joins only a publication for the version it was
   * computed for: a set for another text would point at lines that moved
   * (and the version label would lie). The check of the current text
   * publishes it when it completes. */
  if (d->ss_version == (version >= 0 ? version : d->version)) {
    const cJSON *e;
    cJSON_ArrayForEach(e, d->ss_diagnostics) {
      cJSON_AddItemToArray(all, cJSON_Duplicate(e, 1));
    }
  }
  cJSON *p = cJSON_CreateObject();
  cJSON_AddStringToObject(p, "uri", d->uri);
  if (version >= 0)
    cJSON_AddNumberToObject(p, "version", (double)version);
  cJSON_AddItemToObject(p, "diagnostics", all);
  server_notify(s, "textDocument/publishDiagnostics", p);
}

static void from_clangd(server *s, const char *body, size_t len) {
  proxy *p = s->proxy;
  rpc_message m;
  rpc_parse(body, len, &m);
  if (m.kind == RPC_RESPONSE) {
    pending *q = take_pending(p, m.id);
    if (q && strcmp(q->method, "initialize") == 0) {
      const cJSON *result = json_obj(m.root, "result");
      const char *enc = json_str(json_obj(result, "capabilities"), "positionEncoding");
      if (!enc)
        enc = json_str(result, "offsetEncoding");
      enum pos_encoding e;
      s->encoding = pos_encoding_parse(enc, &e) == 0 ? e : ENC_UTF16;
    } else if (q && q->params && strcmp(q->method, "textDocument/codeAction") == 0) {
      cJSON *ours = server_code_actions(s, q->params);
      cJSON *result = cJSON_GetObjectItemCaseSensitive(m.root, "result");
      if (cJSON_GetArraySize(ours) > 0 && (cJSON_IsArray(result) || cJSON_IsNull(result))) {
        if (cJSON_IsNull(result)) {
          cJSON_ReplaceItemInObjectCaseSensitive(m.root, "result", ours);
          ours = NULL;
          result = NULL;
        } else {
          cJSON *a;
          while ((a = cJSON_DetachItemFromArray(ours, 0)) != NULL)
            cJSON_AddItemToArray(result, a);
        }
        char *merged = cJSON_PrintUnformatted(m.root);
        server_send_raw(s, merged, strlen(merged));
        free(merged);
        cJSON_Delete(ours);
        pending_free(q);
        rpc_free(&m);
        return;
      }
      cJSON_Delete(ours);
    }
    if (q)
      pending_free(q);
  } else if (m.kind == RPC_NOTIFICATION &&
             strcmp(m.method, "textDocument/publishDiagnostics") == 0) {
    const char *uri = json_str(m.params, "uri");
    document *d = uri ? doc_find(&s->docs, uri) : NULL;
    if (d) {
      cJSON_Delete(d->clangd_diagnostics);
      cJSON *diags = cJSON_GetObjectItemCaseSensitive(m.params, "diagnostics");
      d->clangd_diagnostics = cJSON_IsArray(diags) ? cJSON_Duplicate(diags, 1)
                                                   : cJSON_CreateArray();
      long version = -1;
      json_int(m.params, "version", &version);
      d->clangd_version = version;
      if (d->ss_diagnostics && cJSON_GetArraySize(d->ss_diagnostics) > 0) {
        proxy_publish(s, d, version);
        rpc_free(&m);
        return;
      }
    }
  }
  rpc_free(&m);
  server_send_raw(s, body, len);
}

static void clangd_died(server *s) {
  proxy *p = s->proxy;
  if (p->exit_forwarded)
    return; /* expected */
  /* Give the kernel a moment to report the status. */
  for (int i = 0; i < 200 && !p->reaped; i++) {
    int status;
    if (waitpid(p->pid, &status, WNOHANG) == p->pid) {
      p->reaped = 1;
      p->status = status;
      break;
    }
    sleep_ms(10);
  }
  char how[128];
  if (!p->reaped)
    snprintf(how, sizeof how, "closed its output");
  else if (WIFSIGNALED(p->status))
    snprintf(how, sizeof how, "was killed by signal %d", WTERMSIG(p->status));
  else
    snprintf(how, sizeof how, "exited with status %d", WEXITSTATUS(p->status));
  char msg[512];
  snprintf(msg, sizeof msg,
           "sendsync-lsp: clangd (%s) %s unexpectedly; the language server stops. "
           "Restart it to continue.",
           s->cfg.clangd_argv[0], how);
  while (p->pending) {
    pending *q = p->pending;
    p->pending = q->next;
    char *e = rpc_error(q->id, RPC_INTERNAL_ERROR, "clangd exited before answering");
    server_send_raw(s, e, strlen(e));
    free(e);
    pending_free(q);
  }
  cJSON *params = cJSON_CreateObject();
  cJSON_AddNumberToObject(params, "type", 1);
  cJSON_AddStringToObject(params, "message", msg);
  server_notify(s, "window/showMessage", params);
  fprintf(stderr, "%s\n", msg);
  s->exit_now = 1;
  s->exit_code = 1;
}

void proxy_add_pollfds(server *s, struct pollfd *fds, int *n) {
  proxy *p = s->proxy;
  if (!p)
    return;
  if (!p->eof) {
    fds[*n] = (struct pollfd){.fd = p->from_fd, .events = POLLIN};
    (*n)++;
  }
  if (outq_pending(&p->out)) {
    fds[*n] = (struct pollfd){.fd = p->to_fd, .events = POLLOUT};
    (*n)++;
  }
}

void proxy_handle_pollfds(server *s, const struct pollfd *fds, int n) {
  proxy *p = s->proxy;
  if (!p)
    return;
  for (int i = 0; i < n; i++) {
    if (fds[i].fd == p->to_fd && (fds[i].revents & (POLLOUT | POLLERR | POLLHUP)))
      outq_flush(&p->out);
    if (fds[i].fd == p->from_fd && fds[i].revents) {
      char buf[65536];
      for (;;) {
        ssize_t r = read(p->from_fd, buf, sizeof buf);
        if (r > 0) {
          frame_reader_feed(&p->in, buf, (size_t)r);
          continue;
        }
        if (r < 0 && errno == EINTR)
          continue;
        if (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
          p->eof = 1;
        break;
      }
      char *body;
      size_t len;
      const char *error;
      enum frame_status st;
      while ((st = frame_reader_next(&p->in, &body, &len, &error)) != FRAME_NONE) {
        if (st == FRAME_MESSAGE) {
          from_clangd(s, body, len);
          free(body);
        } else {
          fprintf(stderr, "sendsync-lsp: bad framing from clangd: %s\n", error);
        }
      }
      if (p->eof)
        clangd_died(s);
    }
  }
}

int proxy_reap(server *s, pid_t pid, int status) {
  proxy *p = s->proxy;
  if (!p || pid != p->pid)
    return 0;
  p->reaped = 1;
  p->status = status;
  return 1;
}

void proxy_shutdown(server *s) {
  proxy *p = s->proxy;
  if (!p)
    return;
  outq_drain(&p->out, 2000);
  close(p->to_fd);
  /* clangd exits on "exit" or when its input closes; give it time, then
   * insist. */
  for (int i = 0; i < 500 && !p->reaped; i++) {
    int status;
    pid_t r = waitpid(p->pid, &status, WNOHANG);
    if (r == p->pid || (r < 0 && errno == ECHILD)) {
      p->reaped = 1;
      p->status = status;
      break;
    }
    if (i == 300)
      kill(p->pid, SIGTERM);
    sleep_ms(10);
  }
  if (!p->reaped) {
    kill(p->pid, SIGKILL);
    waitpid(p->pid, NULL, 0);
  }
  close(p->from_fd);
  outq_free(&p->out);
  frame_reader_free(&p->in);
  while (p->pending) {
    pending *q = p->pending;
    p->pending = q->next;
    pending_free(q);
  }
  free(p);
  s->proxy = NULL;
}
