/* printf_lines.c: N printf lines after a first one (host calls per printf line, from
 * the difference between two values of N).
 *
 *   printf_lines N          stdout as the C library sets it up (a pipe: fully buffered)
 *   printf_lines N line     line-buffered, as on a terminal: one write per line is
 *                           what an interactive program pays */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc > 2 && strcmp(argv[2], "line") == 0)
    setvbuf(stdout, NULL, _IOLBF, 0);
  printf("first line\n");
  long n = argc > 1 ? atol(argv[1]) : 0;
  for (long i = 0; i < n; i++)
    printf("line %ld: the quick brown fox jumps over the lazy dog\n", i);
  return 0;
}
