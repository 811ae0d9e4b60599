/* poll_bench.c: poll() over NSOCK connected sockets of which exactly one is readable.
 *
 *   poll_bench PORT NSOCK NPOLL
 *
 * Opens NSOCK connections to the echo server on 127.0.0.1:PORT, sends one byte on the
 * last and waits until its echo is readable, then calls poll(all, NSOCK, -1) NPOLL
 * times without reading: every call finds the same single ready socket.  This is the
 * event-loop pattern (a big idle set, few active) whose per-call host cost matters. */
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "bench_util.h"
#include "bench_net.h"

int main(int argc, char **argv) {
  const char *usage = "usage: poll_bench PORT NSOCK NPOLL";
  if (argc != 4) { fprintf(stderr, "%s\n", usage); return 2; }
  int port = (int)bench_count(argv[1], usage);
  int nsock = (int)bench_count(argv[2], usage);
  long long npoll = bench_count(argv[3], usage);
  if (nsock < 1) { fprintf(stderr, "%s\n", usage); return 2; }
  struct pollfd *p = calloc((size_t)nsock, sizeof *p);
  for (int i = 0; i < nsock; i++) {
    int s = bench_connect(port);
    p[i].fd = s;
    p[i].events = POLLIN;
  }
  if (send(p[nsock - 1].fd, "!", 1, 0) != 1) { perror("send"); return 1; }
  /* wait for the echo on the last socket alone, so the timed loop starts with it ready */
  if (poll(&p[nsock - 1], 1, 10000) != 1) { fprintf(stderr, "echo did not arrive\n"); return 1; }

  uint64_t t0 = bench_now_ns();
  for (long long i = 0; i < npoll; i++) {
    int r = poll(p, (nfds_t)nsock, -1);
    if (r != 1 || !(p[nsock - 1].revents & POLLIN)) {
      fprintf(stderr, "poll returned %d (expected exactly the last socket ready)\n", r);
      return 1;
    }
  }
  bench_report("poll", npoll, t0);
  for (int i = 0; i < nsock; i++) close(p[i].fd);
  free(p);
  return 0;
}
