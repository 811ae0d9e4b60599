// POLLPRI, POLLRDBAND and POLLWRBAND exist, are distinct bits apart from the
// others, and are never reported: WASI has no out-of-band or band data.
// Asked for alone they wait like Linux on a socket without urgent data
// (until the timeout); asked with POLLIN/POLLOUT only those come back.
// ppoll is declared without _GNU_SOURCE (POSIX.1-2024).
//! cflags: -std=c99 -Werror=implicit-function-declaration
//! dir: /data
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static long long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int main(void) {
  const int bits[] = { POLLIN, POLLPRI, POLLOUT, POLLERR, POLLHUP, POLLNVAL, POLLRDNORM, POLLRDBAND, POLLWRNORM, POLLWRBAND };
  const int extra[] = { POLLPRI, POLLRDBAND, POLLWRBAND };
  // the new bits overlap nothing (POLLIN == POLLRDNORM and POLLOUT == POLLWRNORM here, as upstream)
  for (int i = 0; i < 3; i++) {
    REQUIRE(extra[i] != 0 && (extra[i] & (extra[i] - 1)) == 0);
    for (unsigned j = 0; j < sizeof bits / sizeof bits[0]; j++)
      if (bits[j] != extra[i]) REQUIRE((bits[j] & extra[i]) == 0);
    // and fit the `short` events field
    REQUIRE((short)extra[i] == extra[i]);
  }
  REQUIRE(POLLPRI == 0x200); // upstream wasi-libc's wasm32-wasip2 value
  printf("POLLPRI %#x POLLRDBAND %#x POLLWRBAND %#x\n", POLLPRI, POLLRDBAND, POLLWRBAND);

  int p[2];
  REQUIRE(pipe(p) == 0);
  REQUIRE(write(p[1], "x", 1) == 1);
  int all = POLLIN | POLLPRI | POLLRDBAND | POLLOUT | POLLWRBAND;
  struct pollfd pf[2] = { { p[0], (short)all, 0 }, { p[1], (short)all, 0 } };
  REQUIRE(poll(pf, 2, 0) == 2);
  printf("pipe read end %#x, write end %#x\n", pf[0].revents, pf[1].revents);
  REQUIRE(pf[0].revents == POLLIN && pf[1].revents == POLLOUT);

  // only the band bits on a readable pipe: nothing to report, the timeout runs out
  pf[0].events = POLLPRI | POLLRDBAND;
  pf[1].events = POLLWRBAND;
  long long t0 = now_ms();
  REQUIRE(poll(pf, 2, 100) == 0 && pf[0].revents == 0 && pf[1].revents == 0);
  long long waited = now_ms() - t0;
  printf("POLLPRI alone waited %lld ms\n", waited);
  REQUIRE(waited >= 90);

  // a regular file is always readable and writable, never "priority"
  int f = open("/data/f", O_RDWR | O_CREAT, 0644);
  REQUIRE(f >= 0);
  struct pollfd ff = { f, (short)all, 0 };
  REQUIRE(poll(&ff, 1, 0) == 1 && ff.revents == (POLLIN | POLLOUT));

  // ppoll, declared by <poll.h> without _GNU_SOURCE
  struct timespec ts = { 0, 0 };
  sigset_t none;
  sigemptyset(&none);
  pf[0].events = POLLIN | POLLPRI;
  REQUIRE(ppoll(pf, 1, &ts, &none) == 1 && pf[0].revents == POLLIN);
  // a hang-up is reported whatever was asked, POLLPRI included
  close(p[1]);
  char c;
  REQUIRE(read(p[0], &c, 1) == 1);
  pf[0].events = POLLPRI;
  REQUIRE(poll(pf, 1, 0) == 1 && pf[0].revents == POLLHUP);
  close(p[0]);
  close(f);
  puts("poll bands ok");
  return CHECK_DONE();
}
