// poll(2): the POSIX entry point of the poll core (src/io/poll_fds.c),
// which waits through the wait core (src/wait).
#include <poll.h>
#include "wasip2_fd.h"

int poll(struct pollfd *fds, nfds_t n, int timeout_ms) {
  return __wasip2_poll(fds, n, timeout_ms < 0 ? -1 : (int64_t)timeout_ms * 1000000);
}
