// Bad input gets Linux's errno; escapes from the sandbox are refused.
//! dir: /data
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  struct stat st;
  char buf[16];
  REQUIRE(mkdir("/data/dir", 0755) == 0);
  int fd = open("/data/file", O_WRONLY | O_CREAT, 0644);
  REQUIRE(fd >= 0 && write(fd, "abc", 3) == 3 && close(fd) == 0);

  CHECK_ERRNO(open("/data/dir", O_WRONLY), EISDIR);
  CHECK_ERRNO(open("/data/dir", O_RDWR), EISDIR);
  CHECK_ERRNO(open("/data/file", O_RDONLY | O_DIRECTORY), ENOTDIR);
  CHECK_ERRNO(open("/data/file/x", O_RDONLY), ENOTDIR);
  CHECK_ERRNO(open("/data/file", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
  REQUIRE(open("/data/dir/f", O_WRONLY | O_CREAT, 0644) >= 0);
  CHECK_ERRNO(rmdir("/data/dir"), ENOTEMPTY);
  CHECK_ERRNO(open("", O_RDONLY), ENOENT);
  CHECK_ERRNO(stat("", &st), ENOENT);
  CHECK_ERRNO(open("/data/missing", O_RDONLY), ENOENT);
  CHECK_ERRNO(read(99, buf, 1), EBADF);
  CHECK_ERRNO(close(99), EBADF);
  CHECK_ERRNO(fstat(-1, &st), EBADF);
  char *lng = malloc(PATH_MAX + 10);
  memset(lng, 'a', PATH_MAX + 9);
  memcpy(lng, "/data/", 6);
  lng[PATH_MAX + 9] = 0;
  CHECK_ERRNO(open(lng, O_RDONLY), ENAMETOOLONG);
  CHECK_ERRNO(stat(lng, &st), ENAMETOOLONG);
  CHECK_ERRNO(mkdir(lng, 0755), ENAMETOOLONG);
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s >= 0) { CHECK_ERRNO(lseek(s, 0, SEEK_SET), ESPIPE); close(s); printf("lseek on socket: ESPIPE\n"); }
  else printf("no socket (%s): lseek ESPIPE not checked\n", strerror(errno));
  fd = open("/data/dir", O_RDONLY | O_DIRECTORY);
  REQUIRE(fd >= 0);
  CHECK_ERRNO(read(fd, buf, 1), EISDIR);
  CHECK_ERRNO(write(fd, buf, 1), EBADF);
  CHECK_ERRNO(openat(fd, "../file/y", O_RDONLY), ENOTDIR);
  close(fd);
  fd = open("/data/file", O_WRONLY);
  CHECK_ERRNO(read(fd, buf, 1), EBADF);       // the host would trap here (issue 8 item 5)
  CHECK_ERRNO(pread(fd, buf, 1, 0), EBADF);
  close(fd);
  CHECK_ERRNO(unlink("/data/dir"), EISDIR);
  CHECK_ERRNO(rmdir("/data/file"), ENOTDIR);
  CHECK_ERRNO(rmdir("/data/dir/."), EINVAL);
  CHECK_ERRNO(rmdir("/data"), EBUSY);
  printf("bad input ok\n");

  // escapes: lexical ".." never leaves "/", and nothing outside a preopen exists
  CHECK_ERRNO(open("/data/../etc/passwd", O_RDONLY), ENOENT);
  CHECK_ERRNO(open("/data/../../../../etc/passwd", O_RDONLY), ENOENT);
  CHECK_ERRNO(stat("/etc/passwd", &st), ENOENT);
  // "/" is a read-only virtual directory (test/fs/virtual_root.c); nothing else is there
  CHECK_ERRNO(open("/passwd", O_RDONLY), ENOENT);
  REQUIRE(chdir("/data/dir") == 0);
  CHECK_ERRNO(open("../../../etc/passwd", O_RDONLY), ENOENT);
  fd = open("/data/dir", O_RDONLY | O_DIRECTORY);
  CHECK_ERRNO(openat(fd, "../../etc/passwd", O_RDONLY), ENOENT);
  CHECK_ERRNO(openat(fd, "/etc/passwd", O_RDONLY), ENOENT);
  close(fd);
  // symlinks pointing out: never created (issue 13), so no host program can trip over them
  CHECK_ERRNO(symlink("../../../../../../etc/passwd", "/data/out1"), EPERM);
  CHECK_ERRNO(stat("/data/out1", &st), ENOENT);
  CHECK_ERRNO(symlink("/etc/passwd", "/data/out2"), EPERM);
  CHECK_ERRNO(symlink("dir/../..", "/data/out3"), EPERM);
  CHECK_ERRNO(open("/data/out3/etc/passwd", O_RDONLY), ENOENT);
  printf("escapes refused ok\n");
  return CHECK_DONE();
}
