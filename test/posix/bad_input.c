// Bad input for every call family, with Linux as the oracle: closed fd, -1,
// 1<<30, the wrong kind of fd, length 0 and SIZE_MAX, NULL, the wrong
// family, address lengths 0/short/huge, bad flags, iovcnt 0/-1/IOV_MAX+1,
// EMFILE at a lowered RLIMIT_NOFILE.  Prints one line per call ("name: -1
// ENAME" or "name: value"); bad_input.test.mjs builds it with gcc too and
// compares the two outputs line by line (documented differences aside).
// Run alone (wasip2-run --dir), it still checks the rules of issue 13 itself.
//! args: /data
//! dir: /data
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

#define UIO_MAX 1024 // Linux's IOV_MAX
#define BIG (1 << 30)

static const char *ename(int e) {
#define N(x) case x: return #x;
  switch (e) {
  N(EPERM) N(ENOENT) N(EBADF) N(EAGAIN) N(ENOMEM) N(EACCES) N(EFAULT) N(EBUSY) N(EEXIST)
  N(ENOTDIR) N(EISDIR) N(EINVAL) N(EMFILE) N(ENOSPC) N(ESPIPE) N(EROFS) N(EPIPE) N(ERANGE)
  N(ENAMETOOLONG) N(ENOSYS) N(ENOTSOCK) N(EDESTADDRREQ) N(EMSGSIZE) N(EPROTOTYPE)
  N(ENOPROTOOPT) N(EPROTONOSUPPORT) N(EOPNOTSUPP) N(EAFNOSUPPORT) N(EADDRINUSE)
  N(EADDRNOTAVAIL) N(ENOTCONN) N(EISCONN) N(ECONNREFUSED) N(EINPROGRESS) N(EALREADY)
  N(ENOTTY) N(EOVERFLOW) N(EIO) N(ELOOP) N(EXDEV) N(ENOTEMPTY)
  default: return "E?";
  }
#undef N
}

static void report(const char *name, long r, int e) {
  if (r < 0) printf("%s: -1 %s\n", name, ename(e));
  else printf("%s: %ld\n", name, r);
}
// the call's value (or -1 and errno)
#define T(name, call) do { errno = 0; long r_ = (long)(call); report(name, r_, errno); } while (0)
// the call's errno only; a success prints "ok" (fd numbers, byte counts that may differ)
#define E(name, call) do { errno = 0; long r_ = (long)(call); if (r_ >= 0) printf("%s: ok\n", name); else report(name, r_, errno); } while (0)
// a rule of issue 13 that holds on Linux and here
#define MUST(name, call, want_errno) do { errno = 0; long r_ = (long)(call); report(name, r_, errno); \
  if (r_ != -1 || errno != (want_errno)) { printf("FAIL %s: want -1 %s\n", name, ename(want_errno)); check_failures++; } } while (0)

static char buf[256];
static volatile size_t huge = SIZE_MAX; // volatile: no compile-time overflow warnings

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: bad_input DIR\n"); return 2; }
  const char *dir = argv[1];
  char path[512], sub[600];
  signal(SIGPIPE, SIG_IGN);
  snprintf(path, sizeof path, "%s/ten", dir);
  int f = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
  if (f < 0 || write(f, "0123456789", 10) != 10 || lseek(f, 0, SEEK_SET) != 0) { perror("setup"); return 2; }
  int dfd = open(dir, O_RDONLY | O_DIRECTORY);
  int p[2];
  if (dfd < 0 || pipe(p) < 0) { perror("setup"); return 2; }
  fcntl(p[0], F_SETFL, O_NONBLOCK);
  fcntl(p[1], F_SETFL, O_NONBLOCK);
  int u = socket(AF_INET, SOCK_DGRAM, 0), t = socket(AF_INET, SOCK_STREAM, 0);
  int c = dup2(f, 100);
  close(c); // c: a closed fd no later call reuses
  if (u < 0 || t < 0) { perror("socket"); return 2; }
  struct sockaddr_in a4 = check_lo4(9); // discard: nothing listens on loopback here
  struct sockaddr_in6 a6 = check_lo6(0);
  struct sockaddr_storage ss;
  memset(&ss, 0, sizeof ss);
  ss.ss_family = AF_INET;

  // ---- read/write
  T("read closed", read(c, buf, 1));
  T("read -1", read(-1, buf, 1));
  T("read 1<<30", read(BIG, buf, 1));
  T("read dir", read(dfd, buf, 1));
  T("read write-end", read(p[1], buf, 1));
  T("read len 0", read(f, buf, 0));
  MUST("read SIZE_MAX", read(f, buf, huge), EFAULT);
  T("read NULL", read(f, NULL, 1));
  T("read empty pipe", read(p[0], buf, 1));
  T("read unconnected tcp", read(t, buf, 1));
  T("read file", read(f, buf, 4));
  T("write closed", write(c, buf, 1));
  T("write -1", write(-1, buf, 1));
  T("write 1<<30", write(BIG, buf, 1));
  T("write dir", write(dfd, buf, 1));
  T("write read-end", write(p[0], buf, 1));
  T("write len 0", write(f, buf, 0));
  MUST("write SIZE_MAX", write(f, buf, huge), EFAULT);
  MUST("write pipe SIZE_MAX", write(p[1], buf, huge), EFAULT);
  T("write NULL", write(f, NULL, 1));
  T("write unconnected tcp", write(t, buf, 1));
  T("write unconnected udp", write(u, buf, 1));

  // ---- pread/pwrite
  T("pread closed", pread(c, buf, 1, 0));
  T("pread -1 neg", pread(-1, buf, 1, -1));
  T("pread neg", pread(f, buf, 1, -1));
  T("pread pipe", pread(p[0], buf, 1, 0));
  T("pread socket", pread(u, buf, 1, 0));
  T("pread dir", pread(dfd, buf, 1, 0));
  MUST("pread SIZE_MAX", pread(f, buf, huge, 0), EFAULT);
  MUST("pread off+len overflow", pread(f, buf, 10, INT64_MAX - 5), EINVAL);
  T("pread len 0 at max", pread(f, buf, 0, INT64_MAX));
  T("pread", pread(f, buf, 4, 2));
  T("pread past end", pread(f, buf, 4, 100));
  T("pwrite closed", pwrite(c, buf, 1, 0));
  T("pwrite neg", pwrite(f, buf, 1, -1));
  T("pwrite pipe", pwrite(p[1], buf, 1, 0));
  MUST("pwrite SIZE_MAX", pwrite(f, buf, huge, 0), EFAULT);
  MUST("pwrite off+len overflow", pwrite(f, buf, 10, INT64_MAX - 5), EINVAL);
  T("pwrite NULL", pwrite(f, NULL, 1, 0));
  T("pwrite len 0", pwrite(f, buf, 0, 0));

  // ---- readv/writev/preadv/pwritev
  struct iovec iov[2] = { { buf, 2 }, { buf + 2, 2 } }, nulliov = { NULL, 1 }, maxiov = { buf, huge };
  static struct iovec many[UIO_MAX + 1];
  for (int i = 0; i <= UIO_MAX; i++) { many[i].iov_base = buf; many[i].iov_len = 0; }
  T("readv closed", readv(c, iov, 2));
  T("readv iovcnt 0", readv(f, iov, 0));
  T("readv iovcnt -1", readv(f, iov, -1));
  T("readv iovcnt IOV_MAX+1", readv(f, many, UIO_MAX + 1));
  T("readv iovcnt IOV_MAX", readv(f, many, UIO_MAX));
  T("readv NULL iov", readv(f, NULL, 1));
  T("readv NULL base", readv(f, &nulliov, 1));
  T("readv len SIZE_MAX", readv(f, &maxiov, 1));
  T("readv dir", readv(dfd, iov, 2));
  T("writev closed", writev(c, iov, 2));
  T("writev iovcnt 0", writev(f, iov, 0));
  T("writev iovcnt -1", writev(f, iov, -1));
  T("writev iovcnt IOV_MAX+1", writev(f, many, UIO_MAX + 1));
  T("writev NULL iov", writev(f, NULL, 1));
  T("writev NULL base", writev(f, &nulliov, 1));
  T("writev len SIZE_MAX", writev(f, &maxiov, 1));
  T("writev read-end", writev(p[0], iov, 2));
  T("preadv neg", preadv(f, iov, 2, -1));
  T("preadv iovcnt -1", preadv(f, iov, -1, 0));
  T("preadv pipe", preadv(p[0], iov, 2, 0));
  T("preadv", preadv(f, iov, 2, 0));
  T("pwritev neg", pwritev(f, iov, 2, -1));
  T("pwritev iovcnt IOV_MAX+1", pwritev(f, many, UIO_MAX + 1, 0));
  T("pwritev NULL base", pwritev(f, &nulliov, 1, 0));

  // ---- send/recv family
  T("send closed", send(c, buf, 1, 0));
  T("send -1", send(-1, buf, 1, 0));
  T("send 1<<30", send(BIG, buf, 1, 0));
  T("send file", send(f, buf, 1, 0));
  T("send unconnected udp", send(u, buf, 1, 0));
  T("send unconnected tcp", send(t, buf, 1, MSG_NOSIGNAL));
  T("send len 0 unconnected udp", send(u, buf, 0, 0));
  T("send NULL udp", send(u, NULL, 1, 0));
  T("recv closed", recv(c, buf, 1, 0));
  T("recv file", recv(f, buf, 1, 0));
  T("recv unconnected tcp", recv(t, buf, 1, 0));
  T("recv udp nothing", recv(u, buf, 1, MSG_DONTWAIT));
  T("recv udp len 0", recv(u, buf, 0, MSG_DONTWAIT));
  T("recv MSG_OOB udp", recv(u, buf, 1, MSG_OOB | MSG_DONTWAIT));
  T("sendto closed", sendto(c, buf, 1, 0, (struct sockaddr *)&a4, sizeof a4));
  T("sendto file", sendto(f, buf, 1, 0, (struct sockaddr *)&a4, sizeof a4));
  T("sendto addrlen 0", sendto(u, buf, 1, 0, (struct sockaddr *)&a4, 0));
  T("sendto addrlen short", sendto(u, buf, 1, 0, (struct sockaddr *)&a4, sizeof(sa_family_t) + 1));
  MUST("sendto addrlen huge", sendto(u, buf, 1, 0, (struct sockaddr *)&a4, 0x40000000), EINVAL);
  MUST("sendto addrlen storage+1", sendto(u, buf, 1, 0, (struct sockaddr *)&ss, sizeof ss + 1), EINVAL);
  T("sendto addrlen storage", sendto(u, buf, 1, 0, (struct sockaddr *)&ss, sizeof ss));
  T("sendto NULL addr len 16", sendto(u, buf, 1, 0, NULL, 16));
  T("sendto wrong family", sendto(u, buf, 1, 0, (struct sockaddr *)&a6, sizeof a6));
  T("sendto tcp unconnected", sendto(t, buf, 1, MSG_NOSIGNAL, (struct sockaddr *)&a4, sizeof a4));
  MUST("sendto tcp addrlen huge", sendto(t, buf, 1, MSG_NOSIGNAL, (struct sockaddr *)&a4, 0x40000000), EINVAL);
  T("recvfrom closed", recvfrom(c, buf, 1, 0, NULL, NULL));
  struct msghdr m;
  memset(&m, 0, sizeof m);
  m.msg_iov = iov;
  m.msg_iovlen = 2;
  T("sendmsg NULL msg", sendmsg(u, NULL, 0));
  T("sendmsg closed", sendmsg(c, &m, 0));
  T("sendmsg file", sendmsg(f, &m, 0));
  T("sendmsg no address", sendmsg(u, &m, 0));
  m.msg_name = &a4;
  m.msg_namelen = 0x40000000; // Linux clamps msg_namelen instead of refusing it
  E("sendmsg namelen huge", sendmsg(u, &m, 0));
  m.msg_namelen = 3;
  T("sendmsg namelen short", sendmsg(u, &m, 0));
  m.msg_namelen = sizeof a4;
  m.msg_iovlen = UIO_MAX + 1;
  m.msg_iov = many;
  T("sendmsg iovlen IOV_MAX+1", sendmsg(u, &m, 0));
  m.msg_iov = &nulliov;
  m.msg_iovlen = 1;
  T("sendmsg NULL base", sendmsg(u, &m, 0));
  m.msg_iov = iov;
  m.msg_iovlen = 2;
  E("sendmsg", sendmsg(u, &m, 0));
  T("recvmsg NULL msg", recvmsg(u, NULL, 0));
  T("recvmsg closed", recvmsg(c, &m, 0));
  m.msg_iovlen = UIO_MAX + 1;
  m.msg_iov = many;
  T("recvmsg iovlen IOV_MAX+1", recvmsg(u, &m, MSG_DONTWAIT));

  // ---- addresses in: connect/bind
  int t2 = socket(AF_INET, SOCK_STREAM, 0);
  T("connect closed", connect(c, (struct sockaddr *)&a4, sizeof a4));
  T("connect file", connect(f, (struct sockaddr *)&a4, sizeof a4));
  T("connect file addrlen huge", connect(f, (struct sockaddr *)&a4, 0x40000000));
  T("connect addrlen 0", connect(t2, (struct sockaddr *)&a4, 0));
  T("connect addrlen short", connect(t2, (struct sockaddr *)&a4, sizeof(sa_family_t) + 1));
  MUST("connect addrlen huge", connect(t2, (struct sockaddr *)&a4, 0x40000000), EINVAL);
  MUST("connect addrlen storage+1", connect(t2, (struct sockaddr *)&ss, sizeof ss + 1), EINVAL);
  MUST("connect NULL len 16", connect(t2, NULL, 16), EFAULT);
  T("connect NULL len 0", connect(t2, NULL, 0));
  T("connect wrong family", connect(t2, (struct sockaddr *)&a6, sizeof a6));
  T("connect udp addrlen huge", connect(u, (struct sockaddr *)&a4, 0x40000000));
  T("connect udp NULL len 16", connect(u, NULL, 16));
  T("bind closed", bind(c, (struct sockaddr *)&a4, sizeof a4));
  T("bind file", bind(f, (struct sockaddr *)&a4, sizeof a4));
  T("bind file addrlen huge", bind(f, (struct sockaddr *)&a4, 0x40000000));
  T("bind addrlen 0", bind(t2, (struct sockaddr *)&a4, 0));
  T("bind addrlen short", bind(t2, (struct sockaddr *)&a4, sizeof(sa_family_t) + 1));
  MUST("bind addrlen huge", bind(t2, (struct sockaddr *)&a4, 0x40000000), EINVAL);
  MUST("bind NULL len 16", bind(t2, NULL, 16), EFAULT);
  T("bind NULL len 0", bind(t2, NULL, 0));
  T("bind wrong family", bind(t2, (struct sockaddr *)&a6, sizeof a6));
  close(t2);

  // ---- socket and friends
  T("socket bad domain", socket(12345, SOCK_STREAM, 0));
  T("socket bad type", socket(AF_INET, 12345, 0));
  T("socket bad protocol", socket(AF_INET, SOCK_STREAM, 12345));
  T("socket udp with tcp", socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP));
  T("socket bad flags", socket(AF_INET, SOCK_STREAM | 0x10000000, 0));
  socklen_t sl = sizeof a4;
  T("getsockname closed", getsockname(c, (struct sockaddr *)&a4, &sl));
  T("getsockname file", getsockname(f, (struct sockaddr *)&a4, &sl));
  T("getsockname NULL len", getsockname(u, (struct sockaddr *)&a4, NULL));
  T("getpeername unconnected udp", getpeername(u, (struct sockaddr *)&a4, &sl));
  T("getpeername unconnected tcp NULL", getpeername(t, NULL, NULL));
  a4.sin_family = AF_INET;
  int v = 1;
  socklen_t vl = sizeof v;
  T("getsockopt closed", getsockopt(c, SOL_SOCKET, SO_TYPE, &v, &vl));
  T("getsockopt file", getsockopt(f, SOL_SOCKET, SO_TYPE, &v, &vl));
  T("getsockopt bad name", getsockopt(u, SOL_SOCKET, 12345, &v, &vl));
  T("getsockopt NULL len", getsockopt(u, SOL_SOCKET, SO_TYPE, &v, NULL));
  T("setsockopt short len", setsockopt(u, SOL_SOCKET, SO_REUSEADDR, &v, 1));
  T("setsockopt NULL val", setsockopt(u, SOL_SOCKET, SO_REUSEADDR, NULL, sizeof v));
  T("setsockopt bad name", setsockopt(u, SOL_SOCKET, 12345, &v, sizeof v));
  T("listen file", listen(f, 1));
  T("listen udp", listen(u, 1));
  T("listen closed", listen(c, 1));
  T("accept unlistened", accept(t, NULL, NULL));
  T("accept udp", accept(u, NULL, NULL));
  T("accept file", accept(f, NULL, NULL));
  T("accept4 bad flags", accept4(t, NULL, NULL, 0x10000000));
  T("shutdown bad how", shutdown(t, 99));
  T("shutdown unconnected", shutdown(t, SHUT_RD));
  T("shutdown file", shutdown(f, SHUT_RD));

  // ---- bad flags
  T("send unknown flag", send(u, buf, 1, 0x10000000));
  T("sendto unknown flag", sendto(u, buf, 1, 0x10000000, (struct sockaddr *)&a4, sizeof a4));
  T("recv unknown flag", recv(u, buf, 1, MSG_DONTWAIT | 0x10000000));
  T("dup3 bad flags", dup3(f, 50, 0x1234));
  T("dup3 same fd", dup3(f, f, 0));
  T("pipe2 bad flags", pipe2(p, 0x1234));
  T("unlinkat bad flags", unlinkat(AT_FDCWD, path, 0x1234));
  struct stat st;
  T("fstatat bad flags", fstatat(AT_FDCWD, path, &st, 0x1234));
  T("faccessat bad mode", faccessat(AT_FDCWD, path, 0x40, 0));
  T("getrandom bad flags", getrandom(buf, 4, 0x1234));
  T("shutdown -1 how", shutdown(t, -1));

  // ---- descriptors
  T("close closed", close(c));
  T("close -1", close(-1));
  T("close 1<<30", close(BIG));
  T("dup closed", dup(c));
  T("dup2 to -1", dup2(f, -1));
  T("dup2 to 1<<30", dup2(f, BIG));
  T("dup2 from closed", dup2(c, 200));
  T("fcntl F_DUPFD -1", fcntl(f, F_DUPFD, -1));
  T("fcntl F_DUPFD 1<<30", fcntl(f, F_DUPFD, BIG));
  T("fcntl bad cmd", fcntl(f, 12345));
  T("fcntl closed", fcntl(c, F_GETFL));
  T("lseek bad whence", lseek(f, 0, 99));
  T("lseek negative", lseek(f, -1, SEEK_SET));
  T("lseek pipe", lseek(p[0], 0, SEEK_CUR));
  T("lseek socket", lseek(u, 0, SEEK_CUR));
  T("lseek closed", lseek(c, 0, SEEK_CUR));
  T("open NULL", open(NULL, O_RDONLY));
  T("open empty", open("", O_RDONLY));
  snprintf(sub, sizeof sub, "%s/ten/x", dir);
  T("open through file", open(sub, O_RDONLY));
  T("open dir for write", open(dir, O_WRONLY));
  T("open O_CREAT|O_DIRECTORY", open(path, O_CREAT | O_DIRECTORY | O_RDONLY, 0644));
  static char longname[5000];
  memset(longname, 'a', sizeof longname - 1);
  T("open name too long", open(longname, O_RDONLY));
  T("poll NULL", poll(NULL, 1, 0));
  struct pollfd pf[2] = { { -1, POLLIN, 0 }, { c, POLLIN, 0 } };
  T("poll fd -1", poll(pf, 1, 0));
  T("poll closed fd", poll(pf + 1, 1, 0));
  printf("poll closed fd revents: %d\n", pf[1].revents == POLLNVAL);
  struct rlimit rl;
  T("getrlimit bad", getrlimit(99, &rl));
  T("getrlimit NULL", getrlimit(RLIMIT_NOFILE, NULL));
  getrlimit(RLIMIT_NOFILE, &rl);
  struct rlimit inv = { 10, 5 };
  T("setrlimit cur>max", setrlimit(RLIMIT_NOFILE, &inv));
  struct rlimit more = { rl.rlim_max + 1, rl.rlim_max + 1 };
  if (rl.rlim_max != RLIM_INFINITY) T("setrlimit above hard", setrlimit(RLIMIT_NOFILE, &more));
  else printf("setrlimit above hard: -1 EPERM\n");

  // ---- RLIMIT_NOFILE: EMFILE at the soft limit, and what depends on it
  struct rlimit low = { 64, rl.rlim_max };
  T("setrlimit 64", setrlimit(RLIMIT_NOFILE, &low));
  printf("sysconf open max equals soft limit: %d\n", sysconf(_SC_OPEN_MAX) == 64);
  int last = -1, fd;
  while ((fd = open(path, O_RDONLY)) >= 0) last = fd;
  printf("emfile: last fd %d, then %s\n", last, ename(errno));
  CHECK(last == 63 && errno == EMFILE, "emfile");
  T("socket at limit", socket(AF_INET, SOCK_DGRAM, 0));
  T("dup at limit", dup(f));
  T("pipe at limit", pipe(p));
  T("dup2 to limit", dup2(f, 64));
  T("dup2 below limit", dup2(f, 63));
  T("fcntl F_DUPFD limit", fcntl(f, F_DUPFD, 64));
  struct pollfd pbig[65];
  for (int i = 0; i < 65; i++) { pbig[i].fd = -1; pbig[i].events = 0; }
  T("poll nfds over limit", poll(pbig, 65, 0));
  for (int i = 40; i <= 63; i++) close(i);
  T("open after close", open(path, O_RDONLY));
  T("setrlimit back", setrlimit(RLIMIT_NOFILE, &rl));
  printf("sysconf open max equals soft limit: %d\n", sysconf(_SC_OPEN_MAX) == (long)rl.rlim_cur);
  return CHECK_DONE();
}
