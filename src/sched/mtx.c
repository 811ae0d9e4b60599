// C11 mutexes (<threads.h> mtx_*) for a component that has exactly one
// thread.  Debian's <threads.h> declares them but its single-threaded libc.a
// defines none, so gnulib (diffutils' setlocale lock, picked because
// <threads.h> exists) failed to link.  State lives in the mtx_t itself:
// __i[0] = type, __i[1] = lock count.  With one thread nobody else can
// release a held mutex, so locking one we already hold (not recursive) can
// never succeed: mtx_lock reports thrd_error instead of hanging forever, and
// mtx_timedlock waits out the deadline, then thrd_timedout.
#include <errno.h>
#include <threads.h>
#include <time.h>

#define TYPE(m)  ((m)->__u.__i[0])
#define COUNT(m) ((m)->__u.__i[1])

int mtx_init(mtx_t *m, int type) {
  if (type & ~(mtx_recursive | mtx_timed)) return thrd_error;
  TYPE(m) = type;
  COUNT(m) = 0;
  return thrd_success;
}

void mtx_destroy(mtx_t *m) {
  COUNT(m) = 0;
}

int mtx_trylock(mtx_t *m) {
  if (COUNT(m) > 0 && !(TYPE(m) & mtx_recursive)) return thrd_busy;
  COUNT(m)++;
  return thrd_success;
}

int mtx_lock(mtx_t *m) {
  return mtx_trylock(m) == thrd_success ? thrd_success : thrd_error;
}

int mtx_timedlock(mtx_t *restrict m, const struct timespec *restrict ts) {
  if (mtx_trylock(m) == thrd_success) return thrd_success;
  while (clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, ts, 0) == EINTR) {}
  return thrd_timedout;
}

int mtx_unlock(mtx_t *m) {
  if (COUNT(m) <= 0) return thrd_error;
  COUNT(m)--;
  return thrd_success;
}
