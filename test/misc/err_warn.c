// err/errx/warn/warnx (src/stdio/err.c): Debian's header declared them but
// libc.a had no definition, so netcat-openbsd failed to link.  Checks the
// glibc/musl format "progname: msg: strerror\n" (progname = basename of
// argv[0], set by src/env/main_void.c, also program_invocation_short_name),
// that errno survives warn, and that errx exits with its status.
//! exit: 3
//! stdout-contains: all checks passed
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

int main(int argc, char **argv) {
  (void)argc;
  const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
  CHECK(program_invocation_short_name && !strcmp(program_invocation_short_name, base));
  CHECK(program_invocation_name && !strcmp(program_invocation_name, argv[0]));

  int p[2];
  CHECK(pipe(p) == 0);
  int saved = dup(2);
  CHECK(dup2(p[1], 2) == 2);
  errno = ENOENT;
  warn("open %s", "x.txt");
  CHECK(errno == ENOENT);
  warnx("plain %d", 42);
  errno = EACCES;
  warn(NULL);
  fflush(stderr);
  dup2(saved, 2);
  close(p[1]);
  char buf[512] = {0};
  ssize_t n = read(p[0], buf, sizeof buf - 1);
  CHECK(n > 0);
  char want[512];
  snprintf(want, sizeof want, "%s: open x.txt: %s\n%s: plain 42\n%s: %s\n",
           base, strerror(ENOENT), base, base, strerror(EACCES));
  CHECK(!strcmp(buf, want));
  if (strcmp(buf, want)) printf("got [%s]\nwant [%s]\n", buf, want);
  printf(check_failures ? "%d failures\n" : "all checks passed\n", check_failures);
  fflush(stdout);
  if (check_failures) return 1;
  errx(3, "exiting with %d", 3);
}
