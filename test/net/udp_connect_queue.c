// connect() on a bound UDP socket keeps the datagrams already queued (as
// Linux does), from any sender, ahead of what the new peer sends; after it,
// only the peer's datagrams arrive.  (netcat's UDP server relies on this.)
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

static int udp_on(struct sockaddr_in *a) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  *a = check_lo4(0);
  socklen_t l = sizeof *a;
  if (s < 0 || bind(s, (struct sockaddr *)a, sizeof *a) < 0 || getsockname(s, (struct sockaddr *)a, &l) < 0) return -1;
  return s;
}

static int recv_str(int s, char *buf, int flags) {
  struct pollfd p = { s, POLLIN, 0 };
  if (!(flags & MSG_DONTWAIT) && poll(&p, 1, 2000) != 1) return -1;
  ssize_t n = recv(s, buf, 63, flags);
  if (n < 0) return -1;
  buf[n] = 0;
  return (int)n;
}

int main(void) {
  struct sockaddr_in aa, ba, ca;
  int a = udp_on(&aa), b = udp_on(&ba), c = udp_on(&ca);
  REQUIRE(a >= 0 && b >= 0 && c >= 0);
  char buf[64];
  REQUIRE(sendto(b, "one", 3, 0, (struct sockaddr *)&aa, sizeof aa) == 3);
  REQUIRE(sendto(c, "two", 3, 0, (struct sockaddr *)&aa, sizeof aa) == 3);
  usleep(100000); // let both arrive before the connect
  REQUIRE(connect(a, (struct sockaddr *)&ba, sizeof ba) == 0);
  REQUIRE(recv_str(a, buf, 0) == 3 && strcmp(buf, "one") == 0);
  REQUIRE(recv_str(a, buf, 0) == 3 && strcmp(buf, "two") == 0);
  REQUIRE(sendto(c, "four", 4, 0, (struct sockaddr *)&aa, sizeof aa) == 4);
  REQUIRE(sendto(b, "three", 5, 0, (struct sockaddr *)&aa, sizeof aa) == 5);
  REQUIRE(recv_str(a, buf, 0) == 5 && strcmp(buf, "three") == 0);
  usleep(100000);
  REQUIRE(recv_str(a, buf, MSG_DONTWAIT) == -1 && errno == EAGAIN);
  close(a); close(b); close(c);
  printf("ok: queued datagrams survive connect, then only the peer's arrive\n");
  return CHECK_DONE();
}
