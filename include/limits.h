/* wasip2-libc: Debian's WASI <limits.h> plus PIPE_BUF, which it leaves out
 * because preview1 has no pipes; ours has in-process pipes (src/io/pipe.c),
 * and the PTHREAD_* limits it hides behind _REENTRANT. */
#ifndef _WASIP2_LIMITS_H
#define _WASIP2_LIMITS_H
#include_next <limits.h>
#ifndef PIPE_BUF
#define PIPE_BUF 4096
#endif
/* <pthread.h> exists without _REENTRANT (single-threaded model): its limits,
 * with the values Debian shows behind that gate */
#ifndef PTHREAD_KEYS_MAX
#define PTHREAD_KEYS_MAX 128
#define PTHREAD_STACK_MIN 2048
#define PTHREAD_DESTRUCTOR_ITERATIONS 4
#endif
#endif
