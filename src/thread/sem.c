// POSIX semaphores.  The count lives in sem_t; named ones are kept in a
// list inside the process (there is no other process to share them with).
//
// Without -pthread only a signal handler can post while we wait: so a wait
// on a zero count with no alarm armed would never end and fails with
// EDEADLK (POSIX's "a deadlock condition was detected") instead of hanging;
// with an alarm armed it sleeps until the alarm, whose handler runs, and
// fails with EINTR as Linux does for an interrupted wait (never restarted).
// sem_timedwait sleeps until its CLOCK_REALTIME deadline: ETIMEDOUT.
//
// In a -pthread build (WASIP2_COOP) a wait parks the thread on the
// semaphore's address and other threads run; sem_post wakes the first
// waiter, which returns as soon as it is scheduled again, and a timed wait
// ends at the post or at its deadline, whichever comes first.  EDEADLK
// stays only for the case the scheduler proves hopeless: every thread waits
// and nothing (no deadline, no I/O, no alarm) can ever wake one.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "wasip2_signal.h"
#include "wasip2_thread.h"

#ifndef SEM_VALUE_MAX
#define SEM_VALUE_MAX INT_MAX
#endif
#define COUNT(s) ((s)->__val[0])

int sem_init(sem_t *s, int pshared, unsigned value) {
  (void)pshared;  // one process: shared or not is the same
  if (value > SEM_VALUE_MAX) {
    errno = EINVAL;
    return -1;
  }
  memset(s, 0, sizeof *s);
  COUNT(s) = (int)value;
  return 0;
}

int sem_destroy(sem_t *s) {
  (void)s;
  return 0;
}

int sem_getvalue(sem_t *restrict s, int *restrict value) {
  *value = COUNT(s);
  return 0;
}

int sem_post(sem_t *s) {
  if (COUNT(s) == SEM_VALUE_MAX) {
    errno = EOVERFLOW;
    return -1;
  }
  COUNT(s)++;
#ifdef WASIP2_COOP
  __wasip2_thread_wake(s, 1);
#endif
  return 0;
}

int sem_trywait(sem_t *s) {
  if (COUNT(s) > 0) {
    COUNT(s)--;
    return 0;
  }
  errno = EAGAIN;
  return -1;
}

// sem_timedwait's start in both builds: a cancellation point, then the semaphore if it can be
// taken at once (0), else a bad deadline (-1, EINVAL) or "wait" (1)
static int timedwait_start(sem_t *restrict s, const struct timespec *restrict at) {
  __wasip2_thread_testcancel();
  if (sem_trywait(s) == 0) return 0;
  if (!at || at->tv_nsec < 0 || at->tv_nsec >= 1000000000) {
    errno = EINVAL;
    return -1;
  }
  return 1;
}

// Nothing but an alarm's handler can post: sleep until it, then EINTR
// unless the handler posted (Linux may say EINTR then too; either is
// allowed).  No alarm: nothing ever will, EDEADLK.
static int wait_for_alarm(sem_t *s) {
  if (!__wasip2_signal_deadline()) {
    errno = EDEADLK;
    return -1;
  }
  __wasip2_sig_wait_alarm();
  if (sem_trywait(s) == 0) return 0;
  errno = EINTR;
  return -1;
}

#ifdef WASIP2_COOP
// Park until the count is positive or the deadline (monotonic ns, 0 none).
static int park(sem_t *s, unsigned long long deadline) {
  while (COUNT(s) <= 0) {
    int r = __wasip2_thread_wait(s, deadline);
    if (r == EDEADLK) return wait_for_alarm(s);
    if (r) {
      errno = r;
      return -1;
    }
  }
  COUNT(s)--;
  return 0;
}

int sem_wait(sem_t *s) {
  __wasip2_thread_testcancel();  // a cancellation point
  if (sem_trywait(s) == 0) return 0;
  return park(s, 0);
}

int sem_timedwait(sem_t *restrict s, const struct timespec *restrict at) {
  int r = timedwait_start(s, at);
  if (r <= 0) return r;
  return park(s, __wasip2_thread_deadline(CLOCK_REALTIME, at));
}
#else
int sem_wait(sem_t *s) {
  __wasip2_thread_testcancel();  // a cancellation point
  if (sem_trywait(s) == 0) return 0;
  return wait_for_alarm(s);
}

int sem_timedwait(sem_t *restrict s, const struct timespec *restrict at) {
  int r = timedwait_start(s, at);
  if (r <= 0) return r;
  r = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, at, NULL);
  if (sem_trywait(s) == 0) return 0;
  errno = r == EINTR ? EINTR : ETIMEDOUT;
  return -1;
}
#endif

// ---- named semaphores
struct named {
  struct named *next;
  char *name;
  int refs;      // sem_open minus sem_close
  int linked;    // still reachable by name (not unlinked)
  sem_t sem;
};
static struct named *names;

static int check_name(const char *name) {
  // Linux (glibc/musl): one leading '/' optional, no other '/', not empty, NAME_MAX
  if (*name == '/') name++;
  size_t n = strlen(name);
  if (!n || n > NAME_MAX || strchr(name, '/')) {
    errno = n > NAME_MAX ? ENAMETOOLONG : EINVAL;
    return -1;
  }
  return 0;
}

static struct named *lookup(const char *name) {
  if (*name == '/') name++;
  for (struct named *p = names; p; p = p->next)
    if (p->linked && !strcmp(p->name, name)) return p;
  return NULL;
}

sem_t *sem_open(const char *name, int flags, ...) {
  if (check_name(name) < 0) return SEM_FAILED;
  struct named *p = lookup(name);
  if (p) {
    if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
      errno = EEXIST;
      return SEM_FAILED;
    }
    p->refs++;
    return &p->sem;
  }
  if (!(flags & O_CREAT)) {
    errno = ENOENT;
    return SEM_FAILED;
  }
  va_list ap;
  va_start(ap, flags);
  (void)va_arg(ap, unsigned);  // mode: nothing to protect from within one process
  unsigned value = va_arg(ap, unsigned);
  va_end(ap);
  if (value > SEM_VALUE_MAX) {
    errno = EINVAL;
    return SEM_FAILED;
  }
  p = calloc(1, sizeof *p);
  if (p) p->name = strdup(*name == '/' ? name + 1 : name);
  if (!p || !p->name) {
    free(p);
    errno = ENOMEM;
    return SEM_FAILED;
  }
  p->refs = 1;
  p->linked = 1;
  COUNT(&p->sem) = (int)value;
  p->next = names;
  names = p;
  return &p->sem;
}

static void release(struct named *p) {
  if (p->refs > 0 || p->linked) return;
  for (struct named **pp = &names; *pp; pp = &(*pp)->next)
    if (*pp == p) { *pp = p->next; break; }
  free(p->name);
  free(p);
}

int sem_close(sem_t *s) {
  for (struct named *p = names; p; p = p->next)
    if (&p->sem == s && p->refs > 0) {
      p->refs--;
      release(p);
      return 0;
    }
  errno = EINVAL;
  return -1;
}

int sem_unlink(const char *name) {
  if (check_name(name) < 0) return -1;
  struct named *p = lookup(name);
  if (!p) {
    errno = ENOENT;
    return -1;
  }
  p->linked = 0;
  release(p);
  return 0;
}
