/* wasip2-libc: Debian's WASI <limits.h> plus PIPE_BUF, which it leaves out
 * because preview1 has no pipes; ours has in-process pipes (src/io/pipe.c),
 * and the PTHREAD_* limits it hides behind _REENTRANT. */
#ifndef _WASIP2_LIMITS_H
#define _WASIP2_LIMITS_H
#include_next <limits.h>
#ifndef PIPE_BUF
#define PIPE_BUF 4096
#endif
/* semaphore limits, upstream's wasm32-wasip2 (and musl's) values */
#ifndef SEM_VALUE_MAX
#define SEM_VALUE_MAX 0x7fffffff
#define SEM_NSEMS_MAX 256
#endif
/* <pthread.h> exists without _REENTRANT (single-threaded model): its limits,
 * with the values Debian shows behind that gate */
#ifndef PTHREAD_KEYS_MAX
#define PTHREAD_KEYS_MAX 128
#define PTHREAD_STACK_MIN 2048
#define PTHREAD_DESTRUCTOR_ITERATIONS 4
#endif
#endif
