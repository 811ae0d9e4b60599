// open/read/write/lseek/fstat/stat/unlink/mkdir/rmdir/rename/link/symlink
// on a preopened directory, and stdio on top.
//! dir: /data
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  int fd = open("/data/a.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd == 3);
  REQUIRE(write(fd, "hello world\n", 12) == 12);
  REQUIRE(lseek(fd, 0, SEEK_CUR) == 12);
  REQUIRE(lseek(fd, 100, SEEK_SET) == 100);
  REQUIRE(write(fd, "x", 1) == 1);
  struct stat st;
  REQUIRE(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 101);
  REQUIRE(close(fd) == 0);

  char buf[200];
  fd = open("/data/a.txt", O_RDONLY);
  REQUIRE(fd >= 0);
  REQUIRE(read(fd, buf, 5) == 5 && memcmp(buf, "hello", 5) == 0);
  REQUIRE(pread(fd, buf, 5, 6) == 5 && memcmp(buf, "world", 5) == 0);
  REQUIRE(lseek(fd, 0, SEEK_CUR) == 5);
  REQUIRE(lseek(fd, -1, SEEK_END) == 100);
  REQUIRE(read(fd, buf, 10) == 1 && buf[0] == 'x');
  REQUIRE(read(fd, buf, 10) == 0);
  REQUIRE(write(fd, "y", 1) == -1 && errno == EBADF);
  struct stat st2;
  REQUIRE(stat("/data/a.txt", &st2) == 0 && st2.st_size == 101 && st2.st_ino == st.st_ino && st2.st_dev == st.st_dev);
  REQUIRE(close(fd) == 0);
  printf("open/read/write/lseek/stat ok\n");

  // O_APPEND
  fd = open("/data/a.txt", O_WRONLY | O_APPEND);
  REQUIRE(fd >= 0);
  REQUIRE(lseek(fd, 0, SEEK_SET) == 0);
  REQUIRE(write(fd, "END", 3) == 3);
  REQUIRE(fstat(fd, &st) == 0 && st.st_size == 104);
  close(fd);

  // stdio
  FILE *f = fopen("/data/s.txt", "w");
  REQUIRE(f);
  for (int i = 0; i < 100; i++) fprintf(f, "line %d\n", i);
  REQUIRE(fclose(f) == 0);
  f = fopen("/data/s.txt", "r");
  REQUIRE(f);
  REQUIRE(fgets(buf, sizeof buf, f) && strcmp(buf, "line 0\n") == 0);
  REQUIRE(fseek(f, -8, SEEK_END) == 0);
  REQUIRE(fgets(buf, sizeof buf, f) && strcmp(buf, "line 99\n") == 0);
  REQUIRE(ftell(f) > 0);
  rewind(f);
  size_t n = fread(buf, 1, 14, f);
  REQUIRE(n == 14 && memcmp(buf, "line 0\nline 1\n", 14) == 0);
  fclose(f);
  f = fopen("/data/s.txt", "a+");
  REQUIRE(f);
  fputs("tail\n", f);
  fclose(f);
  REQUIRE(stat("/data/s.txt", &st) == 0);
  printf("stdio ok (size %lld)\n", (long long)st.st_size);

  // directories
  REQUIRE(mkdir("/data/d", 0755) == 0);
  REQUIRE(mkdir("/data/d", 0755) == -1 && errno == EEXIST);
  REQUIRE(stat("/data/d", &st) == 0 && S_ISDIR(st.st_mode));
  REQUIRE(rename("/data/a.txt", "/data/d/b.txt") == 0);
  REQUIRE(access("/data/a.txt", F_OK) == -1 && errno == ENOENT);
  REQUIRE(access("/data/d/b.txt", R_OK | W_OK) == 0);
  REQUIRE(rmdir("/data/d") == -1 && errno == ENOTEMPTY);
  REQUIRE(link("/data/d/b.txt", "/data/c.txt") == 0);
  REQUIRE(stat("/data/c.txt", &st) == 0 && st.st_nlink == 2);
  REQUIRE(symlink("d/b.txt", "/data/l") == 0);
  REQUIRE(lstat("/data/l", &st) == 0 && S_ISLNK(st.st_mode));
  REQUIRE(stat("/data/l", &st2) == 0 && S_ISREG(st2.st_mode) && st2.st_size == 104);
  n = readlink("/data/l", buf, sizeof buf);
  REQUIRE(n == 7 && memcmp(buf, "d/b.txt", 7) == 0);
  REQUIRE(symlink("/data/c.txt", "/data/d/abs") == 0);
  n = readlink("/data/d/abs", buf, sizeof buf);
  REQUIRE(n == 11 && memcmp(buf, "/data/c.txt", 11) == 0); // as given (test/fs/symlink_abs.c)
  REQUIRE(stat("/data/d/abs", &st) == 0 && st.st_size == 104);
  REQUIRE(unlink("/data/d/abs") == 0);
  REQUIRE(unlink("/data/l") == 0);
  REQUIRE(unlink("/data/c.txt") == 0);
  REQUIRE(unlink("/data/d/b.txt") == 0);
  REQUIRE(unlink("/data/d") == -1 && errno == EISDIR);
  REQUIRE(rmdir("/data/d") == 0);
  REQUIRE(remove("/data/s.txt") == 0);
  printf("dirs ok\n");
  return CHECK_DONE();
}
