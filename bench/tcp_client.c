/* tcp_client.c: the measured TCP client (same source natively and as a component).
 *
 *   tcp_client rt PORT N         N round trips of 64 bytes: send, then recv until all
 *                                64 have come back (against an echo server)
 *   tcp_client recv PORT BYTES   read until EOF with 64 KiB recv() calls (against a
 *                                source that sends BYTES and closes)
 *   tcp_client send PORT BYTES   write BYTES with 64 KiB send() calls, then shut down
 *                                the write side and wait for the peer's close (so the
 *                                time covers delivery, not just buffering)
 * The server is on 127.0.0.1.  Prints `<mode> ops=N elapsed_ns=T`; recv also prints
 * the byte count so a short transfer cannot pass unnoticed. */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "bench_net.h"
#include "bench_util.h"

#define RT_SIZE 64
#define XFER_BUF 65536

static char xbuf[XFER_BUF];

static void send_all(int s, const char *p, size_t len) {
  while (len > 0) {
    ssize_t w = send(s, p, len, 0);
    if (w <= 0) { perror("send"); exit(1); }
    p += w;
    len -= (size_t)w;
  }
}

int main(int argc, char **argv) {
  const char *usage = "usage: tcp_client rt|recv|send PORT COUNT";
  if (argc != 4) { fprintf(stderr, "%s\n", usage); return 2; }
  int port = (int)bench_count(argv[2], usage);
  long long count = bench_count(argv[3], usage);
  int s = bench_connect(port);

  if (strcmp(argv[1], "rt") == 0) {
    char out[RT_SIZE], in[RT_SIZE];
    memset(out, 'x', sizeof out);
    uint64_t t0 = bench_now_ns();
    for (long long i = 0; i < count; i++) {
      send_all(s, out, sizeof out);
      size_t got = 0;
      while (got < sizeof in) {
        ssize_t r = recv(s, in + got, sizeof in - got, 0);
        if (r <= 0) { fprintf(stderr, "recv: connection lost after %lld round trips\n", i); return 1; }
        got += (size_t)r;
      }
    }
    bench_report("rt", count, t0);
  } else if (strcmp(argv[1], "recv") == 0) {
    long long total = 0;
    uint64_t t0 = bench_now_ns();
    for (;;) {
      ssize_t r = recv(s, xbuf, sizeof xbuf, 0);
      if (r < 0) { perror("recv"); return 1; }
      if (r == 0) break;
      total += r;
    }
    bench_report("recv", total, t0);
    if (total != count) { fprintf(stderr, "recv: got %lld bytes, expected %lld\n", total, count); return 1; }
  } else if (strcmp(argv[1], "send") == 0) {
    memset(xbuf, 'y', sizeof xbuf);
    uint64_t t0 = bench_now_ns();
    for (long long left = count; left > 0;) {
      size_t n = left < XFER_BUF ? (size_t)left : XFER_BUF;
      send_all(s, xbuf, n);
      left -= (long long)n;
    }
    shutdown(s, SHUT_WR);
    while (recv(s, xbuf, sizeof xbuf, 0) > 0) {}  /* the sink closes once it has it all */
    bench_report("send", count, t0);
  } else {
    fprintf(stderr, "%s\n", usage);
    return 2;
  }
  close(s);
  return 0;
}
