// Thread odds and ends: fork handlers, concurrency hint, priority, names,
// CPU affinity and the thread's CPU clock, for the one thread there is.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "wasip2_runtime.h"
#include "wasip2_thread.h"

// fork() always fails (ENOSYS), so the handlers are never due; registering
// them succeeds, as a program that also works without fork expects.
int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void)) {
  (void)prepare, (void)parent, (void)child;
  return 0;
}

static int concurrency;

int pthread_getconcurrency(void) { return concurrency; }

int pthread_setconcurrency(int level) {
  if (level < 0) return EINVAL;
  concurrency = level;
  return 0;
}

// Only the normal policy exists, whose one priority is 0 (as SCHED_OTHER
// on Linux).
int pthread_setschedprio(pthread_t t, int prio) {
  if (!__wasip2_thread_valid(t)) return ESRCH;
  return prio == 0 ? 0 : EINVAL;
}

// A clock of that thread: its address (src/time reads it as
// CLOCK_THREAD_CPUTIME_ID, the monotonic clock: WASI has no CPU clock).
int pthread_getcpuclockid(pthread_t t, clockid_t *clock) {
  if (!__wasip2_thread_valid(t)) return ESRCH;
  *clock = (clockid_t)(void *)t;
  return 0;
}

// The process's CPU clock; the only process is this one (another: ESRCH,
// what Linux says for a pid that does not exist).
int clock_getcpuclockid(pid_t pid, clockid_t *clock) {
  if (pid != 0 && pid != getpid()) return ESRCH;
  *clock = CLOCK_PROCESS_CPUTIME_ID;
  return 0;
}

// For src/time: is id the CPU clock of a thread still there?
int __wasip2_thread_cpuclock(clockid_t id) {
  return __wasip2_thread_valid((pthread_t)(void *)id);
}

// Linux's limit: 16 bytes with the terminator.
int pthread_setname_np(pthread_t t, const char *name) {
  if (!__wasip2_thread_valid(t)) return ESRCH;
  size_t n = strlen(name);
  if (n >= sizeof t->name) return ERANGE;
  memcpy(t->name, name, n + 1);
  return 0;
}

int pthread_getname_np(pthread_t t, char *buf, size_t len) {
  if (!__wasip2_thread_valid(t)) return ESRCH;
  size_t n = strlen(t->name);
  if (len <= n) return ERANGE;
  memcpy(buf, t->name, n + 1);
  return 0;
}

// One CPU, number 0.  A set that leaves it out cannot be honoured.
int pthread_getaffinity_np(pthread_t t, size_t size, struct cpu_set_t *set) {
  if (!__wasip2_thread_valid(t)) return ESRCH;
  if (size == 0) return EINVAL;
  memset(set, 0, size);
  *(unsigned char *)set = 1;
  return 0;
}

int pthread_setaffinity_np(pthread_t t, size_t size, const struct cpu_set_t *set) {
  if (!__wasip2_thread_valid(t)) return ESRCH;
  if (size == 0 || !(*(const unsigned char *)set & 1)) return EINVAL;
  return 0;
}
