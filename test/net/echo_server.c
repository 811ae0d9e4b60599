// Native (gcc) helper: a TCP and UDP echo server on 127.0.0.1 (and ::1 for
// TCP) at the same port.  Prints the port on the first stdout line.  Special
// first bytes on a TCP connection: "RST" makes it reset the connection,
// "CLOSE" makes it close at once.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  int ls = socket(AF_INET, SOCK_STREAM, 0), one = 1;
  setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = check_lo4(0);
  if (bind(ls, (void *)&a, sizeof a) || listen(ls, 128)) { perror("bind"); return 1; }
  int port = check_port(ls);
  a = check_lo4(port);
  int us = socket(AF_INET, SOCK_DGRAM, 0);
  if (bind(us, (void *)&a, sizeof a)) { perror("udp bind"); return 1; }
  int ls6 = socket(AF_INET6, SOCK_STREAM, 0);
  struct sockaddr_in6 a6 = check_lo6(port);
  setsockopt(ls6, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
  if (bind(ls6, (void *)&a6, sizeof a6) || listen(ls6, 128)) { close(ls6); ls6 = -1; }
  printf("%d\n", port);
  fflush(stdout);
  struct pollfd p[1024];
  int n = 3;
  p[0] = (struct pollfd){ls, POLLIN, 0};
  p[1] = (struct pollfd){us, POLLIN, 0};
  p[2] = (struct pollfd){ls6, POLLIN, 0};
  static char buf[65536];
  for (;;) {
    if (poll(p, n, -1) < 0) continue;
    for (int i = 0; i < n; i++) {
      if (!p[i].revents) continue;
      if (i == 0 || i == 2) {
        int c = accept(p[i].fd, NULL, NULL);
        if (c >= 0 && n < 1024) { setsockopt(c, IPPROTO_TCP, 1, &one, sizeof one); p[n++] = (struct pollfd){c, POLLIN, 0}; }
      } else if (i == 1) {
        struct sockaddr_in6 from; socklen_t fl = sizeof from;
        ssize_t r = recvfrom(us, buf, sizeof buf, 0, (void *)&from, &fl);
        if (r >= 0) sendto(us, buf, r, 0, (void *)&from, fl);
      } else {
        ssize_t r = read(p[i].fd, buf, sizeof buf);
        if (r > 0 && r >= 3 && !memcmp(buf, "RST", 3)) {
          struct linger l = {1, 0};
          setsockopt(p[i].fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
          r = 0;
        } else if (r >= 5 && !memcmp(buf, "CLOSE", 5)) {
          r = 0;
        }
        if (r <= 0) { close(p[i].fd); p[i] = p[--n]; i--; continue; }
        for (ssize_t off = 0; off < r;) {
          ssize_t w = write(p[i].fd, buf + off, r - off);
          if (w <= 0) break;
          off += w;
        }
      }
    }
  }
}
