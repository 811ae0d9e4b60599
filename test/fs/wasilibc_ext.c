// Upstream wasi-libc's __wasilibc_* extensions that make sense on WASI 0.2
// work here: preopen population and reset (which closes every fd from 3 up;
// the next path call loads the preopens again), find_relpath, the environ
// controls, the *_nomode opens, tell, fd_renumber, random.
//! dir: /data
//! env: WASIP2_EXT=yes
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wasi/libc.h>
#include <wasi/libc-environ.h>
#include <wasi/libc-find-relpath.h>
#include "check.h"

int main(void) {
  __wasilibc_populate_preopens();
  const char *prefix = NULL;
  char buf[256], *rel = buf;
  int dirfd = __wasilibc_find_relpath("/data/x/y", &prefix, &rel, sizeof buf);
  printf("find_relpath: fd %d prefix '%s' rel '%s'\n", dirfd, prefix ? prefix : "(null)", rel);
  REQUIRE(dirfd != -1 && rel && strcmp(rel, "x/y") == 0);
  // (the descriptor it returns is libc's internal name for the preopen, for
  // the __wasilibc_nocwd_* calls, as upstream's is a preview1 one: not an fd)

  int fd = __wasilibc_open_nomode("/data/f", O_RDWR | O_CREAT);
  REQUIRE(fd >= 3 && write(fd, "abcdef", 6) == 6);
  REQUIRE(__wasilibc_tell(fd) == 6);
  int fd2 = __wasilibc_openat_nomode(AT_FDCWD, "/data/f", O_RDONLY);
  REQUIRE(fd2 > fd && read(fd2, buf, 6) == 6 && memcmp(buf, "abcdef", 6) == 0);
  // renumber moves fd2 onto 20: 20 reads on, fd2 is gone
  REQUIRE(__wasilibc_fd_renumber(fd2, 20) == 0);
  REQUIRE(lseek(20, 0, SEEK_CUR) == 6 && fcntl(fd2, F_GETFD) == -1 && errno == EBADF);

  unsigned char r1[600], r2[600];
  REQUIRE(__wasilibc_random(r1, sizeof r1) == 0 && __wasilibc_random(r2, sizeof r2) == 0);
  REQUIRE(memcmp(r1, r2, sizeof r1) != 0);

  __wasilibc_ensure_environ();
  char **env = __wasilibc_get_environ();
  int found = 0;
  for (char **e = env; e && *e; e++) if (!strcmp(*e, "WASIP2_EXT=yes")) found = 1;
  REQUIRE(found && strcmp(getenv("WASIP2_EXT"), "yes") == 0);

  // reset: every fd from 3 is closed, stdio stays, preopens come back on use
  __wasilibc_reset_preopens();
  errno = 0;
  REQUIRE(fcntl(fd, F_GETFD) == -1 && errno == EBADF);
  errno = 0;
  REQUIRE(fcntl(20, F_GETFD) == -1 && errno == EBADF);
  REQUIRE(fcntl(1, F_GETFD) >= 0);
  printf("after reset, stdout still works\n");
  fd = open("/data/f", O_RDONLY);
  REQUIRE(fd >= 3 && read(fd, buf, 6) == 6 && memcmp(buf, "abcdef", 6) == 0);
  REQUIRE(close(fd) == 0);
  puts("wasilibc extensions ok");
  return CHECK_DONE();
}
