// Upstream's <sys/socket.h> spells SO_RCVTIMEO/SO_SNDTIMEO 20/21 or 66/67
// depending on include order: both pairs name the same timeouts here, so
// an object built with its headers sets and reads what ours does.
#include <errno.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(s >= 0);
  struct timeval tv = {2, 500000}, got = {0, 0};
  socklen_t len = sizeof got;
  OK(setsockopt(s, SOL_SOCKET, 20, &tv, sizeof tv) == 0, "set the receive timeout as 20");
  CHECK(getsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &got, &len) == 0 && got.tv_sec == 2 && got.tv_usec == 500000,
        "read back as SO_RCVTIMEO (66)");
  tv = (struct timeval){1, 0};
  OK(setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) == 0, "set the send timeout as SO_SNDTIMEO (67)");
  len = sizeof got;
  CHECK(getsockopt(s, SOL_SOCKET, 21, &got, &len) == 0 && got.tv_sec == 1 && got.tv_usec == 0, "read back as 21");
  tv = (struct timeval){0, 1000000};
  CHECK_ERRNO(setsockopt(s, SOL_SOCKET, 20, &tv, sizeof tv), EDOM);
  close(s);
  return CHECK_DONE();
}
