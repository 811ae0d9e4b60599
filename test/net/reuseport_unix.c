// What netcat-openbsd needed from the socket headers and options:
// SO_REUSEPORT is accepted and read back (ENOPROTOOPT made `nc -l` exit),
// a second live socket on the port still gets EADDRINUSE (never silently
// shared); struct sockaddr_un has sun_path (<sys/un.h>) while AF_UNIX
// sockets fail at run time; SO_DEBUG/SCM_RIGHTS exist, SO_DEBUG is refused.
//! stdout-contains: all checks passed
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  int one = 1, v = 0;
  socklen_t len = sizeof v;
  int s = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(s >= 0);
  CHECK(getsockopt(s, SOL_SOCKET, SO_REUSEPORT, &v, &len) == 0 && v == 0);
  CHECK(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0);
  CHECK(setsockopt(s, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) == 0);
  len = sizeof v;
  CHECK(getsockopt(s, SOL_SOCKET, SO_REUSEPORT, &v, &len) == 0 && v == 1);
  struct sockaddr_in a = check_lo4(0);
  CHECK(bind(s, (struct sockaddr *)&a, sizeof a) == 0 && listen(s, 1) == 0);
  len = sizeof a;
  CHECK(getsockname(s, (struct sockaddr *)&a, &len) == 0);
  int t = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(setsockopt(t, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) == 0);
  errno = 0;
  CHECK(bind(t, (struct sockaddr *)&a, sizeof a) == -1 && errno == EADDRINUSE);
  close(t);
  errno = 0;
  CHECK(setsockopt(s, SOL_SOCKET, SO_DEBUG, &one, sizeof one) == -1 && errno == EACCES); // unprivileged, as on Linux
  close(s);

  struct sockaddr_un un;
  memset(&un, 0, sizeof un);
  un.sun_family = AF_UNIX;
  CHECK(sizeof un.sun_path == 108);
  strcpy(un.sun_path, "/tmp/sock");
  errno = 0;
  CHECK(socket(AF_UNIX, SOCK_STREAM, 0) == -1 && errno == EAFNOSUPPORT);
  CHECK(SCM_RIGHTS == 1 && SO_DEBUG == 1);
  printf(check_failures ? "%d failures\n" : "all checks passed\n", check_failures);
  return CHECK_DONE();
}
