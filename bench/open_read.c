/* open_read.c: N times open PATH, read 4 KiB, close: the small-file access pattern
 * (config files, /proc-style reads, build tools).
 *
 *   open_read PATH N */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "bench_util.h"

int main(int argc, char **argv) {
  const char *usage = "usage: open_read PATH N";
  if (argc != 3) { fprintf(stderr, "%s\n", usage); return 2; }
  long long n = bench_count(argv[2], usage);
  char buf[4096];
  uint64_t t0 = bench_now_ns();
  for (long long i = 0; i < n; i++) {
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) { perror(argv[1]); return 1; }
    if (read(fd, buf, sizeof buf) != (ssize_t)sizeof buf) { perror("read"); return 1; }
    close(fd);
  }
  bench_report("open_read", n, t0);
  return 0;
}
