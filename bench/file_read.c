/* file_read.c: read PATH to the end with 64 KiB read() calls.
 *
 *   file_read PATH
 * Prints the byte count as ops, so the driver can check it read the whole file. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "bench_util.h"

static char buf[65536];

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: file_read PATH\n"); return 2; }
  uint64_t t0 = bench_now_ns();
  int fd = open(argv[1], O_RDONLY);
  if (fd < 0) { perror(argv[1]); return 1; }
  long long total = 0;
  unsigned sum = 0;  /* touch the data, as a real reader would */
  for (;;) {
    ssize_t r = read(fd, buf, sizeof buf);
    if (r < 0) { perror("read"); return 1; }
    if (r == 0) break;
    total += r;
    sum += (unsigned char)buf[r - 1];
  }
  close(fd);
  bench_report("read", total, t0);
  printf("checksum=%u\n", sum);
  return 0;
}
