/* file_copy.c: copy SRC to DST with 64 KiB read()/write() calls (cp's inner loop).
 *
 *   file_copy SRC DST */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "bench_util.h"

static char buf[65536];

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: file_copy SRC DST\n"); return 2; }
  int in = open(argv[1], O_RDONLY);
  if (in < 0) { perror(argv[1]); return 1; }
  int out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out < 0) { perror(argv[2]); return 1; }
  long long total = 0;
  uint64_t t0 = bench_now_ns();
  for (;;) {
    ssize_t r = read(in, buf, sizeof buf);
    if (r < 0) { perror("read"); return 1; }
    if (r == 0) break;
    for (ssize_t off = 0; off < r;) {
      ssize_t w = write(out, buf + off, (size_t)(r - off));
      if (w < 0) { perror("write"); return 1; }
      off += w;
    }
    total += r;
  }
  if (close(out) < 0) { perror("close"); return 1; }
  close(in);
  bench_report("copy", total, t0);
  return 0;
}
