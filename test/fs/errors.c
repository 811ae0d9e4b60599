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

#define CHECK(c) do { if (!(c)) { printf("FAIL %s:%d: %s (errno %d %s)\n", __FILE__, __LINE__, #c, errno, strerror(errno)); exit(1); } } while (0)
#define ERR(call, e) do { errno = 0; long r_ = (long)(call); if (r_ != -1 || errno != (e)) { printf("FAIL %s:%d: %s = %ld errno %d (%s), want %s\n", __FILE__, __LINE__, #call, r_, errno, strerror(errno), #e); exit(1); } } while (0)

int main(void) {
  struct stat st;
  char buf[16];
  CHECK(mkdir("/data/dir", 0755) == 0);
  int fd = open("/data/file", O_WRONLY | O_CREAT, 0644);
  CHECK(fd >= 0 && write(fd, "abc", 3) == 3 && close(fd) == 0);

  ERR(open("/data/dir", O_WRONLY), EISDIR);
  ERR(open("/data/dir", O_RDWR), EISDIR);
  ERR(open("/data/file", O_RDONLY | O_DIRECTORY), ENOTDIR);
  ERR(open("/data/file/x", O_RDONLY), ENOTDIR);
  ERR(open("/data/file", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
  CHECK(open("/data/dir/f", O_WRONLY | O_CREAT, 0644) >= 0);
  ERR(rmdir("/data/dir"), ENOTEMPTY);
  ERR(open("", O_RDONLY), ENOENT);
  ERR(stat("", &st), ENOENT);
  ERR(open("/data/missing", O_RDONLY), ENOENT);
  ERR(read(99, buf, 1), EBADF);
  ERR(close(99), EBADF);
  ERR(fstat(-1, &st), EBADF);
  char *lng = malloc(PATH_MAX + 10);
  memset(lng, 'a', PATH_MAX + 9);
  memcpy(lng, "/data/", 6);
  lng[PATH_MAX + 9] = 0;
  ERR(open(lng, O_RDONLY), ENAMETOOLONG);
  ERR(stat(lng, &st), ENAMETOOLONG);
  ERR(mkdir(lng, 0755), ENAMETOOLONG);
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s >= 0) { ERR(lseek(s, 0, SEEK_SET), ESPIPE); close(s); printf("lseek on socket: ESPIPE\n"); }
  else printf("no socket (%s): lseek ESPIPE not checked\n", strerror(errno));
  fd = open("/data/dir", O_RDONLY | O_DIRECTORY);
  CHECK(fd >= 0);
  ERR(read(fd, buf, 1), EISDIR);
  ERR(write(fd, buf, 1), EBADF);
  ERR(openat(fd, "../file/y", O_RDONLY), ENOTDIR);
  close(fd);
  fd = open("/data/file", O_WRONLY);
  ERR(read(fd, buf, 1), EBADF);       // the host would trap here (issue 8 item 5)
  ERR(pread(fd, buf, 1, 0), EBADF);
  close(fd);
  ERR(unlink("/data/dir"), EISDIR);
  ERR(rmdir("/data/file"), ENOTDIR);
  ERR(rmdir("/data/dir/."), EINVAL);
  ERR(rmdir("/data"), EBUSY);
  printf("bad input ok\n");

  // escapes: lexical ".." never leaves "/", and nothing outside a preopen exists
  ERR(open("/data/../etc/passwd", O_RDONLY), ENOENT);
  ERR(open("/data/../../../../etc/passwd", O_RDONLY), ENOENT);
  ERR(stat("/etc/passwd", &st), ENOENT);
  // "/" is a read-only virtual directory (test/fs/virtual_root.c); nothing else is there
  ERR(open("/passwd", O_RDONLY), ENOENT);
  CHECK(chdir("/data/dir") == 0);
  ERR(open("../../../etc/passwd", O_RDONLY), ENOENT);
  fd = open("/data/dir", O_RDONLY | O_DIRECTORY);
  ERR(openat(fd, "../../etc/passwd", O_RDONLY), ENOENT);
  ERR(openat(fd, "/etc/passwd", O_RDONLY), ENOENT);
  close(fd);
  // symlinks pointing out: never created (issue 13), so no host program can trip over them
  ERR(symlink("../../../../../../etc/passwd", "/data/out1"), EPERM);
  ERR(stat("/data/out1", &st), ENOENT);
  ERR(symlink("/etc/passwd", "/data/out2"), EPERM);
  ERR(symlink("dir/../..", "/data/out3"), EPERM);
  ERR(open("/data/out3/etc/passwd", O_RDONLY), ENOENT);
  printf("escapes refused ok\n");
  return 0;
}
