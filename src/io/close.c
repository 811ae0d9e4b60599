// close(2): drops this fd's reference; the resource goes with the last one.
#include <unistd.h>
#include "wasip2_fd.h"

int close(int fd) {
  return __wasip2_fd_close(fd);
}
