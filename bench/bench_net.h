/* bench_net.h: the loopback socket set-up the TCP benchmark programs share.
 * Portable POSIX, like bench_util.h: each program is built with gcc and for wasm. */
#ifndef BENCH_NET_H
#define BENCH_NET_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static inline struct sockaddr_in bench_loopback(int port) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((unsigned short)port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

/* A listener on 127.0.0.1:port (0: any free port), backlog 128; prints the port on
 * stdout at once (the driver reads it as the first line). Exits on failure. */
static inline int bench_listen(int port) {
  int ls = socket(AF_INET, SOCK_STREAM, 0);
  if (ls < 0) { perror("socket"); exit(1); }
  int one = 1;
  setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = bench_loopback(port);
  if (bind(ls, (struct sockaddr *)&a, sizeof a) < 0) { perror("bind"); exit(1); }
  if (listen(ls, 128) < 0) { perror("listen"); exit(1); }
  socklen_t al = sizeof a;
  if (getsockname(ls, (struct sockaddr *)&a, &al) < 0) { perror("getsockname"); exit(1); }
  printf("%d\n", ntohs(a.sin_port));
  fflush(stdout);  /* the driver waits for this line before starting peers or clients */
  return ls;
}

/* A TCP connection to 127.0.0.1:port. Exits on failure. */
static inline int bench_connect(int port) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = bench_loopback(port);
  if (s < 0 || connect(s, (struct sockaddr *)&a, sizeof a) < 0) { perror("connect"); exit(1); }
  return s;
}

#endif
