// Reading stdin piped from the harness, with read(2) and with stdio.
//! stdin: first line\nsecond line\n
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
  char buf[6];
  ssize_t n = read(0, buf, 6);
  if (n < 1) { printf("FAIL: read gave %zd\n", n); return 1; }
  char line[64];
  if (!fgets(line, sizeof line, stdin)) { printf("FAIL: fgets\n"); return 1; }
  char all[64];
  snprintf(all, sizeof all, "%.*s%s", (int)n, buf, line);
  if (strcmp(all, "first line\n") != 0) { printf("FAIL: got '%s'\n", all); return 1; }
  if (!fgets(line, sizeof line, stdin) || strcmp(line, "second line\n") != 0) { printf("FAIL: second\n"); return 1; }
  if (fgets(line, sizeof line, stdin) != NULL || !feof(stdin)) { printf("FAIL: no EOF\n"); return 1; }
  if (read(0, buf, 1) != 0) { printf("FAIL: read at EOF\n"); return 1; }
  printf("ok: stdin read whole, EOF seen\n");
  return 0;
}
