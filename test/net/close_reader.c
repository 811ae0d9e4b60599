// Native (gcc) helper for close_nonblock.c: accepts one connection, waits
// 500 ms before reading (so the sender's buffers fill and its close()
// happens with bytes still queued), reads it to EOF, then accepts a second
// connection and writes the byte count there as text.  Prints the port on
// the first stdout line.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  int port;
  int ls = check_listen(AF_INET, &port);
  if (ls < 0) { perror("listen"); return 1; }
  printf("%d\n", port);
  fflush(stdout);
  int c = accept(ls, NULL, NULL);
  usleep(500000);
  static char buf[65536];
  long long total = 0;
  for (;;) {
    ssize_t r = read(c, buf, sizeof buf);
    if (r <= 0) break;
    total += r;
  }
  close(c);
  c = accept(ls, NULL, NULL);
  int n = snprintf(buf, sizeof buf, "%lld\n", total);
  (void)!write(c, buf, n);
  close(c);
  return 0;
}
