// readdir's d_ino equals lstat's st_ino for every entry (files, a hard
// link, a directory, a symlink), "." has the directory's own st_ino, and two
// hard links of one file share their d_ino: programs (find, du, tar, CPython's
// os.scandir) compare the two to spot hard links and loops.  Compared with
// Linux.
//! dir: /data
// oracle: linux
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  const char *root = getenv("TEST_DIR") ? getenv("TEST_DIR") : "/data";
  char top[512];
  snprintf(top, sizeof top, "%s/inos", root);
  REQUIRE(mkdir(top, 0755) == 0);
  int dfd = open(top, O_RDONLY | O_DIRECTORY);
  REQUIRE(dfd >= 0);
  int fd = openat(dfd, "file", O_CREAT | O_WRONLY, 0644);
  REQUIRE(fd >= 0);
  close(fd);
  REQUIRE(linkat(dfd, "file", dfd, "hardlink", 0) == 0);
  REQUIRE(mkdirat(dfd, "sub", 0755) == 0);
  REQUIRE(symlinkat("file", dfd, "symlink") == 0);
  fd = openat(dfd, "other", O_CREAT | O_WRONLY, 0644);
  REQUIRE(fd >= 0);
  close(fd);

  DIR *d = opendir(top);
  REQUIRE(d);
  struct dirent *e;
  int seen = 0, agree = 0;
  ino_t file_ino = 0, link_ino = 0, other_ino = 0;
  while ((e = readdir(d))) {
    if (!strcmp(e->d_name, "..")) continue;  // above a preopen the host may not say
    struct stat st;
    REQUIRE(fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0, "%s", e->d_name);
    seen++;
    if (e->d_ino == st.st_ino) agree++;
    else printf("FAIL %s: d_ino %llu, st_ino %llu\n", e->d_name, (unsigned long long)e->d_ino, (unsigned long long)st.st_ino);
    if (!strcmp(e->d_name, "file")) file_ino = e->d_ino;
    if (!strcmp(e->d_name, "hardlink")) link_ino = e->d_ino;
    if (!strcmp(e->d_name, "other")) other_ino = e->d_ino;
  }
  closedir(d);
  OK(seen == 6, "6 entries besides \"..\"");
  OK(agree == seen, "d_ino == lstat's st_ino for each");
  OK(file_ino && file_ino == link_ino, "hard links share their d_ino");
  OK(other_ino && other_ino != file_ino, "another file has another");
  struct stat dst;
  REQUIRE(fstat(dfd, &dst) == 0);
  d = fdopendir(dfd);
  REQUIRE(d);
  while ((e = readdir(d)) && strcmp(e->d_name, ".")) {}
  OK(e && e->d_ino == dst.st_ino, "\".\" has the directory's st_ino");
  closedir(d);
  return CHECK_DONE();
}
