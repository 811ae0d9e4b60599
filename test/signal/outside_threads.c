// Signals from outside with -pthread (driven by outside.test.mjs): a thread
// blocked in sigwait gets a SIGTERM the process blocked while the main
// thread waits in pthread_join; a worker blocked in accept gets EINTR from
// a SIGTERM handler while main waits in pthread_join; a worker waiting on
// a condition variable keeps waiting while a handler runs, then is woken.
#include "check.h"
#include <pthread.h>
#include <signal.h>

static volatile sig_atomic_t got;
static void on(int sig) { got = sig; }
static void ready(void) { printf("ready\n"); fflush(stdout); }

static void *waiter(void *arg) {
  sigset_t *set = arg;
  int sig = 0;
  if (sigwait(set, &sig) != 0) return NULL;
  return (void *)(long)sig;
}

static void *acceptor(void *arg) {
  int s = *(int *)arg;
  int c = accept(s, NULL, NULL);
  return (void *)(long)(c == -1 && errno == EINTR);
}

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int flag;
static void *cond_waiter(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mu);
  while (!flag) pthread_cond_wait(&cv, &mu);
  pthread_mutex_unlock(&mu);
  return (void *)1;
}

int main(int argc, char **argv) {
  const char *m = argc > 1 ? argv[1] : "";
  pthread_t t;
  void *res = NULL;
  if (!strcmp(m, "thread-sigwait")) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    REQUIRE(pthread_sigmask(SIG_BLOCK, &set, NULL) == 0);
    REQUIRE(pthread_create(&t, NULL, waiter, &set) == 0);
    ready();
    REQUIRE(pthread_join(t, &res) == 0);
    OK((long)res == SIGTERM, "a sigwait thread gets SIGTERM while main is in pthread_join");
  } else if (!strcmp(m, "thread-accept")) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on;
    REQUIRE(sigaction(SIGTERM, &sa, NULL) == 0);
    int port, s = check_listen(AF_INET, &port);
    REQUIRE(s >= 0);
    REQUIRE(pthread_create(&t, NULL, acceptor, &s) == 0);
    ready();
    REQUIRE(pthread_join(t, &res) == 0);
    OK(res && got == SIGTERM, "a worker's accept ends with EINTR after the SIGTERM handler; main's join returns");
    close(s);
  } else if (!strcmp(m, "thread-cond")) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on;
    REQUIRE(sigaction(SIGUSR1, &sa, NULL) == 0);
    REQUIRE(pthread_create(&t, NULL, cond_waiter, NULL) == 0);
    ready();
    // main sleeps; the handler ends the sleep (EINTR), then main wakes the waiter
    int r = sleep(60);
    OK(r > 0 && got == SIGUSR1, "sleep in main ends early with the SIGUSR1 handler while a worker waits on a condition");
    pthread_mutex_lock(&mu);
    flag = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    REQUIRE(pthread_join(t, &res) == 0);
    OK(res == (void *)1, "the condition waiter then finishes");
  } else {
    printf("unknown scenario %s\n", m);
    return 2;
  }
  return CHECK_DONE();
}
