// pthread mutexes in the single-threaded model: the three types, trylock
// EBUSY, relocking a held normal mutex fails with EDEADLK (on Linux it
// would hang forever), timedlock waits out its deadline then ETIMEDOUT,
// unlocking a mutex one does not hold is EPERM, destroy of a held one
// EBUSY, static initializers (POSIX and glibc's recursive one), attribute
// round-trips.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include "check.h"

static double now(clockid_t c) {
  struct timespec ts;
  clock_gettime(c, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static pthread_mutex_t stat_m = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stat_r = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

int main(void) {
  // normal (default) mutex, from the static initializer
  OK(pthread_mutex_lock(&stat_m) == 0, "static mutex locks");
  OK(pthread_mutex_trylock(&stat_m) == EBUSY, "trylock of a held normal mutex: EBUSY");
  OK(pthread_mutex_lock(&stat_m) == EDEADLK, "relock of a held normal mutex: EDEADLK, no hang");
  OK(pthread_mutex_destroy(&stat_m) == EBUSY, "destroy of a held mutex: EBUSY");
  OK(pthread_mutex_unlock(&stat_m) == 0, "unlock");
  OK(pthread_mutex_unlock(&stat_m) == EPERM, "unlock of an unlocked mutex: EPERM");
  OK(pthread_mutex_trylock(&stat_m) == 0 && pthread_mutex_unlock(&stat_m) == 0, "trylock of a free mutex");

  // timedlock: free -> at once; held -> waits until the deadline
  struct timespec dl;
  clock_gettime(CLOCK_REALTIME, &dl);
  dl.tv_nsec += 150 * 1000000L;
  if (dl.tv_nsec >= 1000000000L) { dl.tv_sec++; dl.tv_nsec -= 1000000000L; }
  OK(pthread_mutex_timedlock(&stat_m, &dl) == 0, "timedlock of a free mutex");
  double t0 = now(CLOCK_REALTIME);
  int r = pthread_mutex_timedlock(&stat_m, &dl);
  double waited = now(CLOCK_REALTIME) - t0;
  double past = now(CLOCK_REALTIME) - (dl.tv_sec + dl.tv_nsec / 1e9);
  OK(r == ETIMEDOUT, "timedlock of a held mutex: ETIMEDOUT (got %d)", r);
  OK(past >= 0 && waited > 0.05, "  returned after the deadline (waited %.3f s, %.4f s past it)", waited, past);
  struct timespec bad = {0, 1000000000L};
  OK(pthread_mutex_timedlock(&stat_m, &bad) == EINVAL, "timedlock with tv_nsec = 1e9 on a held mutex: EINVAL");
  struct timespec mono;
  clock_gettime(CLOCK_MONOTONIC, &mono);
  mono.tv_nsec += 20000000L;
  if (mono.tv_nsec >= 1000000000L) { mono.tv_sec++; mono.tv_nsec -= 1000000000L; }
  OK(pthread_mutex_clocklock(&stat_m, CLOCK_MONOTONIC, &mono) == ETIMEDOUT, "clocklock(CLOCK_MONOTONIC): ETIMEDOUT");
  OK(pthread_mutex_clocklock(&stat_m, CLOCK_PROCESS_CPUTIME_ID, &mono) == EINVAL, "clocklock on a CPU clock: EINVAL");
  OK(pthread_mutex_unlock(&stat_m) == 0 && pthread_mutex_destroy(&stat_m) == 0, "unlock + destroy");

  // recursive
  pthread_mutexattr_t a;
  int v;
  OK(pthread_mutexattr_init(&a) == 0, "mutexattr_init");
  OK(pthread_mutexattr_gettype(&a, &v) == 0 && v == PTHREAD_MUTEX_DEFAULT, "default type is PTHREAD_MUTEX_DEFAULT");
  OK(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE) == 0 && pthread_mutexattr_gettype(&a, &v) == 0 &&
        v == PTHREAD_MUTEX_RECURSIVE, "settype RECURSIVE round-trips");
  OK(pthread_mutexattr_settype(&a, 7) == EINVAL, "settype 7: EINVAL");
  pthread_mutex_t rm;
  OK(pthread_mutex_init(&rm, &a) == 0, "recursive mutex init");
  int ok = 1;
  for (int i = 0; i < 1000; i++) ok &= pthread_mutex_lock(&rm) == 0;
  OK(ok && pthread_mutex_trylock(&rm) == 0, "recursive: 1000 locks + trylock nest");
  ok = 1;
  for (int i = 0; i < 1001; i++) ok &= pthread_mutex_unlock(&rm) == 0;
  OK(ok && pthread_mutex_unlock(&rm) == EPERM, "1001 unlocks, the next EPERM");
  OK(pthread_mutex_destroy(&rm) == 0, "destroy");
  OK(pthread_mutex_lock(&stat_r) == 0 && pthread_mutex_lock(&stat_r) == 0 && pthread_mutex_unlock(&stat_r) == 0 &&
        pthread_mutex_unlock(&stat_r) == 0 && pthread_mutex_unlock(&stat_r) == EPERM,
        "PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP nests");

  // error-checking
  pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_t em;
  pthread_mutex_init(&em, &a);
  OK(pthread_mutex_unlock(&em) == EPERM, "errorcheck: unlock unowned EPERM");
  OK(pthread_mutex_lock(&em) == 0 && pthread_mutex_lock(&em) == EDEADLK, "errorcheck: relock EDEADLK");
  OK(pthread_mutex_trylock(&em) == EBUSY, "errorcheck: trylock EBUSY");
  OK(pthread_mutex_timedlock(&em, &dl) == EDEADLK, "errorcheck: timedlock of own lock EDEADLK at once");
  OK(pthread_mutex_unlock(&em) == 0 && pthread_mutex_destroy(&em) == 0, "unlock + destroy");

  // attribute round-trips and refusals
  OK(pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED) == 0 && pthread_mutexattr_getpshared(&a, &v) == 0 &&
        v == PTHREAD_PROCESS_SHARED, "pshared round-trips");
  OK(pthread_mutexattr_setpshared(&a, 5) == EINVAL, "pshared 5: EINVAL");
  OK(pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST) == 0 && pthread_mutexattr_getrobust(&a, &v) == 0 &&
        v == PTHREAD_MUTEX_ROBUST, "robust round-trips");
  OK(pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT) == 0 && pthread_mutexattr_getprotocol(&a, &v) == 0 &&
        v == PTHREAD_PRIO_INHERIT, "protocol PRIO_INHERIT round-trips");
  OK(pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_PROTECT) == ENOTSUP, "PRIO_PROTECT: ENOTSUP");
  OK(pthread_mutexattr_gettype(&a, &v) == 0 && v == PTHREAD_MUTEX_ERRORCHECK, "type kept beside the other bits");
  pthread_mutex_t robust;
  pthread_mutex_init(&robust, &a);
  OK(pthread_mutex_consistent(&robust) == EINVAL, "consistent on a consistent mutex: EINVAL");
  OK(pthread_mutex_getprioceiling(&robust, &v) == EINVAL, "getprioceiling without PRIO_PROTECT: EINVAL");
  OK(pthread_mutexattr_destroy(&a) == 0, "mutexattr_destroy");

  printf("sizeof pthread_t %zu, mutex %zu, mutexattr %zu\n", sizeof(pthread_t), sizeof(pthread_mutex_t),
         sizeof(pthread_mutexattr_t));
  return CHECK_DONE();
}
