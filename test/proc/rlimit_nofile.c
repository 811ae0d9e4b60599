// RLIMIT_NOFILE is enforced: files, sockets, pipes and dups stop with EMFILE
// at the soft limit (1024 by default, as Linux), setrlimit raises it up to
// the hard limit (the fd table's size) and lowers it again, and
// sysconf(_SC_OPEN_MAX) always agrees with getrlimit.
//! dir: /data
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

static int fill(const char *path, int *last) {
  int n = 0, fd;
  *last = -1;
  while ((fd = open(path, O_RDONLY)) >= 0) { *last = fd; n++; }
  return n;
}

static void drain(int from, int to) {
  for (int i = from; i <= to; i++) close(i);
}

int main(void) {
  struct rlimit rl;
  OK(getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur == 1024 && rl.rlim_max >= 1024,
        "default limits %llu/%llu", (unsigned long long)rl.rlim_cur, (unsigned long long)rl.rlim_max);
  OK(sysconf(_SC_OPEN_MAX) == 1024, "sysconf %ld", sysconf(_SC_OPEN_MAX));
  int fd = open("/data/f", O_WRONLY | O_CREAT, 0644);
  OK(fd == 3, "first fd %d", fd);
  close(fd);
  int last, n = fill("/data/f", &last);
  OK(last == 1023 && errno == EMFILE, "files stop at fd %d (%d opened) with %s", last, n, strerror(errno));
  OK(socket(AF_INET, SOCK_STREAM, 0) == -1 && errno == EMFILE, "socket at the limit: EMFILE");
  int p[2];
  OK(pipe(p) == -1 && errno == EMFILE, "pipe at the limit: EMFILE");
  OK(dup(3) == -1 && errno == EMFILE, "dup at the limit: EMFILE");
  OK(dup2(3, 1024) == -1 && errno == EBADF, "dup2 to the limit: EBADF");
  OK(fcntl(3, F_DUPFD, 1024) == -1 && errno == EINVAL, "F_DUPFD at the limit: EINVAL");
  close(500);
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  OK(s == 500, "a socket takes the freed slot: %d", s);
  close(s);
  // accept at the limit: EMFILE, and the connection stays queued (as Linux)
  close(500);
  close(501);
  close(502);
  int l = socket(AF_INET, SOCK_STREAM, 0), c = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = check_lo4(0);
  socklen_t al = sizeof a;
  OK(bind(l, (struct sockaddr *)&a, sizeof a) == 0 && listen(l, 4) == 0 &&
        getsockname(l, (struct sockaddr *)&a, &al) == 0 && connect(c, (struct sockaddr *)&a, sizeof a) == 0, "listen + connect");
  int x = open("/data/f", O_RDONLY); // the last free slot
  OK(x == 502, "last slot %d", x);
  OK(accept(l, NULL, NULL) == -1 && errno == EMFILE, "accept at the limit: %s", strerror(errno));
  close(x);
  int got = accept(l, NULL, NULL);
  OK(got == 502 && write(c, "k", 1) == 1, "the queued connection is accepted once a slot is free: %d", got);
  char k = 0;
  OK(read(got, &k, 1) == 1 && k == 'k', "and carries data");
  close(got);
  close(c);
  close(l);
  OK(open("/data/f", O_RDONLY) == 500 && open("/data/f", O_RDONLY) == 501 && open("/data/f", O_RDONLY) == 502, "refill");

  // raise: 5000 descriptors open fine, the next one is EMFILE
  rl.rlim_cur = 5003;
  OK(setrlimit(RLIMIT_NOFILE, &rl) == 0 && sysconf(_SC_OPEN_MAX) == 5003, "raise to 5003");
  n = fill("/data/f", &last);
  OK(last == 5002 && errno == EMFILE, "then up to fd %d (%d more)", last, n);
  drain(3, 5002);
  // lower below fds in use: they stay open, new ones stop at the limit
  for (int i = 0; i < 100; i++) open("/data/f", O_RDONLY);
  rl.rlim_cur = 50;
  OK(setrlimit(RLIMIT_NOFILE, &rl) == 0 && sysconf(_SC_OPEN_MAX) == 50, "lower to 50");
  struct rlimit now;
  OK(getrlimit(RLIMIT_NOFILE, &now) == 0 && now.rlim_cur == 50, "getrlimit reports %llu", (unsigned long long)now.rlim_cur);
  OK(open("/data/f", O_RDONLY) == -1 && errno == EMFILE, "no new fd above the lowered limit");
  char b;
  OK(read(90, &b, 1) == 0, "fd 90, opened before, still works");
  close(10);
  OK(open("/data/f", O_RDONLY) == 10, "a free slot below the limit is used");
  drain(3, 102);
  // the hard limit: raising it is EPERM, the soft limit cannot pass it
  struct rlimit over = { rl.rlim_max + 1, rl.rlim_max + 1 };
  OK(setrlimit(RLIMIT_NOFILE, &over) == -1 && errno == EPERM, "raise hard: EPERM");
  struct rlimit inv = { rl.rlim_max + 1, rl.rlim_max };
  OK(setrlimit(RLIMIT_NOFILE, &inv) == -1 && errno == EINVAL, "soft above hard: EINVAL");
  return CHECK_DONE();
}
