// Read-write locks, spin locks and barriers for one thread: read locks
// nest, a write lock excludes everything (try forms EBUSY; a blocking form
// that would wait for the caller itself EDEADLK, the timed forms wait out
// the deadline then ETIMEDOUT), unlock of a free lock EPERM; a spin lock
// the caller holds is EDEADLK instead of spinning forever; a barrier for
// one returns PTHREAD_BARRIER_SERIAL_THREAD every time, one for two cannot
// be passed (EDEADLK).
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include "check.h"

static double mono(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct timespec in_ms(clockid_t c, long ms) {
  struct timespec ts;
  clock_gettime(c, &ts);
  ts.tv_nsec += ms * 1000000L;
  while (ts.tv_nsec >= 1000000000L) { ts.tv_sec++; ts.tv_nsec -= 1000000000L; }
  return ts;
}

static pthread_rwlock_t l = PTHREAD_RWLOCK_INITIALIZER;

int main(void) {
  OK(pthread_rwlock_rdlock(&l) == 0 && pthread_rwlock_rdlock(&l) == 0 && pthread_rwlock_tryrdlock(&l) == 0,
        "three nested read locks");
  OK(pthread_rwlock_trywrlock(&l) == EBUSY, "trywrlock while read-locked: EBUSY");
  OK(pthread_rwlock_wrlock(&l) == EDEADLK, "wrlock while we read-lock it: EDEADLK, no hang");
  OK(pthread_rwlock_destroy(&l) == EBUSY, "destroy while held: EBUSY");
  double t0 = mono();  // before the deadline is taken: a delay between the two cannot shorten w
  struct timespec dl = in_ms(CLOCK_REALTIME, 80);
  int r = pthread_rwlock_timedwrlock(&l, &dl);
  double w = mono() - t0;
  OK(r == ETIMEDOUT && w >= 0.075, "timedwrlock while read-locked: ETIMEDOUT after %.3f s", w);
  OK(pthread_rwlock_unlock(&l) == 0 && pthread_rwlock_unlock(&l) == 0 && pthread_rwlock_unlock(&l) == 0,
        "three unlocks");
  OK(pthread_rwlock_unlock(&l) == EPERM, "unlock of a free rwlock: EPERM");

  OK(pthread_rwlock_wrlock(&l) == 0, "wrlock");
  OK(pthread_rwlock_tryrdlock(&l) == EBUSY && pthread_rwlock_trywrlock(&l) == EBUSY, "try forms while write-locked: EBUSY");
  OK(pthread_rwlock_rdlock(&l) == EDEADLK && pthread_rwlock_wrlock(&l) == EDEADLK, "blocking forms: EDEADLK");
  t0 = mono();
  struct timespec mdl = in_ms(CLOCK_MONOTONIC, 40);
  r = pthread_rwlock_clockrdlock(&l, CLOCK_MONOTONIC, &mdl);
  w = mono() - t0;
  OK(r == ETIMEDOUT && w >= 0.035, "clockrdlock(CLOCK_MONOTONIC): ETIMEDOUT after %.3f s", w);
  struct timespec bad = {0, 2000000000L};
  OK(pthread_rwlock_timedrdlock(&l, &bad) == EINVAL, "timedrdlock with a bad deadline: EINVAL");
  OK(pthread_rwlock_unlock(&l) == 0 && pthread_rwlock_tryrdlock(&l) == 0 && pthread_rwlock_unlock(&l) == 0,
        "unlock, free again");
  OK(pthread_rwlock_destroy(&l) == 0, "destroy");

  pthread_rwlockattr_t ra;
  int v;
  OK(pthread_rwlockattr_init(&ra) == 0 && pthread_rwlockattr_getpshared(&ra, &v) == 0 && v == PTHREAD_PROCESS_PRIVATE,
        "rwlockattr default private");
  OK(pthread_rwlockattr_setpshared(&ra, PTHREAD_PROCESS_SHARED) == 0 && pthread_rwlockattr_getpshared(&ra, &v) == 0 &&
        v == PTHREAD_PROCESS_SHARED, "rwlockattr pshared round-trips");
  OK(pthread_rwlockattr_setpshared(&ra, 9) == EINVAL, "pshared 9: EINVAL");
  pthread_rwlock_t l2;
  OK(pthread_rwlock_init(&l2, &ra) == 0 && pthread_rwlock_wrlock(&l2) == 0 && pthread_rwlock_unlock(&l2) == 0,
        "rwlock from attributes");
  pthread_rwlockattr_destroy(&ra);

  pthread_spinlock_t s;
  OK(pthread_spin_init(&s, PTHREAD_PROCESS_PRIVATE) == 0, "spin_init");
  OK(pthread_spin_init(&s, 4) == EINVAL, "spin_init pshared 4: EINVAL");
  OK(pthread_spin_lock(&s) == 0 && pthread_spin_trylock(&s) == EBUSY, "spin_lock, then trylock EBUSY");
  OK(pthread_spin_lock(&s) == EDEADLK, "spin_lock of our own lock: EDEADLK, no endless spin");
  OK(pthread_spin_destroy(&s) == EBUSY, "spin_destroy while held: EBUSY");
  OK(pthread_spin_unlock(&s) == 0 && pthread_spin_unlock(&s) == EPERM, "spin_unlock, again EPERM");
  OK(pthread_spin_trylock(&s) == 0 && pthread_spin_unlock(&s) == 0 && pthread_spin_destroy(&s) == 0, "trylock/unlock/destroy");

  pthread_barrier_t b;
  pthread_barrierattr_t ba;
  OK(pthread_barrierattr_init(&ba) == 0 && pthread_barrierattr_setpshared(&ba, PTHREAD_PROCESS_SHARED) == 0 &&
        pthread_barrierattr_getpshared(&ba, &v) == 0 && v == PTHREAD_PROCESS_SHARED, "barrierattr pshared round-trips");
  OK(pthread_barrier_init(&b, &ba, 0) == EINVAL, "barrier of 0: EINVAL");
  OK(pthread_barrier_init(&b, &ba, 1) == 0, "barrier of 1");
  int serial = 1;
  for (int i = 0; i < 5; i++) serial &= pthread_barrier_wait(&b) == PTHREAD_BARRIER_SERIAL_THREAD;
  OK(serial, "5 waits on a barrier of 1: PTHREAD_BARRIER_SERIAL_THREAD each");
  pthread_barrier_destroy(&b);
  OK(pthread_barrier_init(&b, NULL, 2) == 0 && pthread_barrier_wait(&b) == EDEADLK,
        "barrier of 2: wait EDEADLK (no second thread can come)");
  OK(pthread_barrier_destroy(&b) == 0 && pthread_barrierattr_destroy(&ba) == 0, "destroy");

  printf("sizeof rwlock %zu, barrier %zu, spinlock %zu\n", sizeof(pthread_rwlock_t), sizeof(pthread_barrier_t),
         sizeof(pthread_spinlock_t));
  return CHECK_DONE();
}
