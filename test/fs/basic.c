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

#define CHECK(c) do { if (!(c)) { printf("FAIL %s:%d: %s (errno %d %s)\n", __FILE__, __LINE__, #c, errno, strerror(errno)); exit(1); } } while (0)

int main(void) {
  int fd = open("/data/a.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  CHECK(fd == 3);
  CHECK(write(fd, "hello world\n", 12) == 12);
  CHECK(lseek(fd, 0, SEEK_CUR) == 12);
  CHECK(lseek(fd, 100, SEEK_SET) == 100);
  CHECK(write(fd, "x", 1) == 1);
  struct stat st;
  CHECK(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 101);
  CHECK(close(fd) == 0);

  char buf[200];
  fd = open("/data/a.txt", O_RDONLY);
  CHECK(fd >= 0);
  CHECK(read(fd, buf, 5) == 5 && memcmp(buf, "hello", 5) == 0);
  CHECK(pread(fd, buf, 5, 6) == 5 && memcmp(buf, "world", 5) == 0);
  CHECK(lseek(fd, 0, SEEK_CUR) == 5);
  CHECK(lseek(fd, -1, SEEK_END) == 100);
  CHECK(read(fd, buf, 10) == 1 && buf[0] == 'x');
  CHECK(read(fd, buf, 10) == 0);
  CHECK(write(fd, "y", 1) == -1 && errno == EBADF);
  struct stat st2;
  CHECK(stat("/data/a.txt", &st2) == 0 && st2.st_size == 101 && st2.st_ino == st.st_ino && st2.st_dev == st.st_dev);
  CHECK(close(fd) == 0);
  printf("open/read/write/lseek/stat ok\n");

  // O_APPEND
  fd = open("/data/a.txt", O_WRONLY | O_APPEND);
  CHECK(fd >= 0);
  CHECK(lseek(fd, 0, SEEK_SET) == 0);
  CHECK(write(fd, "END", 3) == 3);
  CHECK(fstat(fd, &st) == 0 && st.st_size == 104);
  close(fd);

  // stdio
  FILE *f = fopen("/data/s.txt", "w");
  CHECK(f);
  for (int i = 0; i < 100; i++) fprintf(f, "line %d\n", i);
  CHECK(fclose(f) == 0);
  f = fopen("/data/s.txt", "r");
  CHECK(f);
  CHECK(fgets(buf, sizeof buf, f) && strcmp(buf, "line 0\n") == 0);
  CHECK(fseek(f, -8, SEEK_END) == 0);
  CHECK(fgets(buf, sizeof buf, f) && strcmp(buf, "line 99\n") == 0);
  CHECK(ftell(f) > 0);
  rewind(f);
  size_t n = fread(buf, 1, 14, f);
  CHECK(n == 14 && memcmp(buf, "line 0\nline 1\n", 14) == 0);
  fclose(f);
  f = fopen("/data/s.txt", "a+");
  CHECK(f);
  fputs("tail\n", f);
  fclose(f);
  CHECK(stat("/data/s.txt", &st) == 0);
  printf("stdio ok (size %lld)\n", (long long)st.st_size);

  // directories
  CHECK(mkdir("/data/d", 0755) == 0);
  CHECK(mkdir("/data/d", 0755) == -1 && errno == EEXIST);
  CHECK(stat("/data/d", &st) == 0 && S_ISDIR(st.st_mode));
  CHECK(rename("/data/a.txt", "/data/d/b.txt") == 0);
  CHECK(access("/data/a.txt", F_OK) == -1 && errno == ENOENT);
  CHECK(access("/data/d/b.txt", R_OK | W_OK) == 0);
  CHECK(rmdir("/data/d") == -1 && errno == ENOTEMPTY);
  CHECK(link("/data/d/b.txt", "/data/c.txt") == 0);
  CHECK(stat("/data/c.txt", &st) == 0 && st.st_nlink == 2);
  CHECK(symlink("d/b.txt", "/data/l") == 0);
  CHECK(lstat("/data/l", &st) == 0 && S_ISLNK(st.st_mode));
  CHECK(stat("/data/l", &st2) == 0 && S_ISREG(st2.st_mode) && st2.st_size == 104);
  n = readlink("/data/l", buf, sizeof buf);
  CHECK(n == 7 && memcmp(buf, "d/b.txt", 7) == 0);
  CHECK(symlink("/data/c.txt", "/data/d/abs") == 0);
  n = readlink("/data/d/abs", buf, sizeof buf);
  CHECK(n == 11 && memcmp(buf, "/data/c.txt", 11) == 0); // as given (test/fs/symlink_abs.c)
  CHECK(stat("/data/d/abs", &st) == 0 && st.st_size == 104);
  CHECK(unlink("/data/d/abs") == 0);
  CHECK(unlink("/data/l") == 0);
  CHECK(unlink("/data/c.txt") == 0);
  CHECK(unlink("/data/d/b.txt") == 0);
  CHECK(unlink("/data/d") == -1 && errno == EISDIR);
  CHECK(rmdir("/data/d") == 0);
  CHECK(remove("/data/s.txt") == 0);
  printf("dirs ok\n");
  return 0;
}
