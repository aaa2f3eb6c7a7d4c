#define _POSIX_C_SOURCE 200809L
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int progress_wanted(int requested) {
  if (requested >= 0)
    return requested;
  const char *ci = getenv("CI");
  if (ci && (strcmp(ci, "true") == 0 || strcmp(ci, "1") == 0))
    return 0;
  return isatty(STDERR_FILENO);
}

void progress_update(const char *pass, size_t done, size_t total,
                     size_t findings) {
  /* \r and "erase line": the next update overwrites this one. */
  fprintf(stderr, "\r\033[K[%s%s%zu/%zu] %zu finding%s", pass ? pass : "",
          pass ? " " : "", done, total, findings, findings == 1 ? "" : "s");
  fflush(stderr);
}

void progress_clear(void) {
  fputs("\r\033[K", stderr);
  fflush(stderr);
}
