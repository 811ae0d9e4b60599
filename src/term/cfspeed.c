// Baud-rate fields of struct termios and cfmakeraw: pure data.  The speed
// is a Bnnn code kept in c_cflag & CBAUD (output) as Linux does, and in the
// __c_ispeed/__c_ospeed words (glibc's c_ispeed/c_ospeed); an input speed
// of 0 means "the same as the output speed".
#define _GNU_SOURCE
#include <errno.h>
#include <termios.h>

static int valid(speed_t s) {
  return !(s & ~CBAUD) && (!(s & CBAUDEX) || (s & ~CBAUDEX) != 0);
}

speed_t cfgetospeed(const struct termios *t) {
  return t->c_cflag & CBAUD;
}

speed_t cfgetispeed(const struct termios *t) {
  return t->__c_ispeed ? t->__c_ispeed : cfgetospeed(t);
}

int cfsetospeed(struct termios *t, speed_t s) {
  if (!valid(s)) {
    errno = EINVAL;
    return -1;
  }
  t->c_cflag = (t->c_cflag & ~CBAUD) | s;
  t->__c_ospeed = s;
  return 0;
}

int cfsetispeed(struct termios *t, speed_t s) {
  if (!valid(s)) {
    errno = EINVAL;
    return -1;
  }
  t->__c_ispeed = s;
  return 0;
}

int cfsetspeed(struct termios *t, speed_t s) {
  if (cfsetospeed(t, s)) return -1;
  t->__c_ispeed = s;
  return 0;
}

// Linux's raw mode: no input processing, no output processing, no echo,
// no canonical lines or signals, 8-bit characters, reads of 1 byte.
void cfmakeraw(struct termios *t) {
  t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
  t->c_oflag &= ~OPOST;
  t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
  t->c_cflag &= ~(CSIZE | PARENB);
  t->c_cflag |= CS8;
  t->c_cc[VMIN] = 1;
  t->c_cc[VTIME] = 0;
}
