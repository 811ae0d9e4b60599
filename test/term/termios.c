// termios on descriptors that are not terminals (the harness gives pipes
// and files): every call fails with ENOTTY, a closed descriptor EBADF.
// (tty.test.mjs covers a real terminal; termios_abi.c the constants.)
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/termios.h>
#include <termios.h>
#include <unistd.h>
#include "check.h"
//! dir: /data

// the call failed with -1 and errno e
static int fails(int r, int e) { return r == -1 && errno == e; }

int main(void) {
  struct termios t;
  int fd = open("/data/f", O_RDWR | O_CREAT, 0644);
  int p[2];
  pipe(p);
  int fds[] = {0, 1, fd, p[0]};
  const char *names[] = {"stdin (pipe)", "stdout (pipe)", "a file", "a pipe"};
  for (int i = 0; i < 4; i++) {
    int f = fds[i];
    OK(!isatty(f), "%s is not a terminal", names[i]);
    OK(fails(tcgetattr(f, &t), ENOTTY), "  tcgetattr: ENOTTY");
    OK(fails(tcsetattr(f, TCSANOW, &t), ENOTTY), "  tcsetattr: ENOTTY");
    OK(fails(tcdrain(f), ENOTTY) && fails(tcflush(f, TCIOFLUSH), ENOTTY) && fails(tcflow(f, TCOON), ENOTTY) &&
          fails(tcsendbreak(f, 0), ENOTTY) && fails(tcgetsid(f), ENOTTY), "  tcdrain/tcflush/tcflow/tcsendbreak/tcgetsid: ENOTTY");
  }
  close(fd);
  OK(fails(tcgetattr(fd, &t), EBADF) && fails(tcsetattr(fd, TCSANOW, &t), EBADF) && fails(tcdrain(fd), EBADF),
        "closed descriptor: EBADF");
  OK(fails(tcgetattr(-1, &t), EBADF), "fd -1: EBADF");
  return CHECK_DONE();
}
