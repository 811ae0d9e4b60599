/* stat_loop.c: stat() the same path N times.
 *
 *   stat_loop PATH N */
#include <stdio.h>
#include <sys/stat.h>
#include "bench_util.h"

int main(int argc, char **argv) {
  const char *usage = "usage: stat_loop PATH N";
  if (argc != 3) { fprintf(stderr, "%s\n", usage); return 2; }
  long long n = bench_count(argv[2], usage);
  struct stat st;
  long long size = 0;
  uint64_t t0 = bench_now_ns();
  for (long long i = 0; i < n; i++) {
    if (stat(argv[1], &st) < 0) { perror(argv[1]); return 1; }
    size += st.st_size;
  }
  bench_report("stat", n, t0);
  printf("size_sum=%lld\n", size);
  return 0;
}
