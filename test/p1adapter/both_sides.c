// p1-adapter mode: this object calls wasi_snapshot_preview1 functions itself (as objects built
// for wasm32-wasi do) next to our libc, in one component (-Wl,--wasi-p1-adapter composes jco's
// adapter).  Checks: both sides write to the shared stdout; descriptors our libc opens are
// EBADF to preview1 calls (reserved in the adapter) and free again after close; the adapter's
// own preopen (fd 3 there) works for preview1 code and never aliases one of our numbers.
//! cflags: -Wl,--wasi-p1-adapter
//! dir: /data
//! no-leak-check
//! stdout-contains: p1: hello through the adapter
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

#define P1(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(name)))
typedef struct { const void *buf; uint32_t len; } ciovec;
typedef struct { void *buf; uint32_t len; } iovec_p1;
P1("fd_write") int32_t p1_fd_write(int32_t fd, const ciovec *iovs, int32_t n, uint32_t *written);
P1("fd_read") int32_t p1_fd_read(int32_t fd, const iovec_p1 *iovs, int32_t n, uint32_t *nread);
P1("fd_prestat_get") int32_t p1_fd_prestat_get(int32_t fd, void *prestat);
P1("fd_prestat_dir_name") int32_t p1_fd_prestat_dir_name(int32_t fd, char *path, uint32_t len);
P1("path_open") int32_t p1_path_open(int32_t dirfd, uint32_t lookupflags, const char *path, uint32_t pathlen,
                                     uint16_t oflags, uint64_t rights, uint64_t rights_inh, uint16_t fdflags, int32_t *fd);
P1("fd_close") int32_t p1_fd_close(int32_t fd);
#define P1_BADF 8

static int32_t p1_write_str(int fd, const char *s) {
  ciovec v = { s, (uint32_t)strlen(s) };
  uint32_t n = 0;
  return p1_fd_write(fd, &v, 1, &n);
}

int main(void) {
  printf("libc: hello\n");
  fflush(stdout);
  OK(p1_write_str(1, "p1: hello through the adapter\n") == 0, "preview1 fd_write(1) reaches the shared stdout");

  // A descriptor of ours that is not a file: dup(1).
  int d = dup(1);
  OK(d > 2, "dup(1) gives a new descriptor");
  OK(p1_write_str(d, "must not appear\n") == P1_BADF, "preview1 fd_write on our dup'd fd: EBADF");
  OK(write(d, "libc: write on the dup'd fd\n", 28) == 28, "libc write on the same fd works");
  close(d);
  OK(p1_write_str(d, "must not appear\n") == P1_BADF, "after close: still EBADF on the preview1 side");

  // The adapter's first preopen is its fd 3: our numbers never land on it.
  uint8_t prestat[8];
  char name[64] = {0};
  int32_t pe = p1_fd_prestat_get(3, prestat);
  int32_t pn = pe == 0 ? p1_fd_prestat_dir_name(3, name, sizeof name - 1) : pe;
  OK(pe == 0 && pn == 0 && strcmp(name, "/data") == 0, "preview1 sees its preopen /data at fd 3");

  int fd = open("/data/shared.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
  printf("libc open -> fd %d\n", fd);
  OK(fd > 3, "libc open skips the adapter's preopen number");
  OK(p1_write_str(fd, "x") == P1_BADF, "preview1 fd_write on our file: EBADF (not the wrong resource)");
  OK(write(fd, "written by libc\n", 16) == 16, "libc writes the file");
  OK(close(fd) == 0, "libc close");

  // Preview1 code opens the same file through its own preopen and reads what libc wrote.
  int32_t pfd = -1;
  const char *rel = "shared.txt";
  int32_t oe = p1_path_open(3, 0, rel, (uint32_t)strlen(rel), 0, 0x2 /* fd_read */, 0, 0, &pfd);
  char buf[64] = {0};
  iovec_p1 v = { buf, sizeof buf - 1 };
  uint32_t got = 0;
  int32_t re = oe == 0 ? p1_fd_read(pfd, &v, 1, &got) : oe;
  printf("preview1 path_open -> fd %d, read %u bytes\n", pfd, got);
  OK(oe == 0 && re == 0 && strcmp(buf, "written by libc\n") == 0, "preview1 path_open + fd_read see libc's data");

  // While preview1 holds pfd, libc must not hand that number out.
  int fd2 = open("/data/shared.txt", O_RDONLY);
  OK(fd2 >= 0 && fd2 != pfd, "libc open while preview1 holds a descriptor: a different number");
  OK(p1_fd_close(fd2) == P1_BADF, "preview1 fd_close on our fd: EBADF (our descriptor survives)");
  char b2[8] = {0};
  OK(read(fd2, b2, 7) == 7 && strcmp(b2, "written") == 0, "our fd still reads after the refused preview1 close");
  close(fd2);
  OK(p1_fd_close(pfd) == 0, "preview1 closes its own descriptor");

  return CHECK_DONE();
}
