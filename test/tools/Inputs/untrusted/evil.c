/* A stand-in for a hostile shared object in an untrusted repository: loading
 * it (dlopen, as clang does for -fplugin= and -load) appends a line to
 * $SENDSYNC_TEST_MARKER. */
#include <stdio.h>
#include <stdlib.h>
__attribute__((constructor)) static void mark(void) {
  const char *path = getenv("SENDSYNC_TEST_MARKER");
  FILE *f = path ? fopen(path, "a") : NULL;
  if (f) { fputs("loaded\n", f); fclose(f); }
}
