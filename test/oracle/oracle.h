// Shared by the oracle tests (oracle.test.mjs): each program is built with
// gcc for Linux and with our toolchain, and both must print the same lines.
// Values that differ between the two ABIs (errno numbers, AF_* and POLL*
// constants) are printed by name, never as numbers.  The checks themselves
// (REQUIRE, CHECK_ERRNO...) come from test/include/check.h.
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *en(int e) {
  switch (e) {
  case 0: return "0";
  case EAGAIN: return "EAGAIN";
  case EBADF: return "EBADF";
  case EEXIST: return "EEXIST";
  case ENOENT: return "ENOENT";
  case EINVAL: return "EINVAL";
  case EPERM: return "EPERM";
  case EFAULT: return "EFAULT";
  case ELOOP: return "ELOOP";
  case EPIPE: return "EPIPE";
  case ENOTCONN: return "ENOTCONN";
  case ECONNREFUSED: return "ECONNREFUSED";
  case ECONNRESET: return "ECONNRESET";
  case EISCONN: return "EISCONN";
  case EMSGSIZE: return "EMSGSIZE";
  case EOPNOTSUPP: return "EOPNOTSUPP";
  case ENOTSOCK: return "ENOTSOCK";
  case EAFNOSUPPORT: return "EAFNOSUPPORT";
  case EPROTONOSUPPORT: return "EPROTONOSUPPORT";
  case ENOPROTOOPT: return "ENOPROTOOPT";
  case EINTR: return "EINTR";
  default: return "E?";
  }
}

// poll/epoll event bits by name (the values differ between the ABIs)
static const char *pev(int r) {
  static char b[128];
  b[0] = 0;
  if (r & POLLIN) strcat(b, "IN ");
  if (r & POLLOUT) strcat(b, "OUT ");
  if (r & POLLERR) strcat(b, "ERR ");
  if (r & POLLHUP) strcat(b, "HUP ");
  if (r & POLLNVAL) strcat(b, "NVAL ");
  if (!b[0]) strcpy(b, "- ");
  b[strlen(b) - 1] = 0;
  return b;
}

// print a call's result: the value, or -1 and the errno's name
#define SHOW(what, call) do { errno = 0; long r_ = (long)(call); printf("%s: %ld%s%s\n", what, r_, r_ < 0 ? " " : "", r_ < 0 ? en(errno) : ""); } while (0)
