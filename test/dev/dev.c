// /dev files without any preopen, through the descriptor table.
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
  char buf[4096];
  int fd = open("/dev/null", O_RDWR);
  assert(fd >= 3);
  assert(write(fd, "x", 1) == 1 && read(fd, buf, sizeof buf) == 0);
  close(fd);
  printf("/dev/null: writes vanish, reads EOF\n");

  fd = open("/dev/zero", O_RDONLY);
  memset(buf, 0xaa, sizeof buf);
  assert(read(fd, buf, sizeof buf) == sizeof buf);
  for (size_t i = 0; i < sizeof buf; i++) assert(buf[i] == 0);
  close(fd);
  printf("/dev/zero: 4096 zero bytes\n");

  fd = open("/dev/urandom", O_RDONLY);
  assert(read(fd, buf, 64) == 64);
  int nz = 0;
  for (int i = 0; i < 64; i++) nz += buf[i] != 0;
  assert(nz > 32);
  close(fd);
  fd = open("/dev/random", O_RDONLY);
  assert(read(fd, buf, 16) == 16);
  close(fd);
  printf("/dev/urandom, /dev/random: random bytes\n");

  fd = open("/dev/full", O_WRONLY);
  assert(write(fd, "x", 1) == -1 && errno == ENOSPC);
  close(fd);
  printf("/dev/full: ENOSPC\n");

  fd = open("/dev/stdout", O_WRONLY);
  assert(fd >= 0);
  assert(write(fd, "via /dev/stdout\n", 16) == 16);
  close(fd);
  FILE *f = fopen("/dev/stderr", "w");
  assert(f);
  fprintf(f, "via /dev/stderr\n");
  fclose(f);

  struct stat st;
  assert(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
  assert(stat("/dev/zero", &st) == 0 && S_ISCHR(st.st_mode));
  fd = open("/dev/urandom", O_RDONLY);
  assert(fstat(fd, &st) == 0 && S_ISCHR(st.st_mode));
  close(fd);
  printf("stat: character devices\n");
  assert(open("/dev/nonexistent", O_RDONLY) == -1);
  return 0;
}
//! stdout-contains: via /dev/stdout
