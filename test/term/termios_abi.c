// struct termios layout, every termios constant, cfmakeraw and the speed
// functions, printed so that native_compare.test.mjs can hold the output
// of our build against the same program built by gcc on Linux.
#define _GNU_SOURCE
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include "check.h"

#define P(c) printf("%s %#lo\n", #c, (unsigned long)(c))

int main(void) {
  printf("sizeof struct termios %zu, c_line at %zu, c_cc at %zu, NCCS %d\n", sizeof(struct termios),
         offsetof(struct termios, c_line), offsetof(struct termios, c_cc), NCCS);
  P(VINTR); P(VQUIT); P(VERASE); P(VKILL); P(VEOF); P(VTIME); P(VMIN); P(VSWTC); P(VSTART); P(VSTOP);
  P(VSUSP); P(VEOL); P(VREPRINT); P(VDISCARD); P(VWERASE); P(VLNEXT); P(VEOL2);
  P(IGNBRK); P(BRKINT); P(IGNPAR); P(PARMRK); P(INPCK); P(ISTRIP); P(INLCR); P(IGNCR); P(ICRNL); P(IUCLC);
  P(IXON); P(IXANY); P(IXOFF); P(IMAXBEL); P(IUTF8);
  P(OPOST); P(OLCUC); P(ONLCR); P(OCRNL); P(ONOCR); P(ONLRET); P(OFILL); P(OFDEL); P(NLDLY); P(NL0); P(NL1);
  P(CRDLY); P(CR0); P(CR1); P(CR2); P(CR3); P(TABDLY); P(TAB0); P(TAB1); P(TAB2); P(TAB3); P(BSDLY); P(BS0); P(BS1);
  P(FFDLY); P(FF0); P(FF1); P(VTDLY); P(VT0); P(VT1); P(XTABS);
  P(B0); P(B50); P(B75); P(B110); P(B134); P(B150); P(B200); P(B300); P(B600); P(B1200); P(B1800); P(B2400);
  P(B4800); P(B9600); P(B19200); P(B38400); P(B57600); P(B115200); P(B230400); P(B460800); P(B500000);
  P(B576000); P(B921600); P(B1000000); P(B1152000); P(B1500000); P(B2000000); P(B2500000); P(B3000000);
  P(B3500000); P(B4000000);
  P(CSIZE); P(CS5); P(CS6); P(CS7); P(CS8); P(CSTOPB); P(CREAD); P(PARENB); P(PARODD); P(HUPCL); P(CLOCAL);
  P(CBAUD); P(CBAUDEX); P(CIBAUD); P(CMSPAR); P(CRTSCTS); P(EXTA); P(EXTB);
  P(ISIG); P(ICANON); P(XCASE); P(ECHO); P(ECHOE); P(ECHOK); P(ECHONL); P(NOFLSH); P(TOSTOP); P(ECHOCTL);
  P(ECHOPRT); P(ECHOKE); P(FLUSHO); P(PENDIN); P(IEXTEN); P(EXTPROC);
  P(TCOOFF); P(TCOON); P(TCIOFF); P(TCION); P(TCIFLUSH); P(TCOFLUSH); P(TCIOFLUSH); P(TCSANOW); P(TCSADRAIN);
  P(TCSAFLUSH);

  struct termios t;
  memset(&t, 0xff, sizeof t);
  cfmakeraw(&t);
  printf("cfmakeraw(all ones): iflag %#o oflag %#o cflag %#o lflag %#o VMIN %d VTIME %d\n", t.c_iflag, t.c_oflag,
         t.c_cflag, t.c_lflag, t.c_cc[VMIN], t.c_cc[VTIME]);
  memset(&t, 0, sizeof t);
  cfmakeraw(&t);
  printf("cfmakeraw(zero): iflag %#o oflag %#o cflag %#o lflag %#o\n", t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag);

  static const speed_t sp[] = {B0, B300, B9600, B38400, B57600, B115200, B4000000};
  for (size_t i = 0; i < sizeof sp / sizeof *sp; i++) {
    memset(&t, 0, sizeof t);
    t.c_cflag = CS8 | CREAD;
    int a = cfsetospeed(&t, sp[i]);
    int b = cfsetispeed(&t, sp[i]);
    printf("speed %#o: set %d %d, get o %#o i %#o, cflag & ~CBAUD & ~CIBAUD %#o\n", sp[i], a, b, cfgetospeed(&t),
           cfgetispeed(&t), t.c_cflag & ~CBAUD & ~CIBAUD);
  }
  memset(&t, 0, sizeof t);
  int bad = cfsetospeed(&t, 12345);
  int good = cfsetspeed(&t, B2400);
  printf("cfsetospeed(12345) %d, cfsetspeed(B2400) %d -> o %#o i %#o\n", bad, good, cfgetospeed(&t), cfgetispeed(&t));
  return 0;
}
