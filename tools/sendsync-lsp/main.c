/* main.c - sendsync-lsp: command line, signals and the poll() loop.
 *
 *   sendsync-lsp [options]                    beside mode (next to clangd)
 *   sendsync-lsp [options] --wrap -- clangd [clangd args]   wrap mode
 */
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
#include "paths.h"
#include "run_clang.h"
#include "server.h"

#ifndef SENDSYNC_CLANG
#define SENDSYNC_CLANG "clang"
#endif
#ifndef SENDSYNC_ANNOTATIONS_DIR
#define SENDSYNC_ANNOTATIONS_DIR ""
#endif
#ifndef SENDSYNC_LSP_VERSION
#define SENDSYNC_LSP_VERSION "0.1.0"
#endif
#ifndef SENDSYNC_DOC_BASE
#define SENDSYNC_DOC_BASE ""
#endif

/* Written only by signal handlers: the write end of the self-pipe that wakes
 * poll() on SIGCHLD, and the flag set by SIGTERM/SIGINT. */
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

static void usage(FILE *f) {
  fputs("usage: sendsync-lsp [options]\n"
        "       sendsync-lsp [options] --wrap -- <clangd> [clangd arguments]\n"
        "\n"
        "A language server (LSP over stdio) that publishes sendsync's findings for\n"
        "open C files. Without --wrap it runs beside clangd (a second server);\n"
        "with --wrap it starts clangd, forwards everything, and merges the\n"
        "diagnostics of both.\n"
        "\n"
        "options:\n"
        "  --clang=<path>                 the clang the plugin was built for\n"
        "                                 (default: " SENDSYNC_CLANG ")\n"
        "  --plugin=<path>                sendsync.so (default: ../lib/sendsync.so\n"
        "                                 next to this executable)\n"
        "  --compile-commands-dir=<dir>   where compile_commands.json is (default:\n"
        "                                 the nearest parent directory, as clangd;\n"
        "                                 in wrap mode clangd's own option is used)\n"
        "  --plugin-arg=<arg>             strict, werror or disable=<ids>\n"
        "  --debounce=<ms>                wait after an edit (default 300)\n"
        "  --doc-base=<url>               prefix of the checks' doc links\n"
        "  --help, --version\n",
        f);
}

/* The plugin beside this executable: the installed layout
 * (<bin>/../lib/sendsync/sendsync-<N>.so, docs/install.md) first, then the
 * build tree's (<bin>/../lib/sendsync.so). */
static char *default_plugin(void) {
  char *exe = ss_path_self_exe();
  if (!exe)
    return strdup("sendsync.so");
  char *bin = ss_path_dirname(exe);
  char installed[64];
  snprintf(installed, sizeof installed, "../lib/sendsync/sendsync-%d.so",
           SENDSYNC_LLVM_MAJOR);
  char *lib = ss_path_absolute(installed, bin);
  if (!ss_path_is_file(lib)) {
    free(lib);
    lib = ss_path_absolute("../lib/sendsync.so", bin);
  }
  free(exe);
  free(bin);
  return lib;
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
  while (!s->exit_now && (st = frame_reader_next(&s->in, &body, &len, &error)) != FRAME_NONE) {
    if (st == FRAME_MESSAGE) {
      server_handle_editor(s, body, len);
      free(body);
    } else {
      char msg[256];
      snprintf(msg, sizeof msg, "Parse error: bad message framing: %s", error);
      char *e = rpc_error(NULL, RPC_PARSE_ERROR, msg);
      server_send_raw(s, e, strlen(e));
      free(e);
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
    if (!checker_reap(s, pid, status))
      proxy_reap(s, pid, status);
  }
}

int main(int argc, char **argv) {
  server s;
  memset(&s, 0, sizeof s);
  s.cfg.clang = SENDSYNC_CLANG;
  s.cfg.debounce_ms = 300;
  s.cfg.doc_base = SENDSYNC_DOC_BASE;
  s.cfg.annotations_dir = SENDSYNC_ANNOTATIONS_DIR;
  char *plugin = NULL;
  const char **plugin_args = calloc((size_t)argc + 1, sizeof *plugin_args);
  size_t plugin_arg_count = 0;

  int i;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strncmp(a, "--clang=", 8) == 0)
      s.cfg.clang = a + 8;
    else if (strncmp(a, "--plugin=", 9) == 0)
      plugin = strdup(a + 9);
    else if (strncmp(a, "--compile-commands-dir=", 23) == 0)
      s.cfg.compile_commands_dir = a + 23;
    else if (strncmp(a, "--plugin-arg=", 13) == 0)
      plugin_args[plugin_arg_count++] = a + 13;
    else if (strncmp(a, "--debounce=", 11) == 0)
      s.cfg.debounce_ms = strtol(a + 11, NULL, 10);
    else if (strncmp(a, "--doc-base=", 11) == 0)
      s.cfg.doc_base = a + 11;
    else if (strcmp(a, "--wrap") == 0)
      s.cfg.wrap = 1;
    else if (strcmp(a, "--") == 0) {
      i++;
      break;
    } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(a, "--version") == 0) {
      puts("sendsync-lsp " SENDSYNC_LSP_VERSION);
      return 0;
    } else {
      fprintf(stderr, "sendsync-lsp: unknown argument '%s'\n", a);
      usage(stderr);
      return 2;
    }
  }
  if (s.cfg.wrap) {
    if (i >= argc) {
      fprintf(stderr, "sendsync-lsp: --wrap needs the clangd command after '--', e.g.\n"
                      "  sendsync-lsp --wrap -- clangd --background-index\n");
      return 2;
    }
    s.cfg.clangd_argv = argv + i;
    /* Editors probe their "clangd" with --version (or --help) before using
     * it: when the wrapper stands in for clangd, let clangd answer. */
    for (int k = i + 1; k < argc; k++)
      if (strcmp(argv[k], "--version") == 0 || strcmp(argv[k], "-version") == 0 ||
          strcmp(argv[k], "--help") == 0) {
        execvp(argv[i], argv + i);
        fprintf(stderr, "sendsync-lsp: cannot run %s: %s\n", argv[i], strerror(errno));
        return 127;
      }
    /* Look where clangd looks. */
    for (int k = i + 1; k < argc && !s.cfg.compile_commands_dir; k++)
      if (strncmp(argv[k], "--compile-commands-dir=", 23) == 0)
        s.cfg.compile_commands_dir = argv[k] + 23;
  } else if (i < argc) {
    fprintf(stderr, "sendsync-lsp: arguments after '--' need --wrap\n");
    return 2;
  }
  s.cfg.plugin = plugin ? plugin : (plugin = default_plugin());
  s.cfg.plugin_args = plugin_args;
  s.cfg.plugin_arg_count = plugin_arg_count;
  if (s.cfg.compile_commands_dir) {
    char *cwd = ss_path_cwd();
    s.cfg.compile_commands_dir = ss_path_absolute(s.cfg.compile_commands_dir, cwd ? cwd : "/");
    free(cwd);
  }

  int sigpipe[2];
  if (pipe(sigpipe) != 0) {
    perror("sendsync-lsp: pipe");
    return 1;
  }
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
  signal(SIGPIPE, SIG_IGN);

  s.tmpdir = ss_tu_make_tmpdir();
  if (!s.tmpdir) {
    perror("sendsync-lsp: cannot create a temporary directory");
    return 1;
  }
  frame_reader_init(&s.in);
  outq_init(&s.out, 1);
  int stdout_flags = fcntl(1, F_GETFL);
  fcntl(1, F_SETFL, stdout_flags | O_NONBLOCK);
  fcntl(0, F_SETFD, FD_CLOEXEC);
  fcntl(1, F_SETFD, FD_CLOEXEC);

  if (s.cfg.wrap && proxy_start(&s) != 0) {
    fprintf(stderr, "sendsync-lsp: cannot start %s: %s\n", s.cfg.clangd_argv[0],
            strerror(errno));
    ss_tu_remove_tmpdir(s.tmpdir);
    return 1;
  }

  while (!s.exit_now && !terminate_requested) {
    struct pollfd fds[8];
    int n = 0;
    if (!s.input_eof)
      fds[n++] = (struct pollfd){.fd = 0, .events = POLLIN};
    if (outq_pending(&s.out))
      fds[n++] = (struct pollfd){.fd = 1, .events = POLLOUT};
    fds[n++] = (struct pollfd){.fd = sigpipe[0], .events = POLLIN};
    int proxy_first = n;
    proxy_add_pollfds(&s, fds, &n);
    long long due = checker_next_due(&s);
    int timeout = -1;
    if (due) {
      long long wait = due - now_ms();
      timeout = wait < 0 ? 0 : (int)wait;
    }
    int r = poll(fds, (nfds_t)n, timeout);
    if (r < 0 && errno != EINTR) {
      perror("sendsync-lsp: poll");
      s.exit_code = 1;
      break;
    }
    if (r > 0) {
      for (int k = 0; k < proxy_first; k++) {
        if (!fds[k].revents)
          continue;
        if (fds[k].fd == sigpipe[0]) {
          char drain[64];
          while (read(sigpipe[0], drain, sizeof drain) > 0) {
          }
        } else if (fds[k].fd == 1) {
          outq_flush(&s.out);
        }
      }
      reap_children(&s);
      proxy_handle_pollfds(&s, fds + proxy_first, n - proxy_first);
      if (!s.exit_now && fds[0].fd == 0 && fds[0].revents)
        handle_editor_input(&s);
    } else {
      reap_children(&s);
    }
    checker_start_due(&s, now_ms());
  }
  if (terminate_requested && !s.exit_now)
    s.exit_code = 1;

  checker_kill_all(&s);
  proxy_shutdown(&s);
  outq_drain(&s.out, 5000);
  fcntl(1, F_SETFL, stdout_flags);
  ss_tu_remove_tmpdir(s.tmpdir);
  free(s.tmpdir);
  while (s.docs.head) {
    document *d = s.docs.head;
    doc_unlink(&s.docs, d);
    doc_free(d);
  }
  for (size_t k = 0; k < s.said_count; k++)
    free(s.said[k]);
  free(s.said);
  frame_reader_free(&s.in);
  outq_free(&s.out);
  free(plugin);
  free(plugin_args);
  if (s.cfg.compile_commands_dir)
    free((char *)s.cfg.compile_commands_dir);
  return s.exit_code;
}
