// 1000 files created, each seen exactly once by readdir (and scandir),
// telldir/seekdir/rewinddir, then all removed.
//! dir: /data
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

#define N 1000

static int only_f(const struct dirent *e) { return e->d_name[0] == 'f'; }

int main(void) {
  static int seen[N];
  char name[64];
  REQUIRE(mkdir("/data/m", 0755) == 0);
  for (int i = 0; i < N; i++) {
    snprintf(name, sizeof name, "/data/m/f%04d", i);
    int fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(close(fd) == 0);
  }
  DIR *d = opendir("/data/m");
  REQUIRE(d);
  struct dirent *e;
  int dots = 0, files = 0;
  long mark = -1;
  char marked[64] = "";
  errno = 0;
  while ((e = readdir(d))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) { dots++; REQUIRE(e->d_type == DT_DIR); continue; }
    int i = atoi(e->d_name + 1);
    REQUIRE(e->d_name[0] == 'f' && i >= 0 && i < N && e->d_type == DT_REG && e->d_ino != 0);
    REQUIRE(seen[i]++ == 0);
    files++;
    if (files == 500) { mark = telldir(d); }
    if (files == 501) strcpy(marked, e->d_name);
  }
  REQUIRE(errno == 0);
  REQUIRE(dots == 2 && files == N);
  for (int i = 0; i < N; i++) REQUIRE(seen[i] == 1);
  seekdir(d, mark);
  e = readdir(d);
  REQUIRE(e && strcmp(e->d_name, marked) == 0);
  rewinddir(d);
  e = readdir(d);
  REQUIRE(e && strcmp(e->d_name, ".") == 0);
  REQUIRE(dirfd(d) >= 0);
  REQUIRE(closedir(d) == 0);
  printf("readdir: %d files each seen once, seekdir/rewinddir ok\n", files);

  struct dirent **list;
  int n = scandir("/data/m", &list, only_f, alphasort);
  REQUIRE(n == N);
  for (int i = 0; i < n; i++) {
    snprintf(name, sizeof name, "f%04d", i);
    REQUIRE(strcmp(list[i]->d_name, name) == 0);
    free(list[i]);
  }
  free(list);
  printf("scandir sorted %d ok\n", n);

  for (int i = 0; i < N; i++) {
    snprintf(name, sizeof name, "/data/m/f%04d", i);
    REQUIRE(unlink(name) == 0);
  }
  d = opendir("/data/m");
  files = 0;
  while ((e = readdir(d))) files++;
  closedir(d);
  REQUIRE(files == 2);
  REQUIRE(rmdir("/data/m") == 0);
  printf("all removed\n");
  return CHECK_DONE();
}
