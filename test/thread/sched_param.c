// The scheduling-policy API that <sched.h>, <pthread.h> and <spawn.h> now
// declare together (they used to define POSIX_SPAWN_SETSCHEDPARAM and
// _POSIX_THREAD_PRIORITY_SCHEDULING without struct sched_param): the one
// policy is SCHED_OTHER with priority 0; the real-time ones are refused as
// for an unprivileged Linux process; posix_spawnattr's schedparam
// round-trips; clock_getcpuclockid gives the process CPU clock.  Also
// <netpacket/packet.h>'s AF_PACKET: socket() says EAFNOSUPPORT.
#include <errno.h>
#include <netpacket/packet.h>
#include <pthread.h>
#include <sched.h>
#include <spawn.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  struct sched_param sp = { .sched_priority = 0 };
  OK(sched_get_priority_max(SCHED_OTHER) == 0 && sched_get_priority_min(SCHED_OTHER) == 0, "SCHED_OTHER priorities 0..0");
  CHECK_ERRNO(sched_get_priority_max(SCHED_FIFO), EINVAL);
  OK(sched_getscheduler(0) == SCHED_OTHER, "sched_getscheduler: SCHED_OTHER");
  OK(sched_setscheduler(0, SCHED_OTHER, &sp) == 0, "sched_setscheduler(SCHED_OTHER, 0)");
  sp.sched_priority = 10;
  CHECK_ERRNO(sched_setscheduler(0, SCHED_FIFO, &sp), EPERM);
  CHECK_ERRNO(sched_setparam(0, &sp), EINVAL);
  CHECK_ERRNO(sched_getparam(4242, &sp), ESRCH);
  OK(sched_getparam(0, &sp) == 0 && sp.sched_priority == 0, "sched_getparam: priority 0");
  struct timespec ts = { 5, 5 };
  OK(sched_rr_get_interval(0, &ts) == 0 && ts.tv_sec == 0 && ts.tv_nsec == 0, "sched_rr_get_interval: no time slices");

  int pol = -1;
  OK(pthread_getschedparam(pthread_self(), &pol, &sp) == 0 && pol == SCHED_OTHER && sp.sched_priority == 0, "pthread_getschedparam");
  OK(pthread_setschedparam(pthread_self(), SCHED_OTHER, &sp) == 0, "pthread_setschedparam(SCHED_OTHER, 0)");
  sp.sched_priority = 1;
  OK(pthread_setschedparam(pthread_self(), SCHED_RR, &sp) == EPERM, "pthread_setschedparam(SCHED_RR): EPERM");
  pthread_attr_t a;
  pthread_attr_init(&a);
  OK(pthread_attr_setschedparam(&a, &sp) == EINVAL, "attr priority 1: EINVAL");
  sp.sched_priority = 0;
  OK(pthread_attr_setschedparam(&a, &sp) == 0 && pthread_attr_getschedparam(&a, &sp) == 0 && sp.sched_priority == 0, "attr priority 0");

  posix_spawnattr_t sa;
  posix_spawnattr_init(&sa);
  sp.sched_priority = 7;
  OK(posix_spawnattr_setflags(&sa, POSIX_SPAWN_SETSCHEDPARAM) == 0 && posix_spawnattr_setschedparam(&sa, &sp) == 0, "spawnattr setschedparam");
  sp.sched_priority = 0;
  OK(posix_spawnattr_getschedparam(&sa, &sp) == 0 && sp.sched_priority == 7, "spawnattr schedparam round-trips");
  posix_spawnattr_destroy(&sa);

  clockid_t c;
  OK(clock_getcpuclockid(0, &c) == 0 && c == CLOCK_PROCESS_CPUTIME_ID, "clock_getcpuclockid(0): the process CPU clock");
  OK(clock_getcpuclockid(getpid(), &c) == 0 && clock_gettime(c, &ts) == 0, "clock_gettime on it");
  OK(clock_getcpuclockid(4242, &c) == ESRCH, "another pid: ESRCH");

  CHECK_ERRNO(socket(AF_PACKET, SOCK_DGRAM, 0), EAFNOSUPPORT);
  struct sockaddr_ll ll = { .sll_family = AF_PACKET };
  OK(ll.sll_family == 17, "AF_PACKET is Linux's 17");
  return CHECK_DONE();
}
