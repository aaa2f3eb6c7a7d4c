/* main.c - sendsync-lsp: signals and the poll() loop. The command line is
 * options.c's, the protocol server.c's (beside) and wrap.c's (wrap). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jsonrpc.h"
#include "options.h"
#include "server.h"
#include "wrap.h"

/* Written only by signal handlers: the write end of the self-pipe that wakes
 * poll() on SIGCHLD, and the flag set by SIGTERM/SIGINT/SIGHUP (the loop
 * ends, and the temporary files go with the normal cleanup). */
static int signal_pipe_fd = -1;
static volatile sig_atomic_t terminate_requested;

static void on_sigchld(int sig) {
  (void)sig;
  int saved = errno;
  if (signal_pipe_fd >= 0) {
    ssize_t w = write(signal_pipe_fd, "c", 1);
    (void)w;
  }
  errno = saved;
}

static void on_terminate(int sig) {
  terminate_requested = 1;
  on_sigchld(sig);
}

/* The self-pipe and the handlers. Returns the read end, or -1. */
static int install_signals(void) {
  int sigpipe[2];
  if (pipe(sigpipe) != 0)
    return -1;
  for (int k = 0; k < 2; k++) {
    fcntl(sigpipe[k], F_SETFL, fcntl(sigpipe[k], F_GETFL) | O_NONBLOCK);
    fcntl(sigpipe[k], F_SETFD, FD_CLOEXEC);
  }
  signal_pipe_fd = sigpipe[1];
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigchld;
  sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sa, NULL);
  sa.sa_handler = on_terminate;
  sa.sa_flags = SA_RESTART;
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL); /* the editor's terminal went away */
  signal(SIGPIPE, SIG_IGN);
  return sigpipe[0];
}

static void handle_editor_input(server *s) {
  char buf[65536];
  ssize_t r = read(0, buf, sizeof buf);
  if (r < 0 && (errno == EINTR || errno == EAGAIN))
    return;
  if (r <= 0) {
    s->input_eof = 1;
  } else {
    frame_reader_feed(&s->in, buf, (size_t)r);
  }
  char *body;
  size_t len;
  const char *error;
  enum frame_status st;
  while (!s->exit_now &&
         (st = frame_reader_next(&s->in, &body, &len, &error)) != FRAME_NONE) {
    if (st == FRAME_MESSAGE) {
      if (s->cfg.wrap)
        wrap_from_editor(s, body, len);
      else
        server_handle_editor(s, body, len);
      free(body);
    } else {
      char msg[256];
      snprintf(msg, sizeof msg, "Parse error: bad message framing: %s", error);
      channel_send_owned(&s->ch, rpc_error(NULL, RPC_PARSE_ERROR, msg));
      fprintf(stderr, "sendsync-lsp: %s\n", msg);
    }
  }
  if (s->input_eof && !s->exit_now) {
    /* The editor went away without "exit". */
    s->exit_now = 1;
    s->exit_code = s->shutdown_requested ? 0 : 1;
  }
}

static void reap_children(server *s) {
  for (;;) {
    int status;
    pid_t pid = waitpid(-1, &status, WNOHANG);
    if (pid <= 0)
      break;
    if (!checker_reap(&s->checker, pid, status))
      proxy_reap(s->proxy, pid, status);
  }
}

/* One turn of the loop: wait for input, a child, a writable peer or the
 * next due check. Returns -1 if poll failed. */
static int loop_once(server *s, int sigfd) {
  struct pollfd fds[8];
  int n = 0;
  if (!s->input_eof)
    fds[n++] = (struct pollfd){.fd = 0, .events = POLLIN};
  if (outq_pending(&s->ch.out))
    fds[n++] = (struct pollfd){.fd = 1, .events = POLLOUT};
  fds[n++] = (struct pollfd){.fd = sigfd, .events = POLLIN};
  int proxy_first = n;
  proxy_add_pollfds(s->proxy, fds, &n);
  long long due = checker_next_due(&s->checker);
  int timeout = -1;
  if (due) {
    long long wait = due - now_ms();
    timeout = wait < 0 ? 0 : (int)wait;
  }
  int r = poll(fds, (nfds_t)n, timeout);
  if (r < 0 && errno != EINTR) {
    perror("sendsync-lsp: poll");
    return -1;
  }
  if (r > 0) {
    for (int k = 0; k < proxy_first; k++) {
      if (!fds[k].revents)
        continue;
      if (fds[k].fd == sigfd) {
        char drain[64];
        while (read(sigfd, drain, sizeof drain) > 0) {
        }
      } else if (fds[k].fd == 1) {
        outq_flush(&s->ch.out);
      }
    }
    reap_children(s);
    if (proxy_handle_pollfds(s->proxy, fds + proxy_first, n - proxy_first))
      wrap_clangd_ended(s);
    if (!s->exit_now && fds[0].fd == 0 && fds[0].revents)
      handle_editor_input(s);
  } else {
    reap_children(s);
  }
  checker_start_due(&s->checker, now_ms());
  return 0;
}

int main(int argc, char **argv) {
  server_config cfg;
  memset(&cfg, 0, sizeof cfg);
  options_storage storage;
  int status = options_parse(argc, argv, &cfg, &storage);
  if (status >= 0) {
    options_free(&storage);
    return status;
  }
  int sigfd = install_signals();
  if (sigfd < 0) {
    perror("sendsync-lsp: pipe");
    return 1;
  }
  server s;
  server_init(&s, &cfg);
  int stdout_flags = fcntl(1, F_GETFL);
  fcntl(1, F_SETFL, stdout_flags | O_NONBLOCK);
  fcntl(0, F_SETFD, FD_CLOEXEC);
  fcntl(1, F_SETFD, FD_CLOEXEC);
  if (s.cfg.wrap && wrap_start(&s) != 0) {
    fprintf(stderr, "sendsync-lsp: cannot start %s: %s\n", s.cfg.clangd_argv[0],
            strerror(errno));
    server_free(&s);
    return 1;
  }
  while (!s.exit_now && !terminate_requested)
    if (loop_once(&s, sigfd) != 0) {
      s.exit_code = 1;
      break;
    }
  if (terminate_requested && !s.exit_now)
    s.exit_code = 1;

  checker_stop(&s.checker);
  wrap_stop(&s);
  outq_drain(&s.ch.out, 5000);
  fcntl(1, F_SETFL, stdout_flags);
  int code = s.exit_code;
  server_free(&s);
  options_free(&storage);
  return code;
}
