/* proxy.c - see proxy.h. */
#include "proxy.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "framing.h"

struct proxy {
  pid_t pid;
  int to_fd, from_fd;
  outq out;
  frame_reader in;
  int eof;
  int reaped;
  int status;
  int exit_forwarded;
  proxy_message_fn on_message;
  void *context;
};

static void sleep_ms(long ms) {
  struct timespec t = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L};
  nanosleep(&t, NULL);
}

static void set_nonblock_cloexec(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  fcntl(fd, F_SETFD, FD_CLOEXEC);
}

proxy *proxy_start(char **argv, proxy_message_fn on_message, void *context) {
  int in_pipe[2], out_pipe[2];
  if (pipe(in_pipe) || pipe(out_pipe))
    return NULL;
  pid_t pid = fork();
  if (pid < 0)
    return NULL;
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    close(in_pipe[0]);
    close(in_pipe[1]);
    close(out_pipe[0]);
    close(out_pipe[1]);
    signal(SIGPIPE, SIG_DFL);
    execvp(argv[0], argv);
    fprintf(stderr, "sendsync-lsp: cannot run %s: %s\n", argv[0],
            strerror(errno));
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  proxy *p = calloc(1, sizeof *p);
  if (!p)
    return NULL;
  p->pid = pid;
  p->to_fd = in_pipe[1];
  p->from_fd = out_pipe[0];
  p->on_message = on_message;
  p->context = context;
  set_nonblock_cloexec(p->to_fd);
  set_nonblock_cloexec(p->from_fd);
  outq_init(&p->out, p->to_fd);
  frame_reader_init(&p->in);
  return p;
}

void proxy_send(proxy *p, const char *body, size_t len) {
  outq_push_frame(&p->out, body, len);
  outq_flush(&p->out);
}

void proxy_set_exit_forwarded(proxy *p) { p->exit_forwarded = 1; }
int proxy_exit_forwarded(const proxy *p) { return p->exit_forwarded; }

void proxy_describe_end(proxy *p, char *buf, size_t size) {
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
  if (!p->reaped)
    snprintf(buf, size, "closed its output");
  else if (WIFSIGNALED(p->status))
    snprintf(buf, size, "was killed by signal %d", WTERMSIG(p->status));
  else
    snprintf(buf, size, "exited with status %d", WEXITSTATUS(p->status));
}

void proxy_add_pollfds(proxy *p, struct pollfd *fds, int *n) {
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

static void read_clangd(proxy *p) {
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
      p->on_message(p->context, body, len);
      free(body);
    } else {
      fprintf(stderr, "sendsync-lsp: bad framing from clangd: %s\n", error);
    }
  }
}

int proxy_handle_pollfds(proxy *p, const struct pollfd *fds, int n) {
  if (!p)
    return 0;
  int ended = 0;
  for (int i = 0; i < n; i++) {
    if (fds[i].fd == p->to_fd &&
        (fds[i].revents & (POLLOUT | POLLERR | POLLHUP)))
      outq_flush(&p->out);
    if (fds[i].fd == p->from_fd && fds[i].revents && !p->eof) {
      read_clangd(p);
      ended |= p->eof;
    }
  }
  return ended;
}

int proxy_reap(proxy *p, pid_t pid, int status) {
  if (!p || pid != p->pid)
    return 0;
  p->reaped = 1;
  p->status = status;
  return 1;
}

void proxy_shutdown(proxy *p) {
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
  free(p);
}
