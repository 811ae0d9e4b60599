/* <wasi/descriptors.h>: the WASI 0.2 handles behind a POSIX fd, and fds
 * made from handles obtained elsewhere (another language's code in the same
 * component, or calls through <wasi/wasip2.h>).
 *
 * Handles are the int32_t resource handles of <wasi/wasip2.h>; 0 means
 * "none" (the component model never hands out handle 0).
 *
 * Borrowing (wasip2_fd_get_handles, wasip2_fd_pollable): the handles stay
 * owned by libc.  Use them for calls that borrow (methods, poll), never drop
 * them, and stop using them when the fd's open description goes away (its
 * last fd is closed, or the program exits).  A socket's streams appear when
 * it connects, so ask again after connect/accept.  Reading or writing the
 * streams directly bypasses libc's buffers (MSG_PEEK data, queued writes):
 * do one or the other on a given stream, not both.
 *
 * Adopting (wasip2_fd_adopt_*): ownership of every handle passed passes to
 * libc, which drops it (children before parents) when the new fd's last
 * reference closes, or at exit.  On failure (-1 and errno) libc has dropped
 * them too, so the caller never drops an adopted handle. */
#ifndef _WASI_DESCRIPTORS_H
#define _WASI_DESCRIPTORS_H
#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>

/* What an fd is. */
#define WASIP2_FD_STDIO      1  /* stdin/stdout/stderr: one stream */
#define WASIP2_FD_FILE       2  /* wasi:filesystem descriptor */
#define WASIP2_FD_DIRECTORY  3  /* wasi:filesystem descriptor */
#define WASIP2_FD_TCP        4  /* wasi:sockets tcp-socket (+ streams once connected) */
#define WASIP2_FD_UDP        5  /* wasi:sockets udp-socket (+ datagram streams once bound) */
#define WASIP2_FD_IN_PROCESS 6  /* pipe, eventfd, socketpair, epoll, /dev/null...: no WASI handle */

struct wasip2_fd_handles {
	int kind;                 /* WASIP2_FD_* */
	int32_t descriptor;       /* wasi:filesystem/types.descriptor */
	int32_t tcp_socket;       /* wasi:sockets/tcp.tcp-socket */
	int32_t udp_socket;       /* wasi:sockets/udp.udp-socket */
	int32_t input_stream;     /* wasi:io/streams.input-stream (stdin, connected TCP) */
	int32_t output_stream;    /* wasi:io/streams.output-stream (stdout/stderr, connected TCP) */
	int32_t incoming_datagrams; /* wasi:sockets/udp.incoming-datagram-stream */
	int32_t outgoing_datagrams; /* wasi:sockets/udp.outgoing-datagram-stream */
};

/* Fill *h with fd's handles (borrowed).  0, or -1 with errno EBADF. */
int wasip2_fd_get_handles(int fd, struct wasip2_fd_handles *h);

/* A wasi:io/poll pollable (borrowed, cached by libc) that is ready when fd
 * may be ready for `events` (POLLIN or POLLOUT); poll() itself waits on the
 * same one, and after it fires the fd may still need a call that returns
 * EAGAIN (as after any poll wakeup).  Returns 0 and *p; 1 when the fd is
 * ready now and needs no pollable (*p = 0); -1 with errno EBADF, or EINVAL
 * for events other than POLLIN/POLLOUT, or ENOTSUP for an fd with no WASI
 * pollable (in-process fds, files). */
int wasip2_fd_pollable(int fd, short events, int32_t *p);

/* Lowest free fd for a tcp-socket, in whatever state it is: listening
 * (accept() works), connected (give its two streams, from finish-connect
 * or accept), bound, or fresh.  flags: SOCK_NONBLOCK, SOCK_CLOEXEC. */
int wasip2_fd_adopt_tcp_socket(int32_t socket, int32_t input_stream, int32_t output_stream, int flags);

/* Lowest free fd for a udp-socket; its datagram streams, if it has them,
 * may be given (0 otherwise: libc opens them if the socket is bound). */
int wasip2_fd_adopt_udp_socket(int32_t socket, int32_t incoming, int32_t outgoing, int flags);

/* Lowest free fd for a wasi:filesystem descriptor (file or directory).
 * oflags: O_RDONLY/O_WRONLY/O_RDWR and O_APPEND.  path: the absolute guest
 * path it names (used by *at() calls relative to it and by fchdir). */
int wasip2_fd_adopt_descriptor(int32_t descriptor, int oflags, const char *path);

#ifdef __cplusplus
}
#endif
#endif
