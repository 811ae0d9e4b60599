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
//! dir: /data

static int failures;
#define CHECK(cond, ...) do { if (cond) printf("ok   " __VA_ARGS__); else { printf("FAIL " __VA_ARGS__); failures++; } printf("\n"); } while (0)
#define FAILS(call, e) ((call) == -1 && errno == (e))

int main(void) {
  struct termios t;
  int fd = open("/data/f", O_RDWR | O_CREAT, 0644);
  int p[2];
  pipe(p);
  int fds[] = {0, 1, fd, p[0]};
  const char *names[] = {"stdin (pipe)", "stdout (pipe)", "a file", "a pipe"};
  for (int i = 0; i < 4; i++) {
    int f = fds[i];
    CHECK(!isatty(f), "%s is not a terminal", names[i]);
    CHECK(FAILS(tcgetattr(f, &t), ENOTTY), "  tcgetattr: ENOTTY");
    CHECK(FAILS(tcsetattr(f, TCSANOW, &t), ENOTTY), "  tcsetattr: ENOTTY");
    CHECK(FAILS(tcdrain(f), ENOTTY) && FAILS(tcflush(f, TCIOFLUSH), ENOTTY) && FAILS(tcflow(f, TCOON), ENOTTY) &&
          FAILS(tcsendbreak(f, 0), ENOTTY) && FAILS(tcgetsid(f), ENOTTY), "  tcdrain/tcflush/tcflow/tcsendbreak/tcgetsid: ENOTTY");
  }
  close(fd);
  CHECK(FAILS(tcgetattr(fd, &t), EBADF) && FAILS(tcsetattr(fd, TCSANOW, &t), EBADF) && FAILS(tcdrain(fd), EBADF),
        "closed descriptor: EBADF");
  CHECK(FAILS(tcgetattr(-1, &t), EBADF), "fd -1: EBADF");
  printf("%s\n", failures ? "FAILED" : "all termios checks passed");
  return failures != 0;
}
