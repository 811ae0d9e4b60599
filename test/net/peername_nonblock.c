// A socketpair() emulation over loopback: listen, non-blocking connect,
// accept, then getpeername/getsockname on the connecting side with no other
// call in between (no poll, no SO_ERROR, no send).  The peer has accepted,
// so both must answer as on Linux, and the connection must then carry data
// both ways.  Also: getpeername on a connect that was refused is ENOTCONN
// and leaves the error for SO_ERROR.
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static int pair(int sv[2], int use_sockname) {
  struct sockaddr_in a = check_lo4(0);
  socklen_t al = sizeof a;
  int l = socket(AF_INET, SOCK_STREAM, 0);
  if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof a) < 0 || listen(l, 1) < 0 ||
      getsockname(l, (struct sockaddr *)&a, &al) < 0) return -1;
  int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int r = connect(c, (struct sockaddr *)&a, sizeof a);
  OK(r == -1 && errno == EINPROGRESS, "non-blocking connect: %d %s", r, strerror(errno));
  int s = accept(l, NULL, NULL);
  close(l);
  OK(s >= 0, "accept");
  struct sockaddr_in peer, me, other;
  socklen_t pl = sizeof peer, ml = sizeof me, ol = sizeof other;
  memset(&peer, 0, sizeof peer);
  if (use_sockname) {
    // getsockname first: it must finish the connect just the same
    OK(getsockname(c, (struct sockaddr *)&me, &ml) == 0 && me.sin_port != 0, "getsockname before getpeername: %s", strerror(errno));
  }
  r = getpeername(c, (struct sockaddr *)&peer, &pl);
  OK(r == 0 && pl == sizeof peer && peer.sin_port == a.sin_port && peer.sin_addr.s_addr == a.sin_addr.s_addr,
        "getpeername right after accept: %d %s", r, strerror(errno));
  OK(getsockname(c, (struct sockaddr *)&me, &ml) == 0 && getpeername(s, (struct sockaddr *)&other, &ol) == 0 &&
        me.sin_port == other.sin_port, "the two ends name each other");
  sv[0] = c;
  sv[1] = s;
  return 0;
}

int main(void) {
  int sv[2];
  for (int round = 0; round < 2; round++) {
    if (pair(sv, round) < 0) { perror("pair"); return 1; }
    char b[8] = {0};
    OK(write(sv[0], "ping", 4) == 4, "write on the connected end");
    OK(read(sv[1], b, sizeof b) == 4 && memcmp(b, "ping", 4) == 0, "the peer reads it");
    OK(write(sv[1], "pong", 4) == 4, "and answers");
    // the emulated pair's first end is non-blocking: wait for the bytes
    int got = 0;
    for (int i = 0; i < 2000 && got <= 0; i++) {
      got = read(sv[0], b, sizeof b);
      if (got < 0 && errno == EAGAIN) { struct timespec ts = {0, 1000000}; nanosleep(&ts, NULL); }
    }
    OK(got == 4 && memcmp(b, "pong", 4) == 0, "the first end reads the answer");
    close(sv[0]);
    close(sv[1]);
  }

  // refused: no listener at that port
  struct sockaddr_in a = check_lo4(0);
  socklen_t al = sizeof a;
  int t = socket(AF_INET, SOCK_STREAM, 0);
  bind(t, (struct sockaddr *)&a, sizeof a);
  getsockname(t, (struct sockaddr *)&a, &al);
  close(t); // a port nobody listens on now
  int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  connect(c, (struct sockaddr *)&a, sizeof a);
  struct sockaddr_in peer;
  socklen_t pl = sizeof peer;
  int r = -1;
  for (int i = 0; i < 2000; i++) {
    errno = 0;
    r = getpeername(c, (struct sockaddr *)&peer, &pl);
    int err = 0;
    socklen_t el = sizeof err;
    if (r == -1 && errno == ENOTCONN) {
      // still pending, or refused: SO_ERROR tells which (and consumes it)
      getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &el);
      if (err) { OK(err == ECONNREFUSED, "refused connect: SO_ERROR %s", strerror(err)); break; }
    }
    struct timespec ts = {0, 1000000};
    nanosleep(&ts, NULL);
  }
  OK(r == -1 && errno == ENOTCONN, "getpeername on a refused connect: ENOTCONN");
  close(c);
  return CHECK_DONE();
}
