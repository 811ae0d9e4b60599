/* wasip2-libc: Debian's <wasi/libc-nocwd.h> declares a parameter
 * `const struct timespec[2]`, which needs the complete type: included alone
 * it did not compile. */
#ifndef __WASIP2_WASI_LIBC_NOCWD_H
#define __WASIP2_WASI_LIBC_NOCWD_H
#include <__struct_timespec.h>
#include_next <wasi/libc-nocwd.h>
#endif
