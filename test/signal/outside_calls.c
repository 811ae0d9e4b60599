// Host calls of signals from outside (outside_calls.test.mjs counts them):
//   outside_calls pipe N   only SIGPIPE ignored (not a signal we catch): no probe
//   outside_calls term N   a SIGTERM handler: the probe once, then N zero-timeout polls
// and N poll(0) calls on a listening socket in both modes.
#include "check.h"
#include <poll.h>
#include <signal.h>

static void on(int sig) { (void)sig; }

int main(int argc, char **argv) {
  REQUIRE(argc == 3);
  if (!strcmp(argv[1], "pipe")) REQUIRE(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
  else REQUIRE(signal(SIGTERM, on) != SIG_ERR);
  int port, s = check_listen(AF_INET, &port);
  REQUIRE(s >= 0);
  struct pollfd p = { .fd = s, .events = POLLIN };
  int n = atoi(argv[2]);
  for (int i = 0; i < n; i++) CHECK(poll(&p, 1, 0) == 0);
  close(s);
  return CHECK_DONE();
}
