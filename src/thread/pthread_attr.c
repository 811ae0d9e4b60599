// Thread attributes.  They are kept (musl's pthread_attr_t layout: stack
// size, guard size, stack top, then detach state, inherit, policy) and read
// back, for the pthread_create of a later multi-threaded build; today no
// thread is ever created from them.  The process-wide defaults start as the
// values pthread_attr_init gives.
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <pthread.h>
#include <string.h>
#include "wasip2_runtime.h" // __stack_high, __stack_low
#include "wasip2_thread.h"

#define STACKSIZE(a) ((a)->__u.__s[0])
#define GUARDSIZE(a) ((a)->__u.__s[1])
#define STACKTOP(a)  ((a)->__u.__s[2])
#define DETACH(a)    ((a)->__u.__i[3])
#define INHERIT(a)   ((a)->__u.__i[4])
#define POLICY(a)    ((a)->__u.__i[5])

// wasm has no guard pages (no memory protection inside linear memory), so
// the default guard is 0; an overflow is caught by a bounds check on the
// stack pointer instead (the -pthread link, tools/lib/stack-check.mjs).
//
// The default thread stack is the main thread's size (what the link gave
// it: -Wl,-z,stack-size, 1 MiB by default), at least 1 MiB: Linux too gives
// every thread RLIMIT_STACK, the main thread's limit.  So a program whose
// main stack was sized for its recursion (CPython links 12 MiB for WASI)
// gets threads that survive the same recursion; musl's 128 KiB did not
// (a thread overwrote the heap next to its stack).  malloc'd stack pages
// that are never touched cost the host no memory (V8 maps grown wasm memory
// lazily), only address space.
#define MIN_DEFAULT_STACK (1u << 20)

size_t __wasip2_thread_default_stack(void) {
  size_t main = __stack_high ? (size_t)(__stack_high - __stack_low) : 0;
  main &= ~(size_t)15;
  return main > MIN_DEFAULT_STACK ? main : MIN_DEFAULT_STACK;
}

static pthread_attr_t defaults;
static int defaults_set;

int pthread_attr_init(pthread_attr_t *a) {
  if (defaults_set) {
    *a = defaults;
    return 0;
  }
  memset(a, 0, sizeof *a);
  STACKSIZE(a) = __wasip2_thread_default_stack();
  return 0;
}

int pthread_attr_destroy(pthread_attr_t *a) {
  (void)a;
  return 0;
}

int pthread_attr_getguardsize(const pthread_attr_t *restrict a, size_t *restrict size) {
  *size = GUARDSIZE(a);
  return 0;
}

int pthread_attr_setguardsize(pthread_attr_t *a, size_t size) {
  if (size > SIZE_MAX / 8) return EINVAL;
  GUARDSIZE(a) = size;
  return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *restrict a, size_t *restrict size) {
  *size = STACKSIZE(a);
  return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *a, size_t size) {
  if (size < PTHREAD_STACK_MIN || size > SIZE_MAX / 4) return EINVAL;
  STACKSIZE(a) = size;
  STACKTOP(a) = 0;  // a size alone: the stack is to be allocated
  return 0;
}

int pthread_attr_getstack(const pthread_attr_t *restrict a, void **restrict addr, size_t *restrict size) {
  if (!STACKTOP(a)) return EINVAL;  // no stack was set (POSIX leaves it open; musl too)
  *addr = (void *)(STACKTOP(a) - STACKSIZE(a));
  *size = STACKSIZE(a);
  return 0;
}

int pthread_attr_setstack(pthread_attr_t *a, void *addr, size_t size) {
  if (size < PTHREAD_STACK_MIN || size > SIZE_MAX / 4 || (size_t)addr > SIZE_MAX - size) return EINVAL;
  STACKTOP(a) = (size_t)addr + size;
  STACKSIZE(a) = size;
  return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state) {
  *state = DETACH(a);
  return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *a, int state) {
  if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED) return EINVAL;
  DETACH(a) = state;
  return 0;
}

int pthread_attr_getscope(const pthread_attr_t *restrict a, int *restrict scope) {
  (void)a;
  *scope = PTHREAD_SCOPE_SYSTEM;
  return 0;
}

// Linux (and musl) schedule every thread system-wide.
int pthread_attr_setscope(pthread_attr_t *a, int scope) {
  (void)a;
  if (scope == PTHREAD_SCOPE_SYSTEM) return 0;
  return scope == PTHREAD_SCOPE_PROCESS ? ENOTSUP : EINVAL;
}

int pthread_attr_getinheritsched(const pthread_attr_t *restrict a, int *restrict inherit) {
  *inherit = INHERIT(a);
  return 0;
}

int pthread_attr_setinheritsched(pthread_attr_t *a, int inherit) {
  if (inherit != PTHREAD_INHERIT_SCHED && inherit != PTHREAD_EXPLICIT_SCHED) return EINVAL;
  INHERIT(a) = inherit;
  return 0;
}

int pthread_attr_getschedpolicy(const pthread_attr_t *restrict a, int *restrict policy) {
  *policy = POLICY(a);
  return 0;
}

// WASI has no scheduler control: only the normal policy (SCHED_OTHER, 0)
// exists; the real-time ones (1 FIFO, 2 RR) are not supported.
int pthread_attr_setschedpolicy(pthread_attr_t *a, int policy) {
  if (policy == 0) {
    POLICY(a) = 0;
    return 0;
  }
  return policy == 1 || policy == 2 ? ENOTSUP : EINVAL;
}

int pthread_getattr_default_np(pthread_attr_t *a) {
  if (defaults_set) *a = defaults;
  else pthread_attr_init(a);
  return 0;
}

int pthread_setattr_default_np(const pthread_attr_t *a) {
  if (STACKTOP(a)) return EINVAL;  // one stack cannot serve every thread
  defaults = *a;
  defaults_set = 1;
  return 0;
}

// A thread's attributes: its real stack (for main the one the linker
// reserved) and detach state.
int pthread_getattr_np(pthread_t t, pthread_attr_t *a) {
  if (!__wasip2_thread_valid(t)) return ESRCH;
  memset(a, 0, sizeof *a);
  STACKSIZE(a) = __wasip2_thread_default_stack();
  DETACH(a) = t->detached;
#ifdef WASIP2_COOP
  if (t != &__wasip2_main_thread) {
    STACKTOP(a) = (size_t)t->stack + t->stack_size;
    STACKSIZE(a) = t->stack_size;
    return 0;
  }
#endif
  // __stack_low is address 0 when the stack comes first in memory (the
  // default layout): only a missing __stack_high means "unknown".
  if (__stack_high) {
    STACKTOP(a) = (size_t)__stack_high;
    STACKSIZE(a) = (size_t)(__stack_high - __stack_low);
  }
  DETACH(a) = t->detached;
  return 0;
}
