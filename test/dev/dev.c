// /dev files without any preopen, through the descriptor table.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  char buf[4096];
  int fd = open("/dev/null", O_RDWR);
  REQUIRE(fd >= 3);
  CHECK(write(fd, "x", 1) == 1 && read(fd, buf, sizeof buf) == 0);
  close(fd);
  printf("/dev/null: writes vanish, reads EOF\n");

  fd = open("/dev/zero", O_RDONLY);
  memset(buf, 0xaa, sizeof buf);
  CHECK(read(fd, buf, sizeof buf) == sizeof buf);
  for (size_t i = 0; i < sizeof buf; i++) CHECK(buf[i] == 0);
  close(fd);
  printf("/dev/zero: 4096 zero bytes\n");

  fd = open("/dev/urandom", O_RDONLY);
  CHECK(read(fd, buf, 64) == 64);
  int nz = 0;
  for (int i = 0; i < 64; i++) nz += buf[i] != 0;
  CHECK(nz > 32);
  close(fd);
  fd = open("/dev/random", O_RDONLY);
  CHECK(read(fd, buf, 16) == 16);
  close(fd);
  printf("/dev/urandom, /dev/random: random bytes\n");

  fd = open("/dev/full", O_WRONLY);
  CHECK(write(fd, "x", 1) == -1 && errno == ENOSPC);
  close(fd);
  printf("/dev/full: ENOSPC\n");

  fd = open("/dev/stdout", O_WRONLY);
  REQUIRE(fd >= 0);
  CHECK(write(fd, "via /dev/stdout\n", 16) == 16);
  close(fd);
  FILE *f = fopen("/dev/stderr", "w");
  REQUIRE(f);
  fprintf(f, "via /dev/stderr\n");
  fclose(f);

  struct stat st;
  CHECK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
  CHECK(stat("/dev/zero", &st) == 0 && S_ISCHR(st.st_mode));
  fd = open("/dev/urandom", O_RDONLY);
  CHECK(fstat(fd, &st) == 0 && S_ISCHR(st.st_mode));
  close(fd);
  printf("stat: character devices\n");
  CHECK(open("/dev/nonexistent", O_RDONLY) == -1);
  return CHECK_DONE();
}
//! stdout-contains: via /dev/stdout
