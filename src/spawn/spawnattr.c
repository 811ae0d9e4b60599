// posix_spawnattr_*: the attributes as data (musl's layout); they round-trip
// and are checked, though no process is ever spawned from them.
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>

#define ALL_FLAGS (POSIX_SPAWN_RESETIDS | POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | \
                   POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSCHEDPARAM | POSIX_SPAWN_SETSCHEDULER | \
                   POSIX_SPAWN_USEVFORK | POSIX_SPAWN_SETSID)

int posix_spawnattr_init(posix_spawnattr_t *a) {
  memset(a, 0, sizeof *a);
  return 0;
}

int posix_spawnattr_destroy(posix_spawnattr_t *a) {
  (void)a;
  return 0;
}

int posix_spawnattr_setflags(posix_spawnattr_t *a, short flags) {
  if ((unsigned short)flags & ~(unsigned)ALL_FLAGS) return EINVAL;
  a->__flags = flags;
  return 0;
}

int posix_spawnattr_getflags(const posix_spawnattr_t *restrict a, short *restrict flags) {
  *flags = (short)a->__flags;
  return 0;
}

int posix_spawnattr_setpgroup(posix_spawnattr_t *a, pid_t pgrp) {
  if (pgrp < 0) return EINVAL;
  a->__pgrp = pgrp;
  return 0;
}

int posix_spawnattr_getpgroup(const posix_spawnattr_t *restrict a, pid_t *restrict pgrp) {
  *pgrp = a->__pgrp;
  return 0;
}

int posix_spawnattr_setsigmask(posix_spawnattr_t *restrict a, const sigset_t *restrict mask) {
  a->__mask = *mask;
  return 0;
}

int posix_spawnattr_getsigmask(const posix_spawnattr_t *restrict a, sigset_t *restrict mask) {
  *mask = a->__mask;
  return 0;
}

int posix_spawnattr_setsigdefault(posix_spawnattr_t *restrict a, const sigset_t *restrict def) {
  a->__def = *def;
  return 0;
}

int posix_spawnattr_getsigdefault(const posix_spawnattr_t *restrict a, sigset_t *restrict def) {
  *def = a->__def;
  return 0;
}

// SCHED_OTHER (0), SCHED_FIFO (1), SCHED_RR (2) are the policies POSIX names.
int posix_spawnattr_setschedpolicy(posix_spawnattr_t *a, int policy) {
  if (policy < 0 || policy > 2) return EINVAL;
  a->__pol = policy;
  return 0;
}

int posix_spawnattr_getschedpolicy(const posix_spawnattr_t *restrict a, int *restrict policy) {
  *policy = a->__pol;
  return 0;
}
