// -pthread: ten path functions resolve into a static struct __wasip2_fs_at
// (src/include/wasip2_fs.h says why that is safe: nothing on those paths can
// switch threads).  Two threads take turns (each yields between calls, so
// their calls interleave) creating, stat'ing, opening, linking, renaming
// and removing names in two trees; every answer must be about the thread's
// own path.  path_threads.test.mjs also checks the proof: the linker
// instruments none of the ten for a thread switch.
//! cflags: -pthread -O2
//! dir: /data
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/libc-find-relpath.h>
#include "check.h"

#define ROUNDS 20

// the other thread's turn after every call, so the two threads' calls interleave
static int turn(int ok) {
  int e = errno;
  sched_yield();
  errno = e;
  return ok;
}

static void *worker(void *arg) {
  const char *me = arg;
  char dir[64], file[96], link[96], sym[96], got[96];
  snprintf(dir, sizeof dir, "/data/%s", me);
  int before = check_failures;
  CHECK(turn(mkdirat(AT_FDCWD, dir, 0755) == 0), "%s", me);
  for (int i = 0; i < ROUNDS; i++) {
    snprintf(file, sizeof file, "%s/f%d", dir, i);
    snprintf(link, sizeof link, "%s/l%d", dir, i);
    snprintf(sym, sizeof sym, "%s/s%d", dir, i);
    int fd = openat(AT_FDCWD, file, O_CREAT | O_WRONLY, 0644);
    CHECK(turn(fd >= 0), "%s", me);
    CHECK(turn(write(fd, me, strlen(me)) == (ssize_t)strlen(me)), "%s", me);
    CHECK(turn(close(fd) == 0), "%s", me);
    struct stat st;
    CHECK(turn(fstatat(AT_FDCWD, file, &st, 0) == 0 && st.st_size == (off_t)strlen(me)), "%s", me);
    CHECK(turn(faccessat(AT_FDCWD, file, R_OK, 0) == 0), "%s", me);
    CHECK(turn(symlinkat(file, AT_FDCWD, sym) == 0), "%s", me);
    ssize_t n = readlinkat(AT_FDCWD, sym, got, sizeof got - 1);
    CHECK(turn(n > 0), "%s", me);
    if (n > 0) { got[n] = 0; CHECK(turn(strcmp(got, file) == 0), "%s", me); }
    CHECK(turn(utimensat(AT_FDCWD, file, NULL, 0) == 0), "%s", me);
    CHECK(turn(linkat(AT_FDCWD, file, AT_FDCWD, link, 0) == 0), "%s", me);
    CHECK(turn(unlinkat(AT_FDCWD, sym, 0) == 0), "%s", me);
    CHECK(turn(unlinkat(AT_FDCWD, link, 0) == 0), "%s", me);
    CHECK(turn(unlinkat(AT_FDCWD, file, 0) == 0), "%s", me);
    CHECK(turn(fstatat(AT_FDCWD, file, &st, 0) == -1 && errno == ENOENT), "%s", me);
  }
  CHECK(turn(unlinkat(AT_FDCWD, dir, AT_REMOVEDIR) == 0), "%s", me);
  return (void *)(long)(check_failures - before);
}

// Never run (argv says so): links what waits (poll, select, epoll, sockets,
// stdio reads) beside the path functions, so the linker's analysis sees
// every function pointer signature a real program has.
static void links_waits(void) {
  struct pollfd p = {0, POLLIN, 0};
  poll(&p, 1, 0);
  fd_set r;
  FD_ZERO(&r);
  select(1, &r, NULL, NULL, NULL);
  struct epoll_event ev;
  epoll_wait(epoll_create1(0), &ev, 1, 0);
  char b[8];
  recv(socket(AF_INET, SOCK_STREAM, 0), b, 1, 0);
  send(3, b, 1, 0);
  fgets(b, sizeof b, stdin);
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc > 5) links_waits();
  const char *pre;
  char rel[64], *relp = rel;
  int pf = __wasilibc_find_relpath("/data/x", &pre, &relp, sizeof rel);
  OK(pf >= 0 && strcmp(rel, "x") == 0, "__wasilibc_find_relpath(/data/x): the preopen, \"x\"");
  pthread_t a, b;
  REQUIRE(pthread_create(&a, NULL, worker, "alpha") == 0);
  REQUIRE(pthread_create(&b, NULL, worker, "beta-thread") == 0);
  void *ra, *rb;
  REQUIRE(pthread_join(a, &ra) == 0 && pthread_join(b, &rb) == 0);
  OK(ra == NULL, "thread alpha: every path call answered about its own paths");
  OK(rb == NULL, "thread beta: every path call answered about its own paths");
  return CHECK_DONE();
}
