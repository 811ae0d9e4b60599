// Issue 5 items not covered elsewhere: creat, pread/pwrite (offset untouched),
// lseek beyond end, symlinkat/readlinkat/renameat, O_NOFOLLOW -> ELOOP, UTIME_NOW,
// escapes through symlinks, ENAMETOOLONG for open/stat/mkdir, remove, telldir/seekdir.
//! dir: /data
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#define CHECK(c) do { if (!(c)) { printf("FAIL %d %s errno=%d %s\n", __LINE__, #c, errno, strerror(errno)); fails++; } else printf("ok %s\n", #c); } while (0)
int fails;
int main(void) {
  int d = open("/data", O_RDONLY | O_DIRECTORY);
  CHECK(d >= 0);
  int fd = creat("/data/c", 0644);
  CHECK(fd >= 0);
  CHECK(fcntl(fd, F_GETFL) & O_WRONLY);
  CHECK(pwrite(fd, "abcdef", 6, 10) == 6);
  CHECK(lseek(fd, 0, SEEK_CUR) == 0);
  CHECK(lseek(fd, 100, SEEK_END) == 116);
  CHECK(write(fd, "Z", 1) == 1);
  close(fd);
  struct stat st; CHECK(stat("/data/c", &st) == 0 && st.st_size == 117);
  fd = open("/data/c", O_RDONLY);
  char b[16] = {0};
  CHECK(pread(fd, b, 6, 10) == 6 && !memcmp(b, "abcdef", 6));
  CHECK(pread(fd, b, 6, 0) == 6 && b[0] == 0);
  CHECK(pread(fd, b, 6, 1000) == 0);
  errno = 0; CHECK(pread(fd, b, 6, -1) == -1 && errno == EINVAL);
  close(fd);
  CHECK(symlinkat("c", d, "lnk") == 0);
  char l[64] = {0};
  CHECK(readlinkat(d, "lnk", l, sizeof l) == 1 && l[0] == 'c');
  errno = 0; CHECK(open("/data/lnk", O_RDONLY | O_NOFOLLOW) == -1 && errno == ELOOP);
  CHECK(lstat("/data/lnk", &st) == 0 && S_ISLNK(st.st_mode));
  CHECK(renameat(d, "c", d, "c2") == 0);
  errno = 0; CHECK(stat("/data/lnk", &st) == -1 && errno == ENOENT);
  // docs/compatibility.md "Namespace, cwd, escapes": an absolute symlink target outside every
  // preopen is refused at creation (EPERM); a climbing relative one is created
  // but following it is EPERM; `..` above / and paths outside preopens: ENOENT
  errno = 0; CHECK(symlink("/etc/passwd", "/data/out") == -1 && errno == EPERM);
  // a relative target climbing out of the preopen is refused too (issue 13)
  errno = 0; CHECK(symlink("../../../../etc/passwd", "/data/out2") == -1 && errno == EPERM);
  errno = 0; CHECK(open("/data/../../etc/passwd", O_RDONLY) == -1 && errno == ENOENT);
  errno = 0; CHECK(open("/etc/passwd", O_RDONLY) == -1 && errno == ENOENT);
  struct timespec now[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
  struct timespec t0; clock_gettime(CLOCK_REALTIME, &t0);
  struct timespec old[2] = { { 1000, 0 }, { 1000, 0 } };
  CHECK(utimensat(d, "c2", old, 0) == 0 && stat("/data/c2", &st) == 0 && st.st_mtim.tv_sec == 1000);
  CHECK(utimensat(d, "c2", now, 0) == 0 && stat("/data/c2", &st) == 0 && st.st_mtim.tv_sec >= t0.tv_sec - 2);
  char longp[PATH_MAX + 10]; memset(longp, 'a', sizeof longp - 1); longp[sizeof longp - 1] = 0; memcpy(longp, "/data/", 6);
  errno = 0; CHECK(open(longp, O_RDONLY) == -1 && errno == ENAMETOOLONG);
  errno = 0; CHECK(stat(longp, &st) == -1 && errno == ENAMETOOLONG);
  errno = 0; CHECK(mkdir(longp, 0755) == -1 && errno == ENAMETOOLONG);
  errno = 0; CHECK(open("", O_RDONLY) == -1 && errno == ENOENT);
  CHECK(remove("/data/c2") == 0);
  mkdir("/data/dd", 0755);
  CHECK(remove("/data/dd") == 0);
  DIR *dir = opendir("/data");
  long pos = -1; int n = 0; struct dirent *e;
  while ((e = readdir(dir))) { n++; if (n == 2) pos = telldir(dir); }
  seekdir(dir, pos); int m = 0; while (readdir(dir)) m++;
  CHECK(m == n - 2);
  closedir(dir);
  CHECK(unlink("/data/lnk") == 0);
  close(d);
  printf("%s\n", fails ? "FAILS" : "all ok");
  return fails != 0;
}
