// A 1 MB write to stdout must arrive whole (the harness counts the bytes):
// the stream takes at most 4096 bytes per blocking write, so libc splits.
//! stdout-size: 1048576
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
int main(void) {
  size_t n = 1 << 20;
  char *buf = malloc(n);
  for (size_t i = 0; i < n; i++) buf[i] = 'a' + i % 26;
  ssize_t w = write(1, buf, n);
  CHECK_EQ(w, n);
  return check_failures ? 1 : 0; // no summary line: stdout is counted to the byte
}
