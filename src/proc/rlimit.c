// Resource limits: the stack limit is the real stack the linker reserved,
// the address space is wasm32's 4 GiB.  RLIMIT_NOFILE is enforced by the
// fd table (soft limit 1024 as on Linux, hard limit the table's size).
// Soft limits may be lowered (and raised back up to the hard limit); the
// others are remembered, not enforced.  Raising a hard limit is EPERM like
// for any unprivileged Linux process.
#define _GNU_SOURCE // nice()
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>
#include "wasip2_fd.h"

static struct rlimit lim[RLIM_NLIMITS];
static int ready;

static void init(void) {
  for (int i = 0; i < RLIM_NLIMITS; i++) lim[i].rlim_cur = lim[i].rlim_max = RLIM_INFINITY;
  // wasm-ld puts the stack first: __stack_low is address 0, so only
  // __stack_high says whether the linker defined the pair.
  if (__stack_high)
    lim[RLIMIT_STACK].rlim_cur = lim[RLIMIT_STACK].rlim_max = (rlim_t)(__stack_high - __stack_low);
  lim[RLIMIT_AS].rlim_cur = lim[RLIMIT_AS].rlim_max = 1ull << 32;
  lim[RLIMIT_CORE].rlim_cur = lim[RLIMIT_CORE].rlim_max = 0;
  lim[RLIMIT_NOFILE].rlim_cur = __wasip2_fd_nofile;
  lim[RLIMIT_NOFILE].rlim_max = WASIP2_FD_MAX;
  ready = 1;
}

int getrlimit(int r, struct rlimit *rl) {
  // Linux (prlimit64 underneath) treats a NULL result as "nothing to store"
  if (!rl) return r < 0 || r >= RLIM_NLIMITS ? (errno = EINVAL, -1) : 0;
  if (r < 0 || r >= RLIM_NLIMITS) { errno = EINVAL; return -1; }
  if (!ready) init();
  *rl = lim[r];
  return 0;
}

int setrlimit(int r, const struct rlimit *rl) {
  if (!rl) return r < 0 || r >= RLIM_NLIMITS ? (errno = EINVAL, -1) : 0;
  if (r < 0 || r >= RLIM_NLIMITS || rl->rlim_cur > rl->rlim_max) { errno = EINVAL; return -1; }
  if (!ready) init();
  if (rl->rlim_max > lim[r].rlim_max) { errno = EPERM; return -1; }
  lim[r] = *rl;
  if (r == RLIMIT_NOFILE) __wasip2_fd_nofile = (int)rl->rlim_cur;
  return 0;
}

int getpriority(int which, id_t who) {
  if (which < PRIO_PROCESS || which > PRIO_USER) { errno = EINVAL; return -1; }
  (void)who;
  return 0;
}

int setpriority(int which, id_t who, int prio) {
  if (which < PRIO_PROCESS || which > PRIO_USER) { errno = EINVAL; return -1; }
  (void)who;
  if (prio < 0) { errno = EACCES; return -1; }  // raising priority is privileged
  return 0;  // a lower priority has no effect on a lone program, nor harm
}

int nice(int inc) {
  if (inc < 0) { errno = EPERM; return -1; }
  return inc > 19 ? 19 : inc;
}
