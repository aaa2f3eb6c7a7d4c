/* A growable, NULL-terminated argument vector. */
#ifndef SENDSYNC_ARGV_H
#define SENDSYNC_ARGV_H

#include <stddef.h>

typedef struct ss_argv {
  char **v; /* v[n] == NULL whenever v != NULL */
  size_t n;
  size_t cap;
} ss_argv;

void ss_argv_push(ss_argv *a, const char *arg); /* copies arg; aborts on OOM */
void ss_argv_pushf(ss_argv *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ss_argv_free(ss_argv *a);

/* Splits a shell command line ("command" in compile_commands.json): blanks
 * separate words; '...' is literal; "..." honours \" \\ \$ \`; a backslash
 * outside quotes escapes the next character. Returns 0, or -1 on an
 * unterminated quote. */
int ss_argv_split_command(const char *command, ss_argv *out);

#endif
