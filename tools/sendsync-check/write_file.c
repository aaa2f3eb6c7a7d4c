#include "write_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int write_text_file(const char *path, const char *text) {
  int to_stdout = !path || strcmp(path, "-") == 0;
  FILE *f = to_stdout ? stdout : fopen(path, "w");
  if (!f) {
    fprintf(stderr, "sendsync-check: cannot write %s: %s\n", path,
            strerror(errno));
    return -1;
  }
  fputs(text, f);
  int failed = ferror(f);
  if (to_stdout)
    failed |= fflush(f) != 0;
  else
    failed |= fclose(f) != 0;
  if (failed) {
    fprintf(stderr, "sendsync-check: cannot write %s: %s\n",
            to_stdout ? "stdout" : path, strerror(errno));
    return -1;
  }
  return 0;
}

int write_json_file(const char *path, const cJSON *root) {
  char *text = cJSON_Print(root);
  if (!text) {
    fputs("sendsync-check: out of memory\n", stderr);
    return -1;
  }
  size_t n = strlen(text);
  char *with_newline = malloc(n + 2);
  if (!with_newline) {
    free(text);
    fputs("sendsync-check: out of memory\n", stderr);
    return -1;
  }
  memcpy(with_newline, text, n);
  memcpy(with_newline + n, "\n", 2);
  free(text);
  int rc = write_text_file(path, with_newline);
  free(with_newline);
  return rc;
}
