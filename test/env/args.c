// argv with spaces and UTF-8 arrives intact from the runner.
//! args: plain "with space" ü€ ""
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
  const char *want[] = { "plain", "with space", "\xc3\xbc\xe2\x82\xac", "" };
  if (argc != 5) { printf("FAIL: argc %d\n", argc); return 1; }
  for (int i = 0; i < 4; i++)
    if (strcmp(argv[i + 1], want[i]) != 0) { printf("FAIL: argv[%d] '%s'\n", i + 1, argv[i + 1]); return 1; }
  if (argv[5] != NULL) { printf("FAIL: argv not NULL-terminated\n"); return 1; }
  printf("ok: %d args\n", argc);
  return 0;
}
