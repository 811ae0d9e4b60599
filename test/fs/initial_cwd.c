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
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s (errno %d)\n", __LINE__, #c, errno); return 1; } } while (0)
int main(void) {
  char buf[256];
  int fd = open("rel.txt", O_CREAT | O_WRONLY, 0644);
  CHECK(fd >= 0);
  CHECK(write(fd, "x", 1) == 1);
  close(fd);
  CHECK(access("/data/rel.txt", F_OK) == 0);
  CHECK(getcwd(buf, sizeof buf) && strcmp(buf, "/data") == 0);
  CHECK(getcwd(buf, 3) == NULL && errno == ERANGE);
  errno = 0;
  CHECK(chdir("") == -1 && errno == ENOENT);
  CHECK(chdir("../other") == 0 && getcwd(buf, sizeof buf) && strcmp(buf, "/other") == 0);
  CHECK(access("../data/rel.txt", F_OK) == 0);
  CHECK(chdir("../../..") == 0 && getcwd(buf, sizeof buf) && strcmp(buf, "/") == 0);
  CHECK(chdir("rel.txt") == -1);
  CHECK(chdir("data/rel.txt") == -1 && errno == ENOTDIR);
  printf("ok: initial cwd /data, relative paths, chdir and getcwd\n");
  return 0;
}
