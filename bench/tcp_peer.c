/* tcp_peer.c: native-only helper peers for the TCP benchmarks (always built with gcc;
 * it is the fixed side of each measurement, never the measured one).
 *
 *   tcp_peer source BYTES      listen; for each connection send BYTES, then close
 *   tcp_peer sink              listen; for each connection read to EOF, then close
 *   tcp_peer connect PORT N    connect to 127.0.0.1:PORT and close, N times (drives
 *                              the accept benchmark)
 *   tcp_peer conc PORT N       open N connections at once, send 64 bytes on each, read
 *                              each echo, then close them all (the memory row)
 * Listening modes print their port as the first line and serve forever (the driver
 * kills them). */
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "bench_net.h"

static char buf[65536];

int main(int argc, char **argv) {
  signal(SIGPIPE, SIG_IGN);  /* a client that stops early must not kill the peer */
  if (argc == 3 && strcmp(argv[1], "source") == 0) {
    long long bytes = atoll(argv[2]);
    memset(buf, 'z', sizeof buf);
    int ls = bench_listen(0);
    for (;;) {
      int c = accept(ls, NULL, NULL);
      if (c < 0) continue;
      for (long long left = bytes; left > 0;) {
        ssize_t w = send(c, buf, left < (long long)sizeof buf ? (size_t)left : sizeof buf, 0);
        if (w <= 0) break;
        left -= w;
      }
      close(c);
    }
  } else if (argc == 2 && strcmp(argv[1], "sink") == 0) {
    int ls = bench_listen(0);
    for (;;) {
      int c = accept(ls, NULL, NULL);
      if (c < 0) continue;
      while (recv(c, buf, sizeof buf, 0) > 0) {}
      close(c);
    }
  } else if (argc == 4 && strcmp(argv[1], "connect") == 0) {
    int port = atoi(argv[2]);
    for (long n = atol(argv[3]); n > 0; n--) close(bench_connect(port));
  } else if (argc == 4 && strcmp(argv[1], "conc") == 0) {
    int port = atoi(argv[2]);
    long n = atol(argv[3]);
    int *s = calloc((size_t)n, sizeof *s);
    char msg[64];
    memset(msg, 'c', sizeof msg);
    for (long i = 0; i < n; i++) s[i] = bench_connect(port);
    for (long i = 0; i < n; i++)
      if (send(s[i], msg, sizeof msg, 0) != (ssize_t)sizeof msg) { perror("send"); return 1; }
    for (long i = 0; i < n; i++) {
      size_t got = 0;
      while (got < sizeof msg) {
        ssize_t r = recv(s[i], buf, sizeof msg - got, 0);
        if (r <= 0) { fprintf(stderr, "conc: echo %ld lost\n", i); return 1; }
        got += (size_t)r;
      }
    }
    for (long i = 0; i < n; i++) close(s[i]);
  } else {
    fprintf(stderr, "usage: tcp_peer source BYTES | sink | connect PORT N | conc PORT N\n");
    return 2;
  }
  return 0;
}
