// tmpnam/tempnam (src/stdio/tmpnam.c): names in $TMPDIR, else /tmp, that do
// not exist yet; no usable directory: NULL/ENOENT.  tmpfile/mkstemp are
// src/fs's (test/fs/misc.c).
//! dir: /tmp
//! dir: /data
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static int missing(const char *p) {
  struct stat st;
  return stat(p, &st) < 0 && errno == ENOENT;
}

int main(void) {
  unsetenv("TMPDIR");
  char buf[L_tmpnam];
  CHECK(tmpnam(buf) == buf && !strncmp(buf, "/tmp/tmp.", 9) && strlen(buf) == 15 && missing(buf));
  char *a = tmpnam(NULL);
  CHECK(a && !strncmp(a, "/tmp/", 5) && missing(a));
  char keep[64];
  strcpy(keep, a);
  CHECK(strcmp(keep, tmpnam(NULL)) != 0);
  FILE *f = fopen(keep, "w");
  CHECK(f && fputs("x", f) >= 0 && fclose(f) == 0 && unlink(keep) == 0);
  printf("tmpnam: %s\n", buf);

  setenv("TMPDIR", "/data/", 1);
  a = tmpnam(NULL);
  CHECK(a && !strncmp(a, "/data/tmp.", 10) && missing(a));
  char *t = tempnam("/tmp", "ab");
  CHECK(t && !strncmp(t, "/data/ab", 8) && strlen(t) == 14);
  printf("with TMPDIR: %s %s\n", a, t);
  free(t);
  setenv("TMPDIR", "/nonexistent", 1);
  t = tempnam("/tmp", NULL);
  CHECK(t && !strncmp(t, "/tmp/file", 9));
  free(t);
  t = tempnam("/nope", "p");
  CHECK(t && !strncmp(t, "/tmp/p", 6));  // falls back to P_tmpdir
  free(t);

  if (check_failures) return 1;
  printf("tmpnam ok\n");
  return CHECK_DONE();
}
