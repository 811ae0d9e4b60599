// -pthread: threads that wait for a signal (sigsuspend, pause, sigwait)
// are woken by a signal another thread sends: pthread_kill to the waiter,
// or kill() to the process while every other thread blocks the signal.
// Each waiter must see its own signal, in its own thread, and return as
// Linux's does.  Before, the waiter slept on and the program hung.
// oracle: linux
//! cflags: -pthread -O2
//! timeout: 30
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include "check.h"

static pthread_t handled_in[NSIG];
static volatile sig_atomic_t handled[NSIG];
static void on_signal(int sig) {
  handled_in[sig] = pthread_self();
  handled[sig]++;
}

static void *in_sigsuspend(void *arg) {
  (void)arg;
  sigset_t none;
  sigemptyset(&none);
  int r = sigsuspend(&none);  // SIGUSR1 is blocked outside this call
  int e = errno;
  CHECK(r == -1 && e == EINTR, "sigsuspend returned %d (errno %d)", r, e);
  CHECK(handled[SIGUSR1] == 1 && pthread_equal(handled_in[SIGUSR1], pthread_self()),
        "SIGUSR1's handler ran once, in the sigsuspend thread");
  return 0;
}

static void *in_pause(void *arg) {
  (void)arg;
  sigset_t usr2;
  sigemptyset(&usr2);
  sigaddset(&usr2, SIGUSR2);
  pthread_sigmask(SIG_UNBLOCK, &usr2, 0);  // the only thread that takes SIGUSR2
  int r = pause();
  CHECK(r == -1 && errno == EINTR);
  CHECK(handled[SIGUSR2] == 1 && pthread_equal(handled_in[SIGUSR2], pthread_self()),
        "the process's SIGUSR2 ran in the one thread that does not block it");
  return 0;
}

static void *in_sigwait(void *arg) {
  (void)arg;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  int sig = 0;
  CHECK(sigwait(&set, &sig) == 0 && sig == SIGTERM, "sigwait returned signal %d", sig);
  CHECK(handled[SIGTERM] == 0, "sigwait took SIGTERM, no handler ran");
  return 0;
}

int main(void) {
  struct sigaction sa = {0};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  REQUIRE(sigaction(SIGUSR1, &sa, 0) == 0 && sigaction(SIGUSR2, &sa, 0) == 0 && sigaction(SIGTERM, &sa, 0) == 0);
  sigset_t all3;
  sigemptyset(&all3);
  sigaddset(&all3, SIGUSR1);
  sigaddset(&all3, SIGUSR2);
  sigaddset(&all3, SIGTERM);
  REQUIRE(pthread_sigmask(SIG_BLOCK, &all3, 0) == 0);  // threads inherit it

  pthread_t a, b, c;
  REQUIRE(pthread_create(&a, 0, in_sigsuspend, 0) == 0);
  REQUIRE(pthread_create(&b, 0, in_pause, 0) == 0);
  REQUIRE(pthread_create(&c, 0, in_sigwait, 0) == 0);
  usleep(100000);  // all three are waiting now
  CHECK(pthread_kill(a, SIGUSR1) == 0);
  CHECK(pthread_join(a, 0) == 0);
  CHECK(kill(getpid(), SIGUSR2) == 0);
  CHECK(pthread_join(b, 0) == 0);
  CHECK(pthread_kill(c, SIGTERM) == 0);
  CHECK(pthread_join(c, 0) == 0);
  CHECK(handled[SIGUSR1] == 1 && handled[SIGUSR2] == 1 && handled[SIGTERM] == 0);
  OK(1, "sigsuspend, pause and sigwait in threads end on a signal from another thread");
  return CHECK_DONE();
}
