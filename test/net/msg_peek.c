// MSG_PEEK on TCP: recv returns whatever is there up to len, whether or not
// part of it was peeked before (issue 32: after a peek of len-3 bytes, a
// peek or a read of len gave len-3 although len were waiting).  Each step
// waits until the sender's bytes are readable (poll, then a pause: a small
// loopback send arrives whole).
// oracle: linux (test/tools/linux_oracle.test.mjs builds this with gcc too
// and compares the output)
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

static int a, b; // connected pair: a sends, b receives

static void put(const char *s) { REQUIRE(send(a, s, strlen(s), 0) == (ssize_t)strlen(s)); }

// wait until the bytes just sent are readable: poll, then a pause for the
// rest of a loopback send (one segment: it arrives whole).  Not a peek,
// which would fill libc's peek buffer and hide what is tested.
static void ready(void) {
  struct pollfd p = {b, POLLIN, 0};
  REQUIRE(poll(&p, 1, 5000) == 1);
  usleep(100000);
}

int main(void) {
  int port, l = check_listen(AF_INET, &port);
  REQUIRE(l >= 0);
  a = check_connect(AF_INET, port);
  REQUIRE(a >= 0);
  b = accept(l, NULL, NULL);
  REQUIRE(b >= 0);
  char buf[64];

  // a short peek, then more data arrives behind it: a longer peek sees all
  put("0123456");
  ready();
  OK(recv(b, buf, 4, MSG_PEEK) == 4 && !memcmp(buf, "0123", 4), "peek 4 of 7");
  put("789");
  ready();
  memset(buf, 0, sizeof buf);
  OK(recv(b, buf, 10, MSG_PEEK) == 10 && !memcmp(buf, "0123456789", 10), "then peek 10: all 10");
  // recvmsg, an iovec of two buffers
  char x[6], y[4];
  struct iovec v[2] = {{x, sizeof x}, {y, sizeof y}};
  struct msghdr m;
  memset(&m, 0, sizeof m);
  m.msg_iov = v;
  m.msg_iovlen = 2;
  OK(recvmsg(b, &m, MSG_PEEK) == 10 && !memcmp(x, "012345", 6) && !memcmp(y, "6789", 4), "recvmsg(10, MSG_PEEK): all 10");
  OK(recv(b, buf, 10, 0) == 10 && !memcmp(buf, "0123456789", 10), "recv 10 takes all 10");

  // the case: a peek of len-3, the rest arrives, recvmsg(len, MSG_PEEK)
  put("abcdefg");
  ready();
  OK(recv(b, buf, 7, MSG_PEEK) == 7, "peek 7 (len-3)");
  put("hij");
  ready();
  memset(&m, 0, sizeof m);
  struct iovec one = {buf, 10};
  m.msg_iov = &one;
  m.msg_iovlen = 1;
  OK(recvmsg(b, &m, MSG_PEEK) == 10 && !memcmp(buf, "abcdefghij", 10), "recvmsg(len, MSG_PEEK) after it: len");

  // a plain recv after a partial peek takes the peeked bytes and what follows
  OK(recv(b, buf, 2, MSG_PEEK) == 2, "peek 2");
  OK(recv(b, buf, 64, 0) == 10 && !memcmp(buf, "abcdefghij", 10), "recv 64 after it: all 10");

  // a peek of more than is there returns what is there without waiting
  put("kl");
  ready();
  OK(recv(b, buf, 1, MSG_PEEK) == 1, "peek 1 of 2");
  OK(recv(b, buf, 64, MSG_PEEK) == 2, "peek 64 of 2: 2, no wait");
  OK(recv(b, buf, 64, MSG_DONTWAIT) == 2 && !memcmp(buf, "kl", 2), "recv takes the 2");
  errno = 0;
  OK(recv(b, buf, 64, MSG_DONTWAIT) == -1 && (errno == EAGAIN || errno == EWOULDBLOCK), "then nothing: EAGAIN");

  // MSG_WAITALL after a peek waits for the rest
  put("mnop");
  ready();
  OK(recv(b, buf, 3, MSG_PEEK) == 3, "peek 3 of 4");
  put("qr");
  OK(recv(b, buf, 6, MSG_WAITALL) == 6 && !memcmp(buf, "mnopqr", 6), "recv 6 MSG_WAITALL: the peeked 3 and 3 more");
  close(a);
  close(b);
  close(l);
  return CHECK_DONE();
}
