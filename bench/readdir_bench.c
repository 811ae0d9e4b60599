/* readdir_bench.c: list DIR with opendir/readdir/closedir, REPS times.
 *
 *   readdir_bench DIR REPS
 * The driver lists directories of two sizes: the difference in host calls divided by
 * the difference in entry counts is the cost of one readdir() entry. */
#include <dirent.h>
#include <stdio.h>
#include "bench_util.h"

int main(int argc, char **argv) {
  const char *usage = "usage: readdir_bench DIR REPS";
  if (argc != 3) { fprintf(stderr, "%s\n", usage); return 2; }
  long long reps = bench_count(argv[2], usage);
  long long entries = 0;
  uint64_t t0 = bench_now_ns();
  for (long long r = 0; r < reps; r++) {
    DIR *d = opendir(argv[1]);
    if (!d) { perror(argv[1]); return 1; }
    while (readdir(d)) entries++;
    closedir(d);
  }
  bench_report("readdir", entries, t0);
  return 0;
}
