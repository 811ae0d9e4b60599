// chdir + relative paths, two preopens, rename over an existing file,
// truncate, times, sync, fadvise/fallocate, dup sharing the offset, fcntl,
// poll, isatty, realpath, fchdir, mkstemp/mkdtemp/tmpfile, statvfs.
//! dir: /data
//! dir: /other
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <unistd.h>
#include <limits.h>
#include <time.h>
#include "check.h"


static void put(const char *path, const char *s) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0 && write(fd, s, strlen(s)) == (ssize_t)strlen(s) && close(fd) == 0);
}

static void expect(const char *path, const char *s) {
  char buf[256] = {0};
  int fd = open(path, O_RDONLY);
  REQUIRE(fd >= 0);
  ssize_t n = read(fd, buf, sizeof buf - 1);
  REQUIRE(n == (ssize_t)strlen(s) && strcmp(buf, s) == 0);
  close(fd);
}

int main(void) {
  char buf[PATH_MAX];
  struct stat st;
  // the initial cwd is the first --dir; "/" holds the preopens
  REQUIRE(getcwd(buf, sizeof buf) && strcmp(buf, "/data") == 0);
  REQUIRE(chdir("/") == 0 && getcwd(buf, sizeof buf) && strcmp(buf, "/") == 0);
  put("data/rel", "r");
  expect("/data/rel", "r");
  // chdir and relative paths
  REQUIRE(mkdir("/data/sub", 0755) == 0);
  REQUIRE(chdir("/data/sub") == 0);
  REQUIRE(getcwd(buf, sizeof buf) && strcmp(buf, "/data/sub") == 0);
  put("x", "in sub");
  expect("/data/sub/x", "in sub");
  expect("../rel", "r");
  expect("./../sub/./x", "in sub");
  REQUIRE(chdir("..") == 0 && getcwd(buf, sizeof buf) && strcmp(buf, "/data") == 0);
  expect("sub/x", "in sub");
  REQUIRE(chdir("/data/rel") == -1 && errno == ENOTDIR);
  REQUIRE(chdir("/nowhere") == -1 && errno == ENOENT);
  int dfd = open("sub", O_RDONLY | O_DIRECTORY);
  REQUIRE(dfd >= 0 && fchdir(dfd) == 0 && getcwd(buf, sizeof buf) && strcmp(buf, "/data/sub") == 0);
  int at = openat(dfd, "x", O_RDONLY);
  REQUIRE(at >= 0 && close(at) == 0);
  REQUIRE(fstatat(dfd, "../rel", &st, 0) == 0 && st.st_size == 1);
  close(dfd);
  printf("chdir/fchdir/relative ok\n");

  // two preopens
  put("/other/o", "other");
  REQUIRE(rename("/data/sub/x", "/other/moved") == 0);
  expect("/other/moved", "in sub");
  REQUIRE(chdir("/other") == 0);
  expect("o", "other");
  REQUIRE(chdir("/data") == 0);
  printf("two preopens ok\n");

  // rename over an existing file
  put("/data/a", "AAA");
  put("/data/b", "BBBBB");
  REQUIRE(rename("/data/a", "/data/b") == 0);
  expect("/data/b", "AAA");
  REQUIRE(access("/data/a", F_OK) == -1 && errno == ENOENT);
  REQUIRE(mkdir("/data/e1", 0755) == 0 && mkdir("/data/e2", 0755) == 0);
  REQUIRE(rename("/data/e1", "/data/e2") == 0);
  printf("rename over existing ok\n");

  // truncate / ftruncate
  REQUIRE(truncate("/data/b", 1) == 0);
  expect("/data/b", "A");
  int fd = open("/data/b", O_RDWR);
  REQUIRE(ftruncate(fd, 10) == 0 && fstat(fd, &st) == 0 && st.st_size == 10);
  REQUIRE(fsync(fd) == 0 && fdatasync(fd) == 0);
  REQUIRE(posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL) == 0);
  REQUIRE(posix_fallocate(fd, 0, 100) == 0 && fstat(fd, &st) == 0 && st.st_size == 100);
  // dup shares the offset; fcntl
  int fd2 = dup(fd);
  REQUIRE(fd2 > fd);
  REQUIRE(lseek(fd, 5, SEEK_SET) == 5 && lseek(fd2, 0, SEEK_CUR) == 5);
  REQUIRE(write(fd2, "Z", 1) == 1 && lseek(fd, 0, SEEK_CUR) == 6);
  int fl = fcntl(fd, F_GETFL);
  REQUIRE(fl >= 0 && (fl & O_ACCMODE) == O_RDWR);
  REQUIRE(fcntl(fd, F_SETFL, fl | O_APPEND) == 0 && (fcntl(fd2, F_GETFL) & O_APPEND));
  REQUIRE(write(fd, "END", 3) == 3 && fstat(fd, &st) == 0 && st.st_size == 103);
  int fd3 = fcntl(fd, F_DUPFD, 20);
  REQUIRE(fd3 == 20);
  struct pollfd p[2] = { { fd, POLLIN | POLLOUT, 0 }, { fd2, POLLIN, 0 } };
  REQUIRE(poll(p, 2, -1) == 2 && (p[0].revents & POLLIN) && (p[0].revents & POLLOUT) && (p[1].revents & POLLIN));
  REQUIRE(!isatty(fd));
  close(fd); close(fd2); close(fd3);
  printf("truncate/sync/fadvise/fallocate/dup/fcntl/poll ok\n");

  // times
  struct timespec ts[2] = { { 1000000000, 123456789 }, { 1500000000, 5000 } };
  REQUIRE(utimensat(AT_FDCWD, "/data/b", ts, 0) == 0);
  REQUIRE(stat("/data/b", &st) == 0 && st.st_atim.tv_sec == 1000000000 && st.st_mtim.tv_sec == 1500000000);
  struct timespec omit[2] = { { 0, UTIME_OMIT }, { 1600000000, 0 } };
  REQUIRE(utimensat(AT_FDCWD, "/data/b", omit, 0) == 0);
  REQUIRE(stat("/data/b", &st) == 0 && st.st_atim.tv_sec == 1000000000 && st.st_mtim.tv_sec == 1600000000);
  time_t t0 = time(NULL);
  REQUIRE(utimensat(AT_FDCWD, "/data/b", NULL, 0) == 0);
  REQUIRE(stat("/data/b", &st) == 0 && st.st_mtim.tv_sec >= t0 - 2 && st.st_mtim.tv_sec <= t0 + 2);
  fd = open("/data/b", O_RDONLY);
  struct timespec fts[2] = { { 1200000000, 0 }, { 1300000000, 0 } };
  REQUIRE(futimens(fd, fts) == 0 && fstat(fd, &st) == 0 && st.st_mtim.tv_sec == 1300000000 && st.st_atim.tv_sec == 1200000000);
  struct timeval tv[2] = { { 1100000000, 0 }, { 1100000001, 0 } };
  REQUIRE(futimes(fd, tv) == 0 && fstat(fd, &st) == 0 && st.st_mtim.tv_sec == 1100000001);
  REQUIRE(utimes("/data/b", tv) == 0);
  close(fd);
  printf("utimensat/futimens/utimes ok\n");

  // realpath
  REQUIRE(symlink("sub", "/data/ls") == 0);
  REQUIRE(realpath("/data/./ls/../b", buf) && strcmp(buf, "/data/b") == 0);
  REQUIRE(realpath("ls", buf) && strcmp(buf, "/data/sub") == 0);
  char *rp = realpath("/data/sub/", NULL);
  REQUIRE(rp && strcmp(rp, "/data/sub") == 0);
  free(rp);
  REQUIRE(!realpath("/data/nope", buf) && errno == ENOENT);
  printf("realpath ok\n");

  // temporary files
  char tmpl[] = "/data/tmpXXXXXX";
  fd = mkstemp(tmpl);
  REQUIRE(fd >= 0 && strncmp(tmpl, "/data/tmp", 9) == 0 && strcmp(tmpl + 9, "XXXXXX") != 0);
  REQUIRE(write(fd, "t", 1) == 1 && close(fd) == 0 && unlink(tmpl) == 0);
  char dtmpl[] = "/data/dXXXXXX";
  REQUIRE(mkdtemp(dtmpl) && stat(dtmpl, &st) == 0 && S_ISDIR(st.st_mode) && rmdir(dtmpl) == 0);
  FILE *tf = tmpfile();
  REQUIRE(tf);
  fputs("temp data", tf);
  rewind(tf);
  REQUIRE(fgets(buf, sizeof buf, tf) && strcmp(buf, "temp data") == 0);
  fclose(tf);
  DIR *d = opendir("/data");
  struct dirent *e;
  while ((e = readdir(d))) REQUIRE(strncmp(e->d_name, "tmpf.", 5) != 0);
  closedir(d);
  printf("mkstemp/mkdtemp/tmpfile ok\n");

  struct statvfs sv;
  // what Linux says for a file system that does not know its size: 0 blocks
  struct stat dst;
  REQUIRE(statvfs("/data", &sv) == 0 && stat("/data", &dst) == 0);
  REQUIRE(sv.f_bsize == 4096 && sv.f_blocks == 0 && sv.f_bavail == 0 && sv.f_namemax == 255);
  REQUIRE(sv.f_fsid == (unsigned long)dst.st_dev);
  REQUIRE(statvfs("/data/none", &sv) == -1 && errno == ENOENT);
  REQUIRE(fstatvfs(-1, &sv) == -1 && errno == EBADF);
  printf("statvfs ok\n");
  return CHECK_DONE();
}
