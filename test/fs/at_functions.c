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
#include "check.h"
int main(void) {
  int d = open("/data", O_RDONLY | O_DIRECTORY);
  OK(d >= 0);
  int fd = creat("/data/c", 0644);
  OK(fd >= 0);
  OK(fcntl(fd, F_GETFL) & O_WRONLY);
  OK(pwrite(fd, "abcdef", 6, 10) == 6);
  OK(lseek(fd, 0, SEEK_CUR) == 0);
  OK(lseek(fd, 100, SEEK_END) == 116);
  OK(write(fd, "Z", 1) == 1);
  close(fd);
  struct stat st; OK(stat("/data/c", &st) == 0 && st.st_size == 117);
  fd = open("/data/c", O_RDONLY);
  char b[16] = {0};
  OK(pread(fd, b, 6, 10) == 6 && !memcmp(b, "abcdef", 6));
  OK(pread(fd, b, 6, 0) == 6 && b[0] == 0);
  OK(pread(fd, b, 6, 1000) == 0);
  errno = 0; OK(pread(fd, b, 6, -1) == -1 && errno == EINVAL);
  close(fd);
  OK(symlinkat("c", d, "lnk") == 0);
  char l[64] = {0};
  OK(readlinkat(d, "lnk", l, sizeof l) == 1 && l[0] == 'c');
  errno = 0; OK(open("/data/lnk", O_RDONLY | O_NOFOLLOW) == -1 && errno == ELOOP);
  OK(lstat("/data/lnk", &st) == 0 && S_ISLNK(st.st_mode));
  OK(renameat(d, "c", d, "c2") == 0);
  errno = 0; OK(stat("/data/lnk", &st) == -1 && errno == ENOENT);
  // docs/compatibility.md "Namespace, cwd, escapes": an absolute symlink target outside every
  // preopen is refused at creation (EPERM); a climbing relative one is created
  // but following it is EPERM; `..` above / and paths outside preopens: ENOENT
  errno = 0; OK(symlink("/etc/passwd", "/data/out") == -1 && errno == EPERM);
  // a relative target climbing out of the preopen is refused too (issue 13)
  errno = 0; OK(symlink("../../../../etc/passwd", "/data/out2") == -1 && errno == EPERM);
  errno = 0; OK(open("/data/../../etc/passwd", O_RDONLY) == -1 && errno == ENOENT);
  errno = 0; OK(open("/etc/passwd", O_RDONLY) == -1 && errno == ENOENT);
  struct timespec now[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
  struct timespec t0; clock_gettime(CLOCK_REALTIME, &t0);
  struct timespec old[2] = { { 1000, 0 }, { 1000, 0 } };
  OK(utimensat(d, "c2", old, 0) == 0 && stat("/data/c2", &st) == 0 && st.st_mtim.tv_sec == 1000);
  OK(utimensat(d, "c2", now, 0) == 0 && stat("/data/c2", &st) == 0 && st.st_mtim.tv_sec >= t0.tv_sec - 2);
  char longp[PATH_MAX + 10]; memset(longp, 'a', sizeof longp - 1); longp[sizeof longp - 1] = 0; memcpy(longp, "/data/", 6);
  errno = 0; OK(open(longp, O_RDONLY) == -1 && errno == ENAMETOOLONG);
  errno = 0; OK(stat(longp, &st) == -1 && errno == ENAMETOOLONG);
  errno = 0; OK(mkdir(longp, 0755) == -1 && errno == ENAMETOOLONG);
  errno = 0; OK(open("", O_RDONLY) == -1 && errno == ENOENT);
  OK(remove("/data/c2") == 0);
  mkdir("/data/dd", 0755);
  OK(remove("/data/dd") == 0);
  DIR *dir = opendir("/data");
  long pos = -1; int n = 0; struct dirent *e;
  while ((e = readdir(dir))) { n++; if (n == 2) pos = telldir(dir); }
  seekdir(dir, pos); int m = 0; while (readdir(dir)) m++;
  OK(m == n - 2);
  closedir(dir);
  OK(unlink("/data/lnk") == 0);
  close(d);
  return CHECK_DONE();
}
