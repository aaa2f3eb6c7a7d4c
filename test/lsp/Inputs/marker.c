/* A shared library that proves it was loaded: its constructor appends a
 * line to MARKER (a path given at build time). */
#include <fcntl.h>
#include <unistd.h>

__attribute__((constructor)) static void loaded(void) {
  int fd = open(MARKER, O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd >= 0) {
    if (write(fd, "loaded\n", 7) != 7) {
    }
    close(fd);
  }
}
