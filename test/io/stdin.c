// Reading stdin piped from the harness, with read(2) and with stdio.
//! stdin: first line\nsecond line\n
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
int main(void) {
  char buf[6];
  ssize_t n = read(0, buf, 6);
  REQUIRE(n >= 1, "read gave %zd", n);
  char line[64];
  REQUIRE(fgets(line, sizeof line, stdin));
  char all[64];
  snprintf(all, sizeof all, "%.*s%s", (int)n, buf, line);
  CHECK_STR(all, "first line\n");
  CHECK_STR(fgets(line, sizeof line, stdin), "second line\n");
  CHECK(fgets(line, sizeof line, stdin) == NULL && feof(stdin), "no EOF");
  CHECK_EQ(read(0, buf, 1), 0, "read at EOF");
  printf("ok: stdin read whole, EOF seen\n");
  return CHECK_DONE();
}
