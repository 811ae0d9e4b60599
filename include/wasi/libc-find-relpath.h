/* wasip2-libc: Debian's <wasi/libc-find-relpath.h> uses size_t without
 * declaring it; included alone it did not compile. */
#ifndef __WASIP2_WASI_LIBC_FIND_RELPATH_H
#define __WASIP2_WASI_LIBC_FIND_RELPATH_H
#define __need_size_t
#include <stddef.h>
#include_next <wasi/libc-find-relpath.h>
#endif
