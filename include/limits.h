/* wasip2-libc: Debian's WASI <limits.h> plus PIPE_BUF, which it leaves out
 * because preview1 has no pipes; ours has in-process pipes (src/io/pipe.c). */
#ifndef _WASIP2_LIMITS_H
#define _WASIP2_LIMITS_H
#include_next <limits.h>
#ifndef PIPE_BUF
#define PIPE_BUF 4096
#endif
#endif
