// Signals sent from outside to wasip2-run (driven by outside.test.mjs, which
// starts this program with a scenario name, waits for its "ready" line,
// sends the signal with kill(2) and checks the output and exit status).
// Each scenario blocks in one call and reports how it ended.
#include "check.h"
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>

static volatile sig_atomic_t got;
static void on(int sig) { got = sig; }

static void handle(int sig, int flags) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on;
  sa.sa_flags = flags;
  sigemptyset(&sa.sa_mask);
  REQUIRE(sigaction(sig, &sa, NULL) == 0);
}

static void ready(void) { printf("ready\n"); fflush(stdout); }

static int listener(void) {
  int port, s = check_listen(AF_INET, &port);
  REQUIRE(s >= 0);
  return s;
}

int main(int argc, char **argv) {
  const char *m = argc > 1 ? argv[1] : "";
  if (!strcmp(m, "accept")) {
    // a server shutting down cleanly on SIGTERM
    handle(SIGTERM, 0);
    int s = listener();
    ready();
    int c = accept(s, NULL, NULL);
    OK(c == -1 && errno == EINTR, "accept ends with EINTR");
    OK(got == SIGTERM, "the SIGTERM handler ran");
    close(s);
  } else if (!strcmp(m, "poll")) {
    handle(SIGUSR1, SA_RESTART);  // poll never restarts, SA_RESTART or not
    int s = listener();
    struct pollfd p = { .fd = s, .events = POLLIN };
    ready();
    int r = poll(&p, 1, 60000);
    OK(r == -1 && errno == EINTR && got == SIGUSR1, "poll(60 s) ends with EINTR after the SIGUSR1 handler");
    close(s);
  } else if (!strcmp(m, "epoll")) {
    handle(SIGHUP, 0);
    int s = listener(), ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN }, out;
    REQUIRE(epoll_ctl(ep, EPOLL_CTL_ADD, s, &ev) == 0);
    ready();
    int r = epoll_wait(ep, &out, 1, -1);
    OK(r == -1 && errno == EINTR && got == SIGHUP, "epoll_wait(-1) ends with EINTR after the SIGHUP handler");
    close(ep); close(s);
  } else if (!strcmp(m, "select")) {
    handle(SIGUSR2, 0);
    int s = listener();
    fd_set r; FD_ZERO(&r); FD_SET(s, &r);
    ready();
    int k = select(s + 1, &r, NULL, NULL, NULL);
    OK(k == -1 && errno == EINTR && got == SIGUSR2, "select(no timeout) ends with EINTR after the SIGUSR2 handler");
    close(s);
  } else if (!strcmp(m, "nanosleep")) {
    handle(SIGINT, 0);
    struct timespec t = { 60, 0 }, rem = { 0, 0 };
    ready();
    int r = nanosleep(&t, &rem);
    OK(r == -1 && errno == EINTR && got == SIGINT, "nanosleep(60 s) ends with EINTR after the SIGINT handler");
    OK(rem.tv_sec > 30, "and reports the time left");
  } else if (!strcmp(m, "restart")) {
    // the driver sends SIGUSR1, then writes a line: read restarts
    handle(SIGUSR1, SA_RESTART);
    char buf[64];
    ready();
    ssize_t n = read(0, buf, sizeof buf);
    OK(n > 0 && got == SIGUSR1, "read(stdin) with SA_RESTART: the handler ran and read went on to get data");
  } else if (!strcmp(m, "read-eintr")) {
    handle(SIGUSR1, 0);
    char buf[64];
    ready();
    ssize_t n = read(0, buf, sizeof buf);
    OK(n == -1 && errno == EINTR && got == SIGUSR1, "read(stdin) without SA_RESTART ends with EINTR");
  } else if (!strcmp(m, "ignore")) {
    // the driver sends SIGHUP (ignored), then SIGUSR1 (ends the pause)
    REQUIRE(signal(SIGHUP, SIG_IGN) != SIG_ERR);
    handle(SIGUSR1, 0);
    ready();
    int r = pause();
    OK(r == -1 && errno == EINTR && got == SIGUSR1, "SIGHUP ignored; pause ends with the SIGUSR1 handler");
  } else if (!strcmp(m, "sigwait")) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    REQUIRE(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
    ready();
    int sig = 0;
    OK(sigwait(&set, &sig) == 0 && sig == SIGTERM, "sigwait gets the blocked SIGTERM");
  } else if (!strcmp(m, "sigtimedwait")) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    REQUIRE(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
    ready();
    struct timespec t0, t1, limit = { 30, 0 };
    siginfo_t si;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int sig = sigtimedwait(&set, &si, &limit);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    OK(sig == SIGUSR1 && si.si_signo == SIGUSR1, "sigtimedwait(30 s) gets the blocked SIGUSR1");
    OK(t1.tv_sec - t0.tv_sec < 20, "as it arrives, not at the timeout");
  } else if (!strcmp(m, "sigsuspend")) {
    handle(SIGINT, 0);
    sigset_t none;
    sigemptyset(&none);
    ready();
    int r = sigsuspend(&none);
    OK(r == -1 && errno == EINTR && got == SIGINT, "sigsuspend returns after the SIGINT handler");
  } else if (!strcmp(m, "busy")) {
    // computing without a wait cannot see the handler's signal; the
    // second SIGTERM takes the default action (no hang)
    handle(SIGTERM, 0);
    ready();
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    volatile unsigned long spin = 0;
    do { for (int i = 0; i < 1000000; i++) spin++; clock_gettime(CLOCK_MONOTONIC, &t); } while (t.tv_sec - t0.tv_sec < 30);
    printf("not reached\n");
    return 1;
  } else if (!strcmp(m, "default")) {
    // no handler: the default action ends the program (status 143 for SIGTERM)
    ready();
    sleep(60);
    printf("not reached\n");
    return 1;
  } else if (!strcmp(m, "default-again")) {
    // a handler put back to SIG_DFL: the default action again
    handle(SIGTERM, 0);
    REQUIRE(signal(SIGTERM, SIG_DFL) != SIG_ERR);
    ready();
    sleep(60);
    printf("not reached\n");
    return 1;
  } else if (!strcmp(m, "unblock-default")) {
    // a blocked SIGTERM with SIG_DFL stays pending; unblocking it kills us
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    REQUIRE(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
    ready();
    struct timespec t = { 0, 0 };
    sigset_t pend;
    for (int i = 0; i < 600; i++) {  // up to 60 s for it to arrive
      t.tv_nsec = 100000000;
      nanosleep(&t, NULL);
      sigpending(&pend);
      if (sigismember(&pend, SIGTERM)) break;
    }
    OK(sigismember(&pend, SIGTERM), "SIGTERM pending while blocked");
    fflush(stdout);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    printf("not reached\n");
    return 1;
  } else {
    printf("unknown scenario %s\n", m);
    return 2;
  }
  return CHECK_DONE();
}
