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

static int fails;
#define BAD(call) do { errno = 0; long r_ = (long)(call); \
  if (r_ != -1 || errno != EILSEQ) { printf("FAIL %d: %s gave %ld errno %d (%s), want EILSEQ\n", __LINE__, #call, r_, errno, strerror(errno)); fails++; } \
  else if (verbose) printf("ok %s -> EILSEQ\n", #call); } while (0)
#define BADP(call) do { errno = 0; void *p_ = (void *)(call); \
  if (p_ != NULL || errno != EILSEQ) { printf("FAIL %d: %s gave %p errno %d (%s), want NULL EILSEQ\n", __LINE__, #call, p_, errno, strerror(errno)); fails++; } \
  else if (verbose) printf("ok %s -> EILSEQ\n", #call); } while (0)
#define CHECK(c) do { if (!(c)) { printf("FAIL %d: %s (errno %d %s)\n", __LINE__, #c, errno, strerror(errno)); fails++; } else printf("ok %s\n", #c); } while (0)

static int verbose = 1;
// not UTF-8: a Latin-1 byte, a stray continuation byte, an overlong '/',
// a surrogate, a truncated sequence, beyond U+10FFFF, 0xff
static const char *bad[] = { "caf\xe9", "\x80x", "a\xc0\xaf" "b", "\xed\xa0\x80", "x\xe2\x82", "\xf4\x90\x80\x80", "\xff" };

static void every_call(const char *b, const char *babs, int dfd) {
  struct stat st;
  char buf[64];
  struct timespec ts[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
  struct dirent **list;
  BAD(open(b, O_RDONLY));
  BAD(open(babs, O_WRONLY | O_CREAT, 0644));
  BAD(openat(dfd, b, O_RDONLY));
  BAD(openat(AT_FDCWD, b, O_RDONLY | O_CREAT, 0644));
  BAD(creat(b, 0644));
  BAD(stat(b, &st));
  BAD(lstat(babs, &st));
  BAD(fstatat(dfd, b, &st, AT_SYMLINK_NOFOLLOW));
  BAD(access(b, F_OK));
  BAD(faccessat(dfd, b, R_OK, 0));
  BAD(mkdir(b, 0755));
  BAD(mkdirat(dfd, b, 0755));
  BAD(rmdir(b));
  BAD(unlink(babs));
  BAD(unlinkat(dfd, b, 0));
  BAD(unlinkat(dfd, b, AT_REMOVEDIR));
  BAD(remove(b));
  BAD(rename("ok", b));
  BAD(rename(b, "ok2"));
  BAD(renameat(dfd, "ok", AT_FDCWD, b));
  BAD(renameat(AT_FDCWD, b, dfd, "ok2"));
  BAD(link("ok", b));
  BAD(link(b, "ok2"));
  BAD(linkat(AT_FDCWD, "ok", AT_FDCWD, b, 0));
  BAD(linkat(dfd, b, dfd, "ok2", 0));
  BAD(symlink(b, "sl"));             // the target
  BAD(symlink("ok", b));             // the link
  BAD(symlinkat(b, dfd, "sl"));
  BAD(symlinkat("ok", dfd, b));
  BAD(readlink(b, buf, sizeof buf));
  BAD(readlinkat(dfd, b, buf, sizeof buf));
  BADP(opendir(b));
  BAD(scandir(b, &list, NULL, alphasort));
  BAD(chdir(b));
  BADP(realpath(b, NULL));
  BAD(truncate(b, 0));
  BAD(utimensat(dfd, b, ts, 0));
  BAD(utimes(b, NULL));
  BAD(chmod(b, 0644));
  BAD(chown(b, -1, -1));
  BADP(fopen(b, "r"));
  BADP(fopen(babs, "w"));
  char tmpl[64];
  snprintf(tmpl, sizeof tmpl, "%sXXXXXX", b);
  BAD(mkstemp(tmpl));
  snprintf(tmpl, sizeof tmpl, "%sXXXXXX", b);
  BADP(mkdtemp(tmpl));
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
      verbose = 0;
      for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char abs[64];
        snprintf(abs, sizeof abs, "/data/%s", bad[i]);
        every_call(bad[i], abs, dfd);
      }
    }
    close(dfd);
    printf("%s %s\n", mode, ok && !fails ? "ok" : "FAILED");
    return !ok || fails;
  }

  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char abs[64];
    snprintf(abs, sizeof abs, "/data/%s", bad[i]);
    verbose = i == 0;
    every_call(bad[i], abs, dfd);
  }
  printf("%d bad names x every call family: %s\n", (int)(sizeof bad / sizeof *bad), fails ? "FAILED" : "EILSEQ each time");
  // after all that, nothing was created
  DIR *d = opendir("/data");
  int entries = 0;
  struct dirent *e;
  while ((e = readdir(d))) entries += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
  closedir(d);
  CHECK(entries == 1); // just "ok"

  // valid UTF-8 of every length works and round-trips
  const char *good[] = { "caf\xc3\xa9", "\xe2\x82\xac" "uro", "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf" };
  for (int i = 0; i < 4; i++) {
    char abs[64];
    snprintf(abs, sizeof abs, "/data/%s", good[i]);
    fd = open(abs, O_WRONLY | O_CREAT | O_EXCL, 0644);
    CHECK(fd >= 0 && close(fd) == 0);
    CHECK(stat(good[i], &st) == 0 && S_ISREG(st.st_mode));
  }
  CHECK(symlink("caf\xc3\xa9", "/data/l\xc3\xa9") == 0);
  char buf[64];
  ssize_t n = readlink("/data/l\xc3\xa9", buf, sizeof buf);
  CHECK(n == 5 && memcmp(buf, "caf\xc3\xa9", 5) == 0);
  int seen = 0;
  d = opendir("/data");
  while ((e = readdir(d)))
    for (int i = 0; i < 4; i++) seen += strcmp(e->d_name, good[i]) == 0;
  closedir(d);
  CHECK(seen == 4);
  close(dfd);
  printf("%s\n", fails ? "FAILED" : "all ok");
  return fails != 0;
}
