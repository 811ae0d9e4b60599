//! timeout: 30
// Socket-layer edge cases on loopback: errors for calls in the wrong state,
// option lengths, zero-length transfers, resets, name-lookup error codes,
// inet_pton/ntop on bad input, gethostbyname of a numeric address.
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

static void states(void) {
  char buf[8];
  CHECK_ERRNO(socket(12345, SOCK_STREAM, 0), EAFNOSUPPORT);
  CHECK_ERRNO(socket(AF_INET, 12345, 0), EINVAL);
  CHECK_ERRNO(socket(AF_INET, SOCK_STREAM, IPPROTO_UDP), EPROTONOSUPPORT);
  CHECK_ERRNO(socket(AF_INET, SOCK_STREAM | 0x100000, 0), EINVAL);   // unknown type flag
  CHECK_ERRNO(accept4(77, NULL, NULL, 0), EBADF);
  int s = socket(AF_INET, SOCK_STREAM, 0);
  OK(s >= 3, "socket");
  // an unbound socket's name is the wildcard address, port 0
  struct sockaddr_in a;
  socklen_t n = sizeof a;
  memset(&a, 0xff, sizeof a);
  CHECK_RET(getsockname(s, (struct sockaddr *)&a, &n), 0);
  OK(n == sizeof a && a.sin_family == AF_INET && a.sin_port == 0 && a.sin_addr.s_addr == 0,
        "unbound name len %u port %u", (unsigned)n, ntohs(a.sin_port));
  // a short buffer gets a truncated address and the full length back
  unsigned char part[6];
  memset(part, 0xee, sizeof part);
  n = 4;
  CHECK_RET(getsockname(s, (struct sockaddr *)part, &n), 0);
  OK(n == sizeof a && part[4] == 0xee, "short getsockname: len %u, overrun %d", (unsigned)n, part[4] != 0xee);
  n = sizeof a;
  CHECK_ERRNO(getpeername(s, (struct sockaddr *)&a, &n), ENOTCONN);
  CHECK_ERRNO(accept(s, NULL, NULL), EINVAL);          // not listening
  CHECK_ERRNO(shutdown(s, SHUT_RDWR), ENOTCONN);       // not connected
  CHECK_ERRNO(shutdown(s, 12345), EINVAL);
  CHECK_ERRNO(recv(s, buf, sizeof buf, 0), ENOTCONN);
  // Linux answers EPIPE for a send on an unconnected TCP socket, POSIX ENOTCONN
  errno = 0;
  OK(send(s, "x", 1, MSG_NOSIGNAL) == -1 && (errno == ENOTCONN || errno == EPIPE), "send unconnected errno %d", errno);
  // access mode and status flags of a socket
  OK((fcntl(s, F_GETFL) & O_ACCMODE) == O_RDWR, "socket F_GETFL O_RDWR");
  OK(fcntl(s, F_SETFL, O_NONBLOCK) == 0 && (fcntl(s, F_GETFL) & (O_ACCMODE | O_NONBLOCK)) == (O_RDWR | O_NONBLOCK), "F_SETFL O_NONBLOCK");
  fcntl(s, F_SETFL, 0);
  int ns = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  OK((fcntl(ns, F_GETFL) & O_NONBLOCK) != 0, "SOCK_NONBLOCK shows in F_GETFL");
  close(ns);
  // seeking and positioned I/O are ESPIPE on sockets
  CHECK_ERRNO(lseek(s, 0, SEEK_CUR), ESPIPE);
  CHECK_ERRNO(pread(s, buf, 1, 0), ESPIPE);
  CHECK_ERRNO(pwrite(s, buf, 1, 0), ESPIPE);
  errno = 0;
  OK(isatty(s) == 0 && errno == ENOTTY, "isatty(socket)");
  // socket calls on a non-socket: ENOTSOCK
  CHECK_ERRNO(listen(1, 1), ENOTSOCK);
  CHECK_ERRNO(getsockname(1, (struct sockaddr *)&a, &n), ENOTSOCK);
  CHECK_ERRNO(shutdown(1, SHUT_RD), ENOTSOCK);
  CHECK_ERRNO(send(1, "x", 1, 0), ENOTSOCK);
  CHECK_ERRNO(listen(77, 1), EBADF);
  // options: short optlen on set is EINVAL; get truncates (POSIX); unknown
  // options are ENOPROTOOPT
  int one = 1;
  CHECK_ERRNO(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, 2), EINVAL);
  CHECK_ERRNO(setsockopt(s, SOL_SOCKET, 0x7777, &one, sizeof one), ENOPROTOOPT);
  CHECK_ERRNO(getsockopt(s, SOL_SOCKET, 0x7777, &one, &n), ENOPROTOOPT);
  int type = 0;
  socklen_t tl = sizeof type;
  CHECK_RET(getsockopt(s, SOL_SOCKET, SO_TYPE, &type, &tl), 0);
  OK(type == SOCK_STREAM && tl == sizeof type, "SO_TYPE %d len %u", type, (unsigned)tl);
  unsigned char small[2] = { 0xee, 0xee };
  tl = 1;
  CHECK_RET(getsockopt(s, SOL_SOCKET, SO_TYPE, small, &tl), 0);
  OK(tl == 1 && small[1] == 0xee, "short getsockopt: len %u, wrote past it %d", (unsigned)tl, small[1] != 0xee);
  // bind: short address EINVAL, wrong family EAFNOSUPPORT, twice EINVAL
  a = check_lo4(0);
  CHECK_ERRNO(bind(s, (struct sockaddr *)&a, sizeof a - 1), EINVAL);
  struct sockaddr_in6 a6;
  memset(&a6, 0, sizeof a6);
  a6.sin6_family = AF_INET6;
  CHECK_ERRNO(bind(s, (struct sockaddr *)&a6, sizeof a6), EAFNOSUPPORT);
  CHECK_RET(bind(s, (struct sockaddr *)&a, sizeof a), 0);
  CHECK_ERRNO(bind(s, (struct sockaddr *)&a, sizeof a), EINVAL);
  CHECK_RET(listen(s, 4), 0);
  CHECK_RET(listen(s, 4), 0); // again: fine
  tl = sizeof type;
  CHECK_RET(getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &type, &tl), 0);
  OK(type == 1, "SO_ACCEPTCONN %d", type);
  CHECK_ERRNO(recv(s, buf, 1, 0), ENOTCONN); // a listening socket has no data
  n = sizeof a;
  getsockname(s, (struct sockaddr *)&a, &n);
  int used = socket(AF_INET, SOCK_STREAM, 0);
  CHECK_ERRNO(bind(used, (struct sockaddr *)&a, sizeof a), EADDRINUSE);
  close(used);
  close(s);
  // UDP: listen/accept are EOPNOTSUPP, an unaddressed send EDESTADDRREQ
  int u = socket(AF_INET, SOCK_DGRAM, 0);
  CHECK_ERRNO(listen(u, 1), EOPNOTSUPP);
  CHECK_ERRNO(accept(u, NULL, NULL), EOPNOTSUPP);
  CHECK_ERRNO(send(u, "x", 1, 0), EDESTADDRREQ);
  CHECK_ERRNO(shutdown(u, SHUT_RD), ENOTCONN);
  OK((fcntl(u, F_GETFL) & O_ACCMODE) == O_RDWR, "udp F_GETFL O_RDWR");
  close(u);
}

static void connected(void) {
  int port;
  int l = check_listen(AF_INET, &port);
  OK(l >= 0, "loopback listener");
  // connect to a port nobody listens on (port 0 included): ECONNREFUSED
  int c = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = check_lo4(0);
  errno = 0;
  OK(connect(c, (struct sockaddr *)&a, sizeof a) == -1 && (errno == ECONNREFUSED || errno == EADDRNOTAVAIL),
        "connect to port 0: errno %d %s", errno, strerror(errno));
  close(c);
  c = socket(AF_INET, SOCK_STREAM, 0);
  a = check_lo4(port);
  CHECK_ERRNO(connect(c, (struct sockaddr *)&a, sizeof a - 1), EINVAL);
  CHECK_RET(connect(c, (struct sockaddr *)&a, sizeof a), 0);
  CHECK_ERRNO(connect(c, (struct sockaddr *)&a, sizeof a), EISCONN);
  CHECK_ERRNO(listen(c, 1), EINVAL);
  struct sockaddr_in peer;
  socklen_t pl = sizeof peer;
  int s = accept(l, (struct sockaddr *)&peer, &pl);
  OK(s >= 0 && pl == sizeof peer && peer.sin_family == AF_INET, "accept: %s", strerror(errno));
  char buf[8];
  // zero-length recv/send: 0, nothing consumed
  CHECK_RET(send(c, buf, 0, 0), 0);
  CHECK_RET(write(c, buf, 0), 0);
  CHECK_RET(send(c, "hi", 2, 0), 2);
  CHECK_RET(recv(s, buf, 0, 0), 0);
  CHECK_RET(read(s, buf, 0), 0);
  CHECK_RET(recv(s, buf, sizeof buf, 0), 2);
  // readv/writev with no buffers
  struct iovec iov = { buf, 1 };
  CHECK_RET(writev(c, &iov, 0), 0);
  CHECK_RET(readv(s, &iov, 0), 0);
  CHECK_ERRNO(writev(c, &iov, -1), EINVAL);
  // after the peer closes: recv returns 0 (EOF), repeatedly
  close(s);
  CHECK_RET(recv(c, buf, sizeof buf, 0), 0);
  CHECK_RET(recv(c, buf, sizeof buf, 0), 0);
  // writing to a closed peer: the first write may still succeed, later
  // ones fail with EPIPE (or ECONNRESET) and never kill the process
  int err = 0;
  for (int i = 0; i < 200 && !err; i++) {
    if (send(c, "xxxxxxxx", 8, MSG_NOSIGNAL) < 0) err = errno;
    else usleep(5000);
  }
  OK(err == EPIPE || err == ECONNRESET, "send to closed peer errno %d (%s)", err, strerror(err));
  close(c);
  // shutdown(SHUT_WR) then the peer reads EOF
  c = socket(AF_INET, SOCK_STREAM, 0);
  CHECK_RET(connect(c, (struct sockaddr *)&a, sizeof a), 0);
  s = accept(l, NULL, NULL);
  CHECK_RET(shutdown(c, SHUT_WR), 0);
  CHECK_RET(recv(s, buf, sizeof buf, 0), 0);
  CHECK_ERRNO(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
  CHECK_RET(shutdown(c, SHUT_RD), 0);
  CHECK_RET(recv(c, buf, sizeof buf, 0), 0);
  close(s);
  close(c);
  close(l);
}

static void names(void) {
  struct addrinfo hints, *res = NULL;
  memset(&hints, 0, sizeof hints);
  OK(getaddrinfo(NULL, NULL, &hints, &res) == EAI_NONAME, "NULL node and service -> EAI_NONAME");
  hints.ai_family = 12345;
  OK(getaddrinfo("127.0.0.1", "80", &hints, &res) == EAI_FAMILY, "bad family -> EAI_FAMILY");
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = 12345;
  OK(getaddrinfo("127.0.0.1", "80", &hints, &res) == EAI_SOCKTYPE, "bad socktype -> EAI_SOCKTYPE");
  hints.ai_socktype = 0;
  hints.ai_flags = 0x40000000;
  OK(getaddrinfo("127.0.0.1", "80", &hints, &res) == EAI_BADFLAGS, "bad flags -> EAI_BADFLAGS");
  hints.ai_flags = AI_CANONNAME;
  OK(getaddrinfo(NULL, "80", &hints, &res) == EAI_BADFLAGS, "AI_CANONNAME without node -> EAI_BADFLAGS");
  hints.ai_flags = 0;
  hints.ai_socktype = SOCK_STREAM;
  OK(getaddrinfo("127.0.0.1", "no-such-service-xyz", &hints, &res) == EAI_SERVICE, "unknown service -> EAI_SERVICE");
  hints.ai_flags = AI_NUMERICSERV;
  OK(getaddrinfo("127.0.0.1", "http", &hints, &res) == EAI_NONAME, "AI_NUMERICSERV with a name -> EAI_NONAME");
  hints.ai_flags = AI_NUMERICHOST;
  OK(getaddrinfo("not-a-number", "80", &hints, &res) == EAI_NONAME, "AI_NUMERICHOST with a name -> EAI_NONAME");
  hints.ai_flags = 0;
  hints.ai_family = AF_INET6;
  OK(getaddrinfo("127.0.0.1", "80", &hints, &res) != 0, "IPv4 literal for AF_INET6 fails");
  hints.ai_family = AF_INET;
  int r = getaddrinfo("127.0.0.1", "8080", &hints, &res);
  OK(r == 0 && res && res->ai_family == AF_INET && res->ai_socktype == SOCK_STREAM &&
        res->ai_addrlen == sizeof(struct sockaddr_in) &&
        ntohs(((struct sockaddr_in *)res->ai_addr)->sin_port) == 8080, "numeric lookup");
  if (r == 0) freeaddrinfo(res);
  hints.ai_flags = AI_PASSIVE;
  r = getaddrinfo(NULL, "0", &hints, &res);
  OK(r == 0 && ((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr == INADDR_ANY, "AI_PASSIVE is the wildcard");
  if (r == 0) freeaddrinfo(res);
  hints.ai_flags = 0;
  r = getaddrinfo(NULL, "0", &hints, &res);
  OK(r == 0 && ntohl(((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr) == INADDR_LOOPBACK, "no AI_PASSIVE: loopback");
  if (r == 0) freeaddrinfo(res);

  unsigned char b[16];
  static const char *bad4[] = { "", "1.2.3", "256.1.1.1", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4.5", "a.b.c.d", "1..2.3", "0x1.2.3.4", "01.2.3.4", "1.2.3.-4" };
  for (size_t i = 0; i < sizeof bad4 / sizeof *bad4; i++) {
    int v = inet_pton(AF_INET, bad4[i], b);
    OK(v == 0, "inet_pton(AF_INET, \"%s\") = %d", bad4[i], v);
  }
  static const char *bad6[] = { "", ":::", "1::2::3", "12345::", "g::", "1:2:3:4:5:6:7:8:9", "::1 ", "127.1.2.3" };
  for (size_t i = 0; i < sizeof bad6 / sizeof *bad6; i++) {
    int v = inet_pton(AF_INET6, bad6[i], b);
    OK(v == 0, "inet_pton(AF_INET6, \"%s\") = %d", bad6[i], v);
  }
  OK(inet_pton(AF_INET6, "::ffff:1.2.3.4", b) == 1 && b[10] == 0xff && b[12] == 1 && b[15] == 4, "v4-mapped");
  CHECK_ERRNO(inet_pton(12345, "1.2.3.4", b), EAFNOSUPPORT);
  char out[INET6_ADDRSTRLEN];
  inet_pton(AF_INET, "10.20.30.40", b);
  errno = 0;
  OK(inet_ntop(AF_INET, b, out, 5) == NULL && errno == ENOSPC, "inet_ntop short buffer ENOSPC");
  OK(inet_ntop(AF_INET, b, out, sizeof out) && strcmp(out, "10.20.30.40") == 0, "inet_ntop");
  errno = 0;
  OK(inet_ntop(12345, b, out, sizeof out) == NULL && errno == EAFNOSUPPORT, "inet_ntop bad family");
  OK(inet_addr("1.2.3.256") == INADDR_NONE, "inet_addr invalid");
  struct hostent *h = gethostbyname("127.0.0.1");
  OK(h && h->h_addrtype == AF_INET && h->h_length == 4 && h->h_addr_list[0] &&
        memcmp(h->h_addr_list[0], "\x7f\0\0\x01", 4) == 0 && !h->h_addr_list[1], "gethostbyname numeric");
  if (h) OK(h->h_name && strcmp(h->h_name, "127.0.0.1") == 0, "h_name %s", h->h_name);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0); // a hang shows where it happened
  states();
  connected();
  names();
  return CHECK_DONE();
}
