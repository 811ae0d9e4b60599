// Guest program of native_client.test.mjs (not a test by itself): a wasm
// TCP + UDP echo server for native clients.  Dual-stack the only way this
// host allows: four sockets (TCP and UDP on 127.0.0.1 and ::1) at one port,
// all served by one poll() loop with non-blocking sockets and per-connection
// buffers (partial writes stop reading until the echo is out).  Prints the
// port on its first line; a UDP datagram "QUIT" makes it close everything and
// print what it served (so --check-leaks sees a clean exit).
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

#define MAXC 256
#define BUF 65536

struct conn { int fd; size_t have, sent; unsigned char *buf; };
static struct conn cs[MAXC];
static struct pollfd pf[4 + MAXC];

static int open_pair(int port, int type, int fds[2]) {
  // fds[0]: 127.0.0.1, fds[1]: ::1, both at `port` (0: the first picks)
  struct sockaddr_in a4 = check_lo4(port);
  fds[0] = socket(AF_INET, type | SOCK_NONBLOCK, 0);
  fds[1] = socket(AF_INET6, type | SOCK_NONBLOCK, 0);
  if (fds[0] < 0 || fds[1] < 0) return -1;
  if (bind(fds[0], (struct sockaddr *)&a4, sizeof a4) < 0) return -1;
  if ((port = check_port(fds[0])) < 0) return -1;
  struct sockaddr_in6 a6 = check_lo6(port);
  if (bind(fds[1], (struct sockaddr *)&a6, sizeof a6) < 0) return -1;
  if (type == SOCK_STREAM && (listen(fds[0], SOMAXCONN) < 0 || listen(fds[1], SOMAXCONN) < 0)) return -1;
  return port;
}

int main(void) {
  int t[2] = {-1, -1}, u[2] = {-1, -1}, port = -1;
  // the ephemeral port picked for TCP may be taken for UDP (or on ::1) by
  // someone else: try again with a fresh one
  for (int tries = 0; tries < 20 && port < 0; tries++) {
    port = open_pair(0, SOCK_STREAM, t);
    if (port > 0 && open_pair(port, SOCK_DGRAM, u) != port) port = -1;
    if (port < 0) for (int i = 0; i < 2; i++) { close(t[i]); close(u[i]); }
  }
  if (port < 0) { perror("wasm_server: bind"); return 1; }
  printf("%d\n", port);
  fflush(stdout);
  static unsigned char dgram[65536];
  int open_now = 0, max_open = 0, accepted = 0, datagrams = 0;
  unsigned long long echoed = 0;
  for (int quit = 0; !quit;) {
    int n = 0;
    pf[n++] = (struct pollfd){t[0], POLLIN, 0};
    pf[n++] = (struct pollfd){t[1], POLLIN, 0};
    pf[n++] = (struct pollfd){u[0], POLLIN, 0};
    pf[n++] = (struct pollfd){u[1], POLLIN, 0};
    for (int i = 0; i < MAXC; i++)
      pf[n++] = (struct pollfd){cs[i].buf ? cs[i].fd : -1, cs[i].sent < cs[i].have ? POLLOUT : POLLIN, 0};
    if (poll(pf, n, -1) < 0) { perror("poll"); return 1; }
    for (int k = 0; k < 2; k++) {
      if (!(pf[k].revents & POLLIN)) continue;
      for (;;) {
        int fd = accept4(t[k], NULL, NULL, SOCK_NONBLOCK);
        if (fd < 0) break;
        int i = 0;
        while (i < MAXC && cs[i].buf) i++;
        if (i == MAXC || !(cs[i].buf = malloc(BUF))) { close(fd); continue; }
        cs[i].fd = fd;
        cs[i].have = cs[i].sent = 0;
        accepted++;
        if (++open_now > max_open) max_open = open_now;
      }
    }
    for (int k = 0; k < 2; k++) {
      if (!(pf[2 + k].revents & POLLIN)) continue;
      for (;;) {
        struct sockaddr_storage from;
        socklen_t fl = sizeof from;
        ssize_t r = recvfrom(u[k], dgram, sizeof dgram, 0, (struct sockaddr *)&from, &fl);
        if (r < 0) break;
        if (r == 4 && !memcmp(dgram, "QUIT", 4)) { quit = 1; break; }
        datagrams++;
        sendto(u[k], dgram, r, 0, (struct sockaddr *)&from, fl);
      }
    }
    for (int i = 0; i < MAXC; i++) {
      struct conn *c = &cs[i];
      short re = pf[4 + i].revents;
      if (!c->buf || !re) continue;
      if (c->sent < c->have) {
        ssize_t w = send(c->fd, c->buf + c->sent, c->have - c->sent, 0);
        if (w > 0) { c->sent += w; echoed += w; continue; }
        if (w < 0 && errno == EAGAIN) continue;
      } else {
        ssize_t r = recv(c->fd, c->buf, BUF, 0);
        if (r > 0) { c->have = r; c->sent = 0; continue; }
        if (r < 0 && errno == EAGAIN) continue;
      }
      // EOF or error: done with this one
      close(c->fd);
      free(c->buf);
      c->buf = NULL;
      open_now--;
    }
  }
  for (int i = 0; i < MAXC; i++)
    if (cs[i].buf) { close(cs[i].fd); free(cs[i].buf); }
  for (int i = 0; i < 2; i++) { close(t[i]); close(u[i]); }
  printf("served %d connections, at most %d at once, echoed %llu bytes, %d datagrams\n",
         accepted, max_open, echoed, datagrams);
  return 0;
}
