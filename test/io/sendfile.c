// sendfile (src/io/sendfile.c, <sys/sendfile.h>) and O_NDELAY (<fcntl.h>):
// Linux servers (mini_httpd, darkhttpd on Linux) use both.  Checks the
// offset contract: with an offset pointer the input's own offset stays put
// and *offset advances; without one the input offset advances; the count is
// capped by end of file; errors come from the fds.
//! dir: /data
//! stdout-contains: HELLO-sendfile
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/sendfile.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  CHECK(O_NDELAY == O_NONBLOCK);
  int in = open("/data/in", O_CREAT | O_RDWR | O_TRUNC, 0644);
  CHECK(in >= 0);
  static char big[200000];
  for (size_t i = 0; i < sizeof big; i++) big[i] = (char)(i * 7 + 1);
  CHECK(write(in, big, sizeof big) == (ssize_t)sizeof big);

  // with an offset: bytes [1000, 151000) go out, in's offset stays at EOF
  int out = open("/data/out", O_CREAT | O_RDWR | O_TRUNC, 0644);
  off_t off = 1000;
  CHECK(sendfile(out, in, &off, 150000) == 150000);
  CHECK(off == 151000);
  CHECK(lseek(in, 0, SEEK_CUR) == (off_t)sizeof big);
  static char back[200000];
  CHECK(pread(out, back, sizeof back, 0) == 150000);
  CHECK(memcmp(back, big + 1000, 150000) == 0);

  // without: reads from in's offset and moves it; stops at end of file
  CHECK(lseek(in, 190000, SEEK_SET) == 190000);
  CHECK(sendfile(out, in, NULL, 50000) == 10000);
  CHECK(lseek(in, 0, SEEK_CUR) == (off_t)sizeof big);
  CHECK(sendfile(out, in, NULL, 10) == 0);
  CHECK(pread(out, back, sizeof back, 150000) == 10000);
  CHECK(memcmp(back, big + 190000, 10000) == 0);

  // to stdout
  int t = open("/data/t", O_CREAT | O_RDWR | O_TRUNC, 0644);
  CHECK(write(t, "xxHELLO-sendfile\n", 17) == 17);
  off = 2;
  CHECK(sendfile(1, t, &off, 100) == 15);

  // errors: bad fds, input not readable, negative offset
  errno = 0;
  CHECK(sendfile(out, 99, NULL, 10) == -1 && errno == EBADF);
  errno = 0;
  off = 0;
  CHECK(sendfile(99, in, &off, 10) == -1 && errno == EBADF && off == 0);
  int wo = open("/data/in", O_WRONLY);
  errno = 0;
  CHECK(sendfile(out, wo, NULL, 10) == -1 && errno == EBADF);
  off = -1;
  errno = 0;
  CHECK(sendfile(out, in, &off, 10) == -1 && errno == EINVAL);
  close(wo);
  close(t);
  close(in);
  close(out);
  return CHECK_DONE();
}
