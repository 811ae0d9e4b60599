/* accept_bench.c: accept N connections (each closed at once) on 127.0.0.1.
 *
 *   accept_bench N
 *
 * Prints its port first; a native helper (`tcp_peer connect PORT N`) then connects N
 * times.  The driver divides the host calls of two runs with different N by the
 * difference, which leaves the cost of one blocking accept() plus close() of the
 * accepted socket. */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "bench_net.h"
#include "bench_util.h"

int main(int argc, char **argv) {
  const char *usage = "usage: accept_bench N";
  if (argc != 2) { fprintf(stderr, "%s\n", usage); return 2; }
  long long n = bench_count(argv[1], usage);
  int ls = bench_listen(0);
  uint64_t t0 = bench_now_ns();
  for (long long i = 0; i < n; i++) {
    int c = accept(ls, NULL, NULL);
    if (c < 0) { perror("accept"); return 1; }
    close(c);
  }
  bench_report("accept", n, t0);
  close(ls);
  return 0;
}
