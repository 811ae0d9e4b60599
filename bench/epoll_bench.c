/* epoll_bench.c: epoll_wait over NSOCK idle connected sockets.
 *
 *   epoll_bench PORT NSOCK NWAIT
 *
 * Opens NSOCK connections to the echo server on 127.0.0.1:PORT, registers them all
 * with EPOLLIN and calls epoll_wait(timeout 0) NWAIT times: nothing is ever ready.
 * The idle check of an event loop, whose host cost is what matters between events. */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include "bench_util.h"
#include "bench_net.h"

int main(int argc, char **argv) {
  const char *usage = "usage: epoll_bench PORT NSOCK NWAIT";
  if (argc != 4) { fprintf(stderr, "%s\n", usage); return 2; }
  int port = (int)bench_count(argv[1], usage);
  int nsock = (int)bench_count(argv[2], usage);
  long long nwait = bench_count(argv[3], usage);
  if (nsock < 1) { fprintf(stderr, "%s\n", usage); return 2; }
  int ep = epoll_create1(0);
  if (ep < 0) { perror("epoll_create1"); return 1; }
  int *fds = calloc((size_t)nsock, sizeof *fds);
  for (int i = 0; i < nsock; i++) {
    int s = bench_connect(port);
    struct epoll_event e;
    memset(&e, 0, sizeof e);
    e.events = EPOLLIN;
    e.data.fd = s;
    if (epoll_ctl(ep, EPOLL_CTL_ADD, s, &e) < 0) { perror("epoll_ctl"); return 1; }
    fds[i] = s;
  }
  struct epoll_event ev[8];
  uint64_t t0 = bench_now_ns();
  for (long long i = 0; i < nwait; i++) {
    int r = epoll_wait(ep, ev, 8, 0);
    if (r != 0) { fprintf(stderr, "epoll_wait returned %d (expected nothing ready)\n", r); return 1; }
  }
  bench_report("epoll_wait", nwait, t0);
  for (int i = 0; i < nsock; i++) close(fds[i]);
  close(ep);
  free(fds);
  return 0;
}
