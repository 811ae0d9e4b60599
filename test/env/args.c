// argv with spaces and UTF-8 arrives intact from the runner.
//! args: plain "with space" ü€ ""
#include <stdio.h>
#include <string.h>
#include "check.h"
int main(int argc, char **argv) {
  const char *want[] = { "plain", "with space", "\xc3\xbc\xe2\x82\xac", "" };
  REQUIRE(argc == 5, "argc %d", argc);
  for (int i = 0; i < 4; i++)
    CHECK_STR(argv[i + 1], want[i], "argv[%d]", i + 1);
  CHECK(argv[5] == NULL, "argv not NULL-terminated");
  printf("ok: %d args\n", argc);
  return CHECK_DONE();
}
