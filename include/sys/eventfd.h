/* sys/eventfd.h for wasm32-wasip2: an in-process counter fd (Linux's
 * eventfd(2)).  Replaces Debian's header, whose EFD_CLOEXEC is WASI's O_CLOEXEC
 * (0): here it is SOCK_CLOEXEC's bit, so the flag really sets FD_CLOEXEC. */
#ifndef _SYS_EVENTFD_H
#define _SYS_EVENTFD_H
#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>
#include <fcntl.h>

typedef uint64_t eventfd_t;

#define EFD_SEMAPHORE 1
#define EFD_CLOEXEC   0x00002000
#define EFD_NONBLOCK  O_NONBLOCK

int eventfd(unsigned int, int);
int eventfd_read(int, eventfd_t *);
int eventfd_write(int, eventfd_t);

#ifdef __cplusplus
}
#endif
#endif
