/*
 * log.c - a small logger that belongs to the thread that opened it.
 *
 * Each line is formatted in the opening thread's _Thread_local buffer. If
 * another thread used the logger, it would write into a buffer that belongs
 * to a different thread, and that buffer disappears when its thread exits.
 * jobqueue.h therefore marks struct logger SS_NOT_SEND. As a runtime
 * backstop, logger_printf also complains when it is called from a thread
 * other than the owner.
 */
#define _POSIX_C_SOURCE 200809L

#include "jobqueue.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define LOG_LINE_MAX 256

static _Thread_local char line_buffer[LOG_LINE_MAX];

struct logger {
  const char *tag;
  char *line; /* the opening thread's line_buffer */
  pthread_t owner;
};

struct logger *logger_open(const char *tag) {
  struct logger *log = malloc(sizeof *log);
  if (!log)
    return NULL;
  log->tag = tag;
  log->line = line_buffer;
  log->owner = pthread_self();
  return log;
}

void logger_printf(struct logger *log, const char *fmt, ...) {
  if (!pthread_equal(log->owner, pthread_self())) {
    fflush(stdout);
    fprintf(stderr,
            "[%s] warning: logger used by a thread that did not "
            "open it\n",
            log->tag);
  }
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(log->line, LOG_LINE_MAX, fmt, ap);
  va_end(ap);
  printf("[%s] %s\n", log->tag, log->line);
}

void logger_close(struct logger *log) { free(log); }
