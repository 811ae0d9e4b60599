// -pthread: signals to one thread.  pthread_kill to another thread leaves
// the sender untouched and runs the handler in the target when it next runs;
// a thread that blocks a signal keeps it pending (sigpending shows it) until
// it unblocks it, then the handler runs in that thread; masks are per thread
// and a new thread starts with its creator's; a process signal (kill to our
// pid) that the running thread blocks goes to a thread that does not block
// it; raise in a thread runs the handler there at once; pthread_kill of a
// joined thread is ESRCH, a bad signal EINVAL, signal 0 probes.
//! cflags: -pthread -O2
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static volatile int usr1_count, usr2_count;
static pthread_t usr1_in, usr2_in;
static void on_usr1(int sig) { (void)sig; usr1_count++; usr1_in = pthread_self(); }
static void on_usr2(int sig) { (void)sig; usr2_count++; usr2_in = pthread_self(); }

static volatile int stop;
static void *spinner(void *arg) {
  (void)arg;
  while (!stop) sched_yield();
  return 0;
}

static volatile int blocker_state;
static int blocker_saw_pending, blocker_count_before_unblock;
static void *blocker(void *arg) {
  (void)arg;
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGUSR2);
  pthread_sigmask(SIG_BLOCK, &s, 0);
  blocker_state = 1;
  while (blocker_state == 1) sched_yield();  // main sends SIGUSR2 meanwhile
  sigset_t p;
  sigpending(&p);
  blocker_saw_pending = sigismember(&p, SIGUSR2);
  blocker_count_before_unblock = usr2_count;
  pthread_sigmask(SIG_UNBLOCK, &s, 0);  // delivered here, before return
  return (void *)(long)usr2_count;
}

static int inherited_blocked;
static void *mask_holds(void *arg) {
  (void)arg;
  sigset_t cur;
  pthread_sigmask(SIG_BLOCK, 0, &cur);
  inherited_blocked = sigismember(&cur, SIGUSR2);
  return 0;
}

static void *raiser(void *arg) {
  (void)arg;
  int before = usr1_count;
  raise(SIGUSR1);
  return (void *)(long)(usr1_count == before + 1 && pthread_equal(usr1_in, pthread_self()));
}

int main(void) {
  signal(SIGUSR1, on_usr1);
  signal(SIGUSR2, on_usr2);
  pthread_t t, b;
  void *r;

  // To another thread: pending there, handled there.
  REQUIRE(pthread_create(&t, 0, spinner, 0) == 0);
  OK(pthread_kill(t, 0) == 0, "signal 0 probes a live thread");
  OK(pthread_kill(t, SIGUSR1) == 0 && usr1_count == 0, "pthread_kill to another thread does not run the handler in the sender");
  sched_yield();
  OK(usr1_count == 1 && pthread_equal(usr1_in, t), "the handler ran in the target thread when it ran");
  OK(pthread_kill(t, 0x7fff) == EINVAL, "a bad signal number is EINVAL");
  stop = 1;
  REQUIRE(pthread_join(t, 0) == 0);
  OK(pthread_kill(t, SIGUSR1) == ESRCH, "pthread_kill of a joined thread is ESRCH");

  // A thread that blocks the signal keeps it pending until it unblocks.
  REQUIRE(pthread_create(&b, 0, blocker, 0) == 0);
  while (blocker_state != 1) sched_yield();
  OK(pthread_kill(b, SIGUSR2) == 0, "pthread_kill to a thread that blocks it");
  for (int i = 0; i < 3; i++) sched_yield();
  OK(usr2_count == 0, "not delivered while that thread blocks it");
  sigset_t p;
  sigpending(&p);
  OK(!sigismember(&p, SIGUSR2), "not pending in the sender");
  blocker_state = 2;
  REQUIRE(pthread_join(b, &r) == 0);
  OK(blocker_saw_pending && blocker_count_before_unblock == 0, "pending in the blocking thread (sigpending)");
  OK((long)r == 1 && pthread_equal(usr2_in, b), "delivered in that thread when it unblocked");

  // Masks are per thread, inherited at creation.
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGUSR2);
  pthread_sigmask(SIG_BLOCK, &s, 0);
  REQUIRE(pthread_create(&t, 0, mask_holds, 0) == 0);
  REQUIRE(pthread_join(t, 0) == 0);
  OK(inherited_blocked, "a new thread starts with its creator's mask");
  pthread_sigmask(SIG_UNBLOCK, &s, 0);

  // A process signal the running thread blocks goes to one that does not.
  stop = 0;
  REQUIRE(pthread_create(&t, 0, spinner, 0) == 0);  // before main blocks: t does not
  sigemptyset(&s);
  sigaddset(&s, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &s, 0);
  int before = usr1_count;
  OK(kill(getpid(), SIGUSR1) == 0 && usr1_count == before, "kill to the process: not delivered to main, which blocks it");
  sched_yield();
  OK(usr1_count == before + 1 && pthread_equal(usr1_in, t), "delivered to the thread that does not block it");
  pthread_sigmask(SIG_UNBLOCK, &s, 0);
  OK(usr1_count == before + 1, "and only once (main unblocking gets nothing)");
  stop = 1;
  REQUIRE(pthread_join(t, 0) == 0);

  // raise in a thread: that thread's handler, at once.
  REQUIRE(pthread_create(&t, 0, raiser, 0) == 0);
  REQUIRE(pthread_join(t, &r) == 0);
  OK(r == (void *)1, "raise in a thread runs the handler there before it returns");
  before = usr1_count;
  raise(SIGUSR1);
  OK(usr1_count == before + 1 && pthread_equal(usr1_in, pthread_self()), "raise in main runs it in main");
  return CHECK_DONE();
}
