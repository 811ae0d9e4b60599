// Terminal attributes (<termios.h>).  WASI 0.2 says whether a stdio stream
// is a terminal (isatty, from wasi:cli/terminal-*) but offers no way to
// read or change its modes.  A terminal is therefore described by the
// cooked mode a host terminal starts in -- Linux's defaults for a new
// terminal -- and only those settings can be "set" again; a change
// (raw mode, echo off, another speed) fails with EINVAL, the POSIX error
// for a value the terminal does not support, so programs fall back.
#include <errno.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static void cooked(struct termios *t) {
  memset(t, 0, sizeof *t);
  t->c_iflag = BRKINT | ICRNL | IXON | IMAXBEL | IUTF8;
  t->c_oflag = OPOST | ONLCR;
  t->c_cflag = B38400 | CS8 | CREAD | HUPCL;
  t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | IEXTEN | ECHOCTL | ECHOKE;
  t->c_cc[VINTR] = 003;    // ^C
  t->c_cc[VQUIT] = 034;    // ^backslash
  t->c_cc[VERASE] = 0177;  // DEL
  t->c_cc[VKILL] = 025;    // ^U
  t->c_cc[VEOF] = 004;     // ^D
  t->c_cc[VTIME] = 0;
  t->c_cc[VMIN] = 1;
  t->c_cc[VSTART] = 021;   // ^Q
  t->c_cc[VSTOP] = 023;    // ^S
  t->c_cc[VSUSP] = 032;    // ^Z
  t->c_cc[VREPRINT] = 022; // ^R
  t->c_cc[VDISCARD] = 017; // ^O
  t->c_cc[VWERASE] = 027;  // ^W
  t->c_cc[VLNEXT] = 026;   // ^V
  t->__c_ispeed = t->__c_ospeed = B38400;
}

// 0 for a terminal; -1 with isatty's errno (EBADF, ENOTTY) otherwise.
static int terminal(int fd) {
  return isatty(fd) ? 0 : -1;
}

int tcgetattr(int fd, struct termios *t) {
  if (terminal(fd)) return -1;
  cooked(t);
  return 0;
}

int tcsetattr(int fd, int action, const struct termios *t) {
  if (terminal(fd)) return -1;
  if (action != TCSANOW && action != TCSADRAIN && action != TCSAFLUSH) {
    errno = EINVAL;
    return -1;
  }
  struct termios cur;
  cooked(&cur);
  // c_line and the unused c_cc slots carry nothing a terminal acts on.
  static const unsigned char used[] = {VINTR, VQUIT, VERASE, VKILL, VEOF, VSTART, VSTOP,
                                       VSUSP, VREPRINT, VDISCARD, VWERASE, VLNEXT};
  int same = t->c_iflag == cur.c_iflag && t->c_oflag == cur.c_oflag &&
             t->c_cflag == cur.c_cflag && t->c_lflag == cur.c_lflag &&
             (t->__c_ispeed == 0 || t->__c_ispeed == cur.__c_ispeed);
  for (size_t i = 0; same && i < sizeof used; i++) same = t->c_cc[used[i]] == cur.c_cc[used[i]];
  if (!same) {
    errno = EINVAL;  // WASI cannot change a terminal's modes
    return -1;
  }
  return 0;
}

// Every write reaches the host before it returns: nothing to wait for.
int tcdrain(int fd) {
  return terminal(fd);
}

// The output queue is always empty (see tcdrain); input already sent by
// the host terminal cannot be taken back.
int tcflush(int fd, int queue) {
  if (terminal(fd)) return -1;
  if (queue == TCOFLUSH) return 0;
  errno = queue == TCIFLUSH || queue == TCIOFLUSH ? ENOTSUP : EINVAL;
  return -1;
}

// Output and input are never suspended, and WASI cannot suspend them.
int tcflow(int fd, int action) {
  if (terminal(fd)) return -1;
  if (action == TCOON || action == TCION) return 0;
  errno = action == TCOOFF || action == TCIOFF ? ENOTSUP : EINVAL;
  return -1;
}

// A break is a serial-line condition WASI has no way to send.
int tcsendbreak(int fd, int duration) {
  (void)duration;
  if (terminal(fd)) return -1;
  errno = ENOTSUP;
  return -1;
}

// The terminal belongs to our own session (getsid: the fixed pid).
pid_t tcgetsid(int fd) {
  if (terminal(fd)) return -1;
  return getsid(0);
}
