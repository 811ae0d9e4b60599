// The program starts in the runner's first --dir (wasi:cli/environment
// initial-cwd), so relative paths work without a chdir; getcwd agrees;
// chdir("..") stops at "/" and "" is never a directory.
//! dir: /data
//! dir: /other
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
int main(void) {
  char buf[256];
  int fd = open("rel.txt", O_CREAT | O_WRONLY, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(write(fd, "x", 1) == 1);
  close(fd);
  REQUIRE(access("/data/rel.txt", F_OK) == 0);
  REQUIRE(getcwd(buf, sizeof buf) && strcmp(buf, "/data") == 0);
  REQUIRE(getcwd(buf, 3) == NULL && errno == ERANGE);
  errno = 0;
  REQUIRE(chdir("") == -1 && errno == ENOENT);
  REQUIRE(chdir("../other") == 0 && getcwd(buf, sizeof buf) && strcmp(buf, "/other") == 0);
  REQUIRE(access("../data/rel.txt", F_OK) == 0);
  REQUIRE(chdir("../../..") == 0 && getcwd(buf, sizeof buf) && strcmp(buf, "/") == 0);
  REQUIRE(chdir("rel.txt") == -1);
  REQUIRE(chdir("data/rel.txt") == -1 && errno == ENOTDIR);
  printf("ok: initial cwd /data, relative paths, chdir and getcwd\n");
  return CHECK_DONE();
}
