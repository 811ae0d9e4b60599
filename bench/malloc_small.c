/* malloc_small.c: N small blocks (16..80 bytes) allocated and kept alive, each written
 * once, then all freed: a program building a large tree of small nodes (a parser, a
 * client holding a big reply).  The heap grows to about N * 64 bytes.
 *
 *   malloc_small N */
#include <string.h>
#include "bench_util.h"

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: malloc_small N\n"); return 2; }
  long long n = bench_count(argv[1], "usage: malloc_small N");
  char **blocks = malloc((size_t)n * sizeof *blocks);
  if (!blocks) { perror("malloc"); return 1; }
  uint64_t t0 = bench_now_ns();
  unsigned sum = 0;
  for (long long i = 0; i < n; i++) {
    size_t len = 16 + (size_t)(i * 7 % 65);
    char *p = malloc(len);
    if (!p) { perror("malloc"); return 1; }
    p[0] = (char)i;
    p[len - 1] = (char)len;
    blocks[i] = p;
  }
  for (long long i = 0; i < n; i++) {
    sum += (unsigned char)blocks[i][0];
    free(blocks[i]);
  }
  free(blocks);
  if (sum == 1) printf("(never)\n"); // keeps the work observable
  bench_report("malloc", n, t0);
  return 0;
}
