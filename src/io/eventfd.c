// eventfd: not provided; ENOSYS, as a kernel without CONFIG_EVENTFD answers,
// which event loops (libuv, glib) take as "use a pipe" (pipes are real here,
// src/io/pipe.c).  eventfd_read/eventfd_write are the usual 8-byte read and
// write, so they work on whatever fd they are given.
#include <errno.h>
#include <sys/eventfd.h>
#include <unistd.h>

int eventfd(unsigned int count, int flags) {
  (void)count; (void)flags;
  errno = ENOSYS;
  return -1;
}

int eventfd_read(int fd, eventfd_t *value) {
  return read(fd, value, sizeof *value) == (ssize_t)sizeof *value ? 0 : -1;
}

int eventfd_write(int fd, eventfd_t value) {
  return write(fd, &value, sizeof value) == (ssize_t)sizeof value ? 0 : -1;
}
