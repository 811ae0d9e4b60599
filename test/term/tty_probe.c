// Run on a pseudo-terminal by tty.test.mjs (natively and as a component):
// what tcgetattr reports for a terminal, and which changes are accepted.
// Lines starting "same:" must agree with Linux; "wasi:" lines state what
// WASI cannot do (they are only checked for the component).
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  struct termios t, raw;
  // Before any output: on Linux it discards what the terminal has not sent yet.
  int oflush = tcflush(1, TCOFLUSH);
  setvbuf(stdout, NULL, _IONBF, 0);
  printf("same: isatty 0 %d 1 %d\n", isatty(0), isatty(1));
  int r = tcgetattr(0, &t);
  printf("same: tcgetattr(0) %d\n", r);
  if (r) return 1;
  printf("same: ICANON %d ECHO %d ISIG %d ICRNL %d OPOST %d ONLCR %d CS8 %d CREAD %d\n", !!(t.c_lflag & ICANON),
         !!(t.c_lflag & ECHO), !!(t.c_lflag & ISIG), !!(t.c_iflag & ICRNL), !!(t.c_oflag & OPOST),
         !!(t.c_oflag & ONLCR), (t.c_cflag & CSIZE) == CS8, !!(t.c_cflag & CREAD));
  printf("same: VINTR %d VEOF %d VERASE %d VMIN %d VTIME %d\n", t.c_cc[VINTR], t.c_cc[VEOF], t.c_cc[VERASE],
         t.c_cc[VMIN], t.c_cc[VTIME]);
  printf("same: tcsetattr(unchanged) %d\n", tcsetattr(0, TCSANOW, &t));
  errno = 0;
  r = tcsetattr(0, 42, &t);
  printf("same: tcsetattr(bad action) %d %s\n", r, strerror(errno));
  printf("same: tcdrain(1) %d\n", tcdrain(1));
  printf("same: tcflush(1, TCOFLUSH) %d\n", oflush);
  printf("same: tcgetsid(0) == getsid(0): %d\n", tcgetsid(0) == getsid(0));
  printf("same: tcgetattr(1) %d\n", tcgetattr(1, &raw));
  raw = t;
  cfmakeraw(&raw);
  errno = 0;
  r = tcsetattr(0, TCSANOW, &raw);
  printf("wasi: tcsetattr(raw) %d %s\n", r, strerror(errno));
  if (!r) tcsetattr(0, TCSANOW, &t);
  raw = t;
  cfsetospeed(&raw, B9600);
  errno = 0;
  r = tcsetattr(0, TCSADRAIN, &raw);
  printf("wasi: tcsetattr(B9600) %d %s\n", r, strerror(errno));
  if (!r) tcsetattr(0, TCSANOW, &t);
  errno = 0;
  r = tcflush(0, TCIFLUSH);
  printf("wasi: tcflush(TCIFLUSH) %d %s\n", r, strerror(errno));
  errno = 0;
  r = tcflow(1, TCOOFF);
  int e = errno;
  if (!r) tcflow(1, TCOON);  // before printing: suspended output would block
  printf("wasi: tcflow(TCOOFF) %d %s\n", r, strerror(e));
  errno = 0;
  r = tcsendbreak(1, 0);
  printf("wasi: tcsendbreak %d %s\n", r, strerror(errno));
  return 0;
}
