/* tcp_echo_server.c: a poll()-driven TCP echo server on 127.0.0.1.
 *
 *   tcp_echo_server [PORT [CONNS]]
 *
 * Prints the port it listens on (PORT 0 = any free port) as its first line, then
 * echoes every byte back.  With CONNS > 0 it exits once CONNS connections have been
 * closed by their peers, printing the peak number of simultaneous connections and its
 * peak memory: the memory row of the benchmark (100 concurrent clients).
 * One process, no threads, so the same source works natively and as a component. */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "bench_util.h"
#include "bench_net.h"

#define MAX_CONNS 1024
#define BUF_SIZE 16384

static struct pollfd fds[MAX_CONNS + 1];
static char buf[BUF_SIZE];

int main(int argc, char **argv) {
  const char *usage = "usage: tcp_echo_server [PORT [CONNS]]";
  int port = argc > 1 ? (int)bench_count(argv[1], usage) : 0;
  long long stop_after = argc > 2 ? bench_count(argv[2], usage) : 0;

  int ls = bench_listen(port);

  int n = 1, peak = 0;
  long long closed = 0;
  fds[0].fd = ls;
  fds[0].events = POLLIN;
  while (stop_after == 0 || closed < stop_after) {
    if (poll(fds, n, -1) < 0) {
      if (errno == EINTR) continue;
      perror("poll");
      return 1;
    }
    /* clients first, listener last: a new connection's slot is then not visited
     * in the same round with a stale revents */
    for (int i = 1; i < n; i++) {
      if (!fds[i].revents) continue;
      ssize_t r = recv(fds[i].fd, buf, sizeof buf, 0);
      int done = r <= 0;
      for (ssize_t off = 0; r > 0 && off < r;) {
        ssize_t w = send(fds[i].fd, buf + off, (size_t)(r - off), 0);
        if (w < 0) { done = 1; break; }
        off += w;
      }
      if (done) {
        close(fds[i].fd);
        fds[i] = fds[--n];  /* swap in the last slot; revisit index i */
        i--;
        closed++;
      }
    }
    if (fds[0].revents & POLLIN) {
      int c = accept(ls, NULL, NULL);
      if (c >= 0) {
        if (n > MAX_CONNS) {
          close(c);
        } else {
          fds[n].fd = c;
          fds[n].events = POLLIN;
          fds[n].revents = 0;
          n++;
          if (n - 1 > peak) peak = n - 1;
        }
      }
    }
  }
  close(ls);
  printf("connections=%lld peak_concurrent=%d\n", closed, peak);
  bench_report_memory();
  return 0;
}
