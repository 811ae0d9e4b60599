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
#ifdef __cplusplus
}
#endif
#endif
