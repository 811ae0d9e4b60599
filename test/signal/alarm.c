// alarm() fires at a safe point: sigsuspend/pause wait for it, and
// setitimer reports the time left.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>
#include <unistd.h>
#include "check.h"
static volatile sig_atomic_t fired;
static void on_alrm(int sig) { (void)sig; fired++; }
int main(void) {
  signal(SIGALRM, on_alrm);
  struct itimerval it = {{0, 0}, {0, 50000}}, left;
  CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
  CHECK(getitimer(ITIMER_REAL, &left) == 0 && left.it_value.tv_usec > 0);
  CHECK(pause() == -1 && errno == EINTR && fired == 1);
  printf("pause returned EINTR after SIGALRM\n");
  CHECK(alarm(5) == 0);
  CHECK(alarm(0) >= 4);
  printf("alarm reports seconds left\n");
  CHECK(setitimer(ITIMER_VIRTUAL, &it, NULL) == -1 && errno == ENOSYS);
  printf("ITIMER_VIRTUAL: ENOSYS\n");
  return CHECK_DONE();
}
