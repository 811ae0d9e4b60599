/* wasip2-libc: Debian's <wasi/libc.h> as upstream wasi-libc ships it for
 * wasm32-wasip2: __wasilibc_register_preopened_fd, which names a preview1
 * descriptor, is declared only off p2 there and not at all here (its
 * declaration is renamed out of the way); upstream's later additions that
 * make sense here are declared (populate/reset of the preopens, random).  What exists and what does not: docs/compatibility.md,
 * "Headers and ABI shared with upstream". */
#ifndef __WASIP2_WASI_LIBC_H
#define __WASIP2_WASI_LIBC_H
#define __wasilibc_register_preopened_fd __wasip2_hidden_register_preopened_fd
#include_next <wasi/libc.h>
#undef __wasilibc_register_preopened_fd
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
/* Load the preopens now (they load on first use anyway). */
void __wasilibc_populate_preopens(void);
/* Forget the preopens and close every fd from 3 up (before snapshotting);
 * the next path call loads the preopens again. */
void __wasilibc_reset_preopens(void);
/* Fill a buffer of any length with random bytes: 0, or -1 with errno. */
int __wasilibc_random(void *buffer, size_t len) __attribute__((__warn_unused_result__));

/* Futexes, declared where upstream wasi-libc declares them, with its names
 * and numbers (src/thread/futex.c).  wait: if *addr == val, block until a
 * wake on addr or the timeout `at` (relative, or absolute on `clock` with
 * __WASILIBC_FUTEX_TIMESPEC_ABSOLUTE; NULL: none).  Returns 0 when woken,
 * -EWOULDBLOCK (*addr != val), -ETIMEDOUT, -EINVAL (misaligned addr, bad
 * flags, clock or timespec), or -EDEADLK when nothing could ever wake it
 * (no other thread: a build without -pthread, or every other thread
 * blocked for good).  wake: make up to `count` waiters on addr runnable
 * (__WASILIBC_FUTEX_WAKE_ALL: all; __WASILIBC_FUTEX_YIELD: let them run
 * now); returns how many, or -EINVAL. */
struct timespec;
#include <__typedef_clockid_t.h>
enum {
  __WASILIBC_FUTEX_WAKE_ALL = -1,
  __WASILIBC_FUTEX_YIELD = 1 << 0,
  __WASILIBC_FUTEX_TIMESPEC_ABSOLUTE = 1 << 1,
};
int __wasilibc_futex_wait(volatile int *addr, int val, clockid_t clock,
                          const struct timespec *at, unsigned flags);
int __wasilibc_futex_wake(volatile int *addr, int count, unsigned flags);
#ifdef __cplusplus
}
#endif
#endif
