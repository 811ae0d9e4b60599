// The scheduling-policy API of <sched.h> and its pthread and posix_spawn
// companions, for the one policy there is: SCHED_OTHER (0) with priority 0,
// as Linux's normal threads.  WASI has no scheduler control.  Setting the
// normal policy with priority 0 succeeds; the real-time ones (FIFO, RR)
// fail as they do for an unprivileged Linux process (EPERM) where Linux
// would change policy, and the priority range asked for them is EINVAL
// (no such policy here); anything else is EINVAL.  The only process is
// this one: another pid is ESRCH.
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <spawn.h>
#include <string.h>
#include <unistd.h>
#include "wasip2_thread.h"

static int normal(int policy) { return policy == SCHED_OTHER || policy == SCHED_BATCH || policy == SCHED_IDLE; }

int sched_get_priority_max(int policy) {
  if (normal(policy)) return 0;
  errno = EINVAL;
  return -1;
}

int sched_get_priority_min(int policy) { return sched_get_priority_max(policy); }

static int this_process(pid_t pid) {
  if (pid == 0 || pid == getpid()) return 1;
  errno = pid < 0 ? EINVAL : ESRCH;
  return 0;
}

int sched_getparam(pid_t pid, struct sched_param *p) {
  if (!this_process(pid)) return -1;
  memset(p, 0, sizeof *p);
  return 0;
}

int sched_getscheduler(pid_t pid) { return this_process(pid) ? SCHED_OTHER : -1; }

// No time slices: threads switch only when they wait.
int sched_rr_get_interval(pid_t pid, struct timespec *t) {
  if (!this_process(pid)) return -1;
  t->tv_sec = 0;
  t->tv_nsec = 0;
  return 0;
}

static int check(int policy, const struct sched_param *p) {
  if (!p) return EINVAL;
  if (normal(policy)) return p->sched_priority == 0 ? 0 : EINVAL;
  if (policy == SCHED_FIFO || policy == SCHED_RR) return p->sched_priority >= 1 && p->sched_priority <= 99 ? EPERM : EINVAL;
  return EINVAL;
}

int sched_setparam(pid_t pid, const struct sched_param *p) {
  if (!this_process(pid)) return -1;
  int e = check(SCHED_OTHER, p);
  if (e) { errno = e; return -1; }
  return 0;
}

int sched_setscheduler(pid_t pid, int policy, const struct sched_param *p) {
  if (!this_process(pid)) return -1;
  int e = check(policy & ~SCHED_RESET_ON_FORK, p);
  if (e) { errno = e; return -1; }
  return 0;
}

int pthread_getschedparam(pthread_t t, int *restrict policy, struct sched_param *restrict p) {
  if (!__wasip2_thread_valid(t)) return ESRCH;
  *policy = SCHED_OTHER;
  memset(p, 0, sizeof *p);
  return 0;
}

int pthread_setschedparam(pthread_t t, int policy, const struct sched_param *p) {
  if (!__wasip2_thread_valid(t)) return ESRCH;
  return check(policy, p);
}

// The attribute keeps only what can be honoured: priority 0.
int pthread_attr_getschedparam(const pthread_attr_t *restrict a, struct sched_param *restrict p) {
  (void)a;
  memset(p, 0, sizeof *p);
  return 0;
}

int pthread_attr_setschedparam(pthread_attr_t *restrict a, const struct sched_param *restrict p) {
  (void)a;
  return p->sched_priority == 0 ? 0 : EINVAL;
}

// posix_spawn never runs (ENOSYS), but its attribute round-trips (musl's
// __prio field), as the other attributes do.
int posix_spawnattr_getschedparam(const posix_spawnattr_t *restrict a, struct sched_param *restrict p) {
  memset(p, 0, sizeof *p);
  p->sched_priority = a->__prio;
  return 0;
}

int posix_spawnattr_setschedparam(posix_spawnattr_t *restrict a, const struct sched_param *restrict p) {
  a->__prio = p->sched_priority;
  return 0;
}
