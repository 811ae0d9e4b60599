// Paths that are not valid UTF-8 fail with EILSEQ before any host call
// (WASI paths are strings), in every path call family, on either side of
// the two-path calls and for a symlink's target; valid UTF-8 names of 2, 3
// and 4 bytes work and come back intact from readdir and readlink.
// path_utf8.test.mjs runs this with --count-calls: `bad` mode makes only the
// failing calls, after one valid stat, and must cost exactly the host calls
// of `base` mode (the valid stat alone).
//! dir: /data
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include "check.h"

// not UTF-8: a Latin-1 byte, a stray continuation byte, an overlong '/',
// a surrogate, a truncated sequence, beyond U+10FFFF, 0xff
static const char *bad[] = { "caf\xe9", "\x80x", "a\xc0\xaf" "b", "\xed\xa0\x80", "x\xe2\x82", "\xf4\x90\x80\x80", "\xff" };

static void every_call(const char *b, const char *babs, int dfd) {
  struct stat st;
  char buf[64];
  struct timespec ts[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
  struct dirent **list;
  CHECK_ERRNO(open(b, O_RDONLY), EILSEQ);
  CHECK_ERRNO(open(babs, O_WRONLY | O_CREAT, 0644), EILSEQ);
  CHECK_ERRNO(openat(dfd, b, O_RDONLY), EILSEQ);
  CHECK_ERRNO(openat(AT_FDCWD, b, O_RDONLY | O_CREAT, 0644), EILSEQ);
  CHECK_ERRNO(creat(b, 0644), EILSEQ);
  CHECK_ERRNO(stat(b, &st), EILSEQ);
  CHECK_ERRNO(lstat(babs, &st), EILSEQ);
  CHECK_ERRNO(fstatat(dfd, b, &st, AT_SYMLINK_NOFOLLOW), EILSEQ);
  CHECK_ERRNO(access(b, F_OK), EILSEQ);
  CHECK_ERRNO(faccessat(dfd, b, R_OK, 0), EILSEQ);
  CHECK_ERRNO(mkdir(b, 0755), EILSEQ);
  CHECK_ERRNO(mkdirat(dfd, b, 0755), EILSEQ);
  CHECK_ERRNO(rmdir(b), EILSEQ);
  CHECK_ERRNO(unlink(babs), EILSEQ);
  CHECK_ERRNO(unlinkat(dfd, b, 0), EILSEQ);
  CHECK_ERRNO(unlinkat(dfd, b, AT_REMOVEDIR), EILSEQ);
  CHECK_ERRNO(remove(b), EILSEQ);
  CHECK_ERRNO(rename("ok", b), EILSEQ);
  CHECK_ERRNO(rename(b, "ok2"), EILSEQ);
  CHECK_ERRNO(renameat(dfd, "ok", AT_FDCWD, b), EILSEQ);
  CHECK_ERRNO(renameat(AT_FDCWD, b, dfd, "ok2"), EILSEQ);
  CHECK_ERRNO(link("ok", b), EILSEQ);
  CHECK_ERRNO(link(b, "ok2"), EILSEQ);
  CHECK_ERRNO(linkat(AT_FDCWD, "ok", AT_FDCWD, b, 0), EILSEQ);
  CHECK_ERRNO(linkat(dfd, b, dfd, "ok2", 0), EILSEQ);
  CHECK_ERRNO(symlink(b, "sl"), EILSEQ);             // the target
  CHECK_ERRNO(symlink("ok", b), EILSEQ);             // the link
  CHECK_ERRNO(symlinkat(b, dfd, "sl"), EILSEQ);
  CHECK_ERRNO(symlinkat("ok", dfd, b), EILSEQ);
  CHECK_ERRNO(readlink(b, buf, sizeof buf), EILSEQ);
  CHECK_ERRNO(readlinkat(dfd, b, buf, sizeof buf), EILSEQ);
  CHECK_ERRNO_NULL(opendir(b), EILSEQ);
  CHECK_ERRNO(scandir(b, &list, NULL, alphasort), EILSEQ);
  CHECK_ERRNO(chdir(b), EILSEQ);
  CHECK_ERRNO_NULL(realpath(b, NULL), EILSEQ);
  CHECK_ERRNO(truncate(b, 0), EILSEQ);
  CHECK_ERRNO(utimensat(dfd, b, ts, 0), EILSEQ);
  CHECK_ERRNO(utimes(b, NULL), EILSEQ);
  CHECK_ERRNO(chmod(b, 0644), EILSEQ);
  CHECK_ERRNO(chown(b, -1, -1), EILSEQ);
  CHECK_ERRNO_NULL(fopen(b, "r"), EILSEQ);
  CHECK_ERRNO_NULL(fopen(babs, "w"), EILSEQ);
  char tmpl[64];
  snprintf(tmpl, sizeof tmpl, "%sXXXXXX", b);
  CHECK_ERRNO(mkstemp(tmpl), EILSEQ);
  snprintf(tmpl, sizeof tmpl, "%sXXXXXX", b);
  CHECK_ERRNO_NULL(mkdtemp(tmpl), EILSEQ);
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "all";
  int dfd = open("/data", O_RDONLY | O_DIRECTORY);
  int fd = open("/data/ok", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  close(fd);
  struct stat st;
  if (!strcmp(mode, "base") || !strcmp(mode, "bad")) {
    // the host-call count runs: one valid call, then (bad) only failing ones
    int ok = stat("/data/ok", &st) == 0;
    if (!strcmp(mode, "bad")) {
      for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char abs[64];
        snprintf(abs, sizeof abs, "/data/%s", bad[i]);
        every_call(bad[i], abs, dfd);
      }
    }
    close(dfd);
    printf("%s %s\n", mode, ok && !check_failures ? "ok" : "FAILED");
    return !ok || check_failures;
  }

  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char abs[64];
    snprintf(abs, sizeof abs, "/data/%s", bad[i]);
    every_call(bad[i], abs, dfd);
  }
  printf("%d bad names x every call family: %s\n", (int)(sizeof bad / sizeof *bad), check_failures ? "FAILED" : "EILSEQ each time");
  // after all that, nothing was created
  DIR *d = opendir("/data");
  int entries = 0;
  struct dirent *e;
  while ((e = readdir(d))) entries += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
  closedir(d);
  OK(entries == 1); // just "ok"

  // valid UTF-8 of every length works and round-trips
  const char *good[] = { "caf\xc3\xa9", "\xe2\x82\xac" "uro", "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf" };
  for (int i = 0; i < 4; i++) {
    char abs[64];
    snprintf(abs, sizeof abs, "/data/%s", good[i]);
    fd = open(abs, O_WRONLY | O_CREAT | O_EXCL, 0644);
    OK(fd >= 0 && close(fd) == 0);
    OK(stat(good[i], &st) == 0 && S_ISREG(st.st_mode));
  }
  OK(symlink("caf\xc3\xa9", "/data/l\xc3\xa9") == 0);
  char buf[64];
  ssize_t n = readlink("/data/l\xc3\xa9", buf, sizeof buf);
  OK(n == 5 && memcmp(buf, "caf\xc3\xa9", 5) == 0);
  int seen = 0;
  d = opendir("/data");
  while ((e = readdir(d)))
    for (int i = 0; i < 4; i++) seen += strcmp(e->d_name, good[i]) == 0;
  closedir(d);
  OK(seen == 4);
  close(dfd);
  return CHECK_DONE();
}
