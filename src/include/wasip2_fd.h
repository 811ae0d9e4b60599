// The descriptor table: POSIX fds -> refcounted open descriptions, each of a
// kind (stdio stream, file, directory, TCP, UDP, device) with its own ops.
// dup'd fds share one description (offset, status flags, the resource);
// the description's resources are released when its last fd closes.
// The fd-table layer (docs/CONVENTIONS.md, "Layers"): it uses the runtime
// (wasip2_runtime.h) and never names a kind; the kinds reach it through
// their ops tables and the hooks declared here.  The kinds that live in
// src/io (stdio, pipe, eventfd, epoll) and src/dev are declared here too.
#ifndef WASIP2_FD_H
#define WASIP2_FD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <signal.h>
#include "wasip2_bindings.h"
#include "wasip2_runtime.h"
#include "wasip2_wait.h"

struct __wasip2_desc;
struct __wasip2_poll_ctx;
struct wasip2_fd_handles;

enum __wasip2_kind {
  WASIP2_KIND_STREAM = 1, // stdio: an input and/or output stream
  WASIP2_KIND_FILE,
  WASIP2_KIND_DIR,
  WASIP2_KIND_TCP,
  WASIP2_KIND_UDP,
  WASIP2_KIND_DEV,        // /dev/null and friends, emulated in libc
  WASIP2_KIND_PIPE,       // an in-process pipe end (src/io/pipe.c)
  WASIP2_KIND_EVENTFD,    // an in-process counter (src/io/eventfd.c)
  WASIP2_KIND_UNIX,       // an in-process AF_UNIX socketpair end (src/net/socketpair.c)
  WASIP2_KIND_EPOLL,      // an epoll instance (src/io/epoll.c)
};

// Every member may be NULL: the generic code then answers with the POSIX
// errno for "this kind of fd cannot do that" (EINVAL, ESPIPE, ENOTSOCK...).
struct __wasip2_ops {
  ssize_t (*read)(struct __wasip2_desc *, void *buf, size_t len);
  ssize_t (*write)(struct __wasip2_desc *, const void *buf, size_t len);
  // Optional whole-vector forms; without them readv/writev loop over read/write.
  ssize_t (*readv)(struct __wasip2_desc *, const struct iovec *iov, int n);
  ssize_t (*writev)(struct __wasip2_desc *, const struct iovec *iov, int n);
  ssize_t (*pread)(struct __wasip2_desc *, void *buf, size_t len, off_t off);
  ssize_t (*pwrite)(struct __wasip2_desc *, const void *buf, size_t len, off_t off);
  off_t (*seek)(struct __wasip2_desc *, off_t off, int whence);
  int (*fstat)(struct __wasip2_desc *, struct stat *);
  // Called once, when the last fd referring to the description closes: drop
  // every WASI resource, children (pollables, streams) before parents.
  int (*close)(struct __wasip2_desc *);
  // poll(): report events ready now (no host call if the state is known), or
  // register what to wait on with __wasip2_poll_add and return 0.  Besides
  // the POLL* bits, `events` may hold WASIP2_POLL_RDHUP (epoll's EPOLLRDHUP).
  short (*poll)(struct __wasip2_desc *, short events, struct __wasip2_poll_ctx *);
  // F_SETFL: the new status flags are already in d->flags when this runs.
  int (*setfl)(struct __wasip2_desc *, int old_flags);
  int (*ioctl)(struct __wasip2_desc *, int request, void *arg);
  // isatty(): 1 when the fd is a terminal (NULL: never, ENOTTY).
  int (*isatty)(struct __wasip2_desc *);
  // <wasi/descriptors.h>: fill in the WASI handles behind the description
  // and its WASIP2_FD_* kind (NULL: WASIP2_FD_IN_PROCESS, no handle).
  int (*handles)(struct __wasip2_desc *, struct wasip2_fd_handles *);
  // errno of read, write, pread, pwrite and their vector forms when the
  // member is NULL; 0 leaves the call's own (EINVAL, ESPIPE for pread and
  // pwrite).  A directory's table says EISDIR.
  int io_errno;
  // epoll_ctl's answer for this kind: EPERM for what never waits (files,
  // directories, devices: Linux has no poll operation for them); 0 lets
  // epoll watch it when it has a poll member.
  int epoll_errno;
  // errno of bind, connect, listen, accept... on a kind that is not an IP
  // socket: 0 says ENOTSOCK; a socketpair end says EINVAL (a socket, but
  // one with no name to give).
  int sock_errno;
};

struct __wasip2_desc {
  int refs;                 // fds referring to this description
  int kind;                 // enum __wasip2_kind
  int flags;                // O_ACCMODE bits | O_APPEND | O_NONBLOCK ...
  const struct __wasip2_ops *ops;
  void *impl;               // kind-specific state, owned by the kind's ops
  int on_heap;              // made by __wasip2_desc_new (freed with its last fd);
                            // 0: static (the stdio streams' descriptions)
  int epolls;               // epoll interest lists holding it (src/io/epoll.c)
};

#define WASIP2_FD_CLOEXEC 1

// The table's size limit, RLIMIT_NOFILE's hard limit; the soft limit
// (default 1024) lives in the table and bounds every new fd (EMFILE).
#define WASIP2_FD_MAX 65536
extern int __wasip2_fd_nofile;
// The peer shut down its writing side (Linux's POLLRDHUP, which WASI's
// <poll.h> lacks): reported by ops->poll only when asked for in `events`.
#define WASIP2_POLL_RDHUP ((short)0x0800)

// Lowest free fd >= minfd bound to a new reference to d (refs incremented),
// or -1 with EMFILE.
int __wasip2_fd_install(struct __wasip2_desc *d, int minfd);
// 1 when an fd below the soft limit is free, else 0 with EMFILE: for calls
// that must not take a host resource they could not give an fd (accept).
int __wasip2_fd_room(void);
// New description with refs = 0 (freed by the table when the last fd closes).
struct __wasip2_desc *__wasip2_desc_new(int kind, const struct __wasip2_ops *ops, int flags, void *impl);
// Description of fd, or NULL with errno = EBADF.
struct __wasip2_desc *__wasip2_fd_get(int fd);
// Per-fd flags (FD_CLOEXEC).
int __wasip2_fd_getfdflags(int fd);
int __wasip2_fd_setfdflags(int fd, int fdflags);
// Drop fd's reference; closes the description when it was the last.
int __wasip2_fd_close(int fd);
// Make newfd refer to oldfd's description (dup2 semantics).
int __wasip2_fd_dup2(int oldfd, int newfd);
// Number of slots in use + 1 (for iteration at exit).
int __wasip2_fd_limit(void);

// The table itself, shared by src/fd/fd_table.c (lookups, close) and
// src/fd/fd_install.c (new fds, growth).  It starts as a static array, so a
// program that only uses the stdio fds links no allocator for it.
struct __wasip2_fd_slot {
  struct __wasip2_desc *desc;
  int fdflags;
};
extern struct __wasip2_fd_slot *__wasip2_fd_slots;
extern int __wasip2_fd_nslots;
// fds 0-2 bind lazily to their streams: bind fd now if it never was (no-op
// otherwise), or mark it replaced so it never binds (dup2 onto it).
void __wasip2_fd_bind_stdio(int fd);
void __wasip2_fd_forget_stdio(int fd);
// The hook that binding calls: the description (refs 0) fd 0, 1 or 2 starts
// as, made the first time the fd is looked up, or NULL to leave it closed.
// The table does not know which kind that is: the kind that provides the
// standard streams defines the hook (src/io/stdio.c), and every program
// that uses an fd links it, as every program may write to fd 2.
struct __wasip2_desc *__wasip2_fd_initial(int fd);
// Free a description made by __wasip2_desc_new (src/fd/fd_install.c).
// Weak: only descriptions made by __wasip2_desc_new live on the heap, and
// linking that links this.
void __wasip2_desc_free(struct __wasip2_desc *d) __attribute__((weak));
// Drop one fd's reference to d; the last one closes (and frees) it.
int __wasip2_desc_release(struct __wasip2_desc *d);
// Close every fd (at exit, so no WASI resource outlives the program).
void __wasip2_fd_close_all(void);

// A kind that keeps references to descriptions outside the table (epoll's
// interest lists) registers a hook that runs when a description's last fd
// closes, before its ops->close; registered by the code that first keeps
// such a reference, so the table names none of them.  -1 when full.
int __wasip2_fd_on_release(void (*fn)(struct __wasip2_desc *));

// Hooks of optional parts the table calls when they are linked (weak: NULL
// otherwise, so a program without them links none of their code).
// The preview1 adapter's fd numbers (src/fd/p1_adapter.c, linked only with
// -Wl,--wasi-p1-adapter), kept disjoint from ours: claim fd for us (force:
// take it even if the adapter had it; -1 when the adapter holds it), and
// give it back when it closes.
int __wasip2_p1_claim(int fd, int force) __attribute__((weak));
void __wasip2_p1_release(int fd) __attribute__((weak));

// readv/writev (off < 0) and preadv/pwritev (at off) for kinds without
// vector ops (src/io/iovec.c): the kind's flat op through one bounce
// buffer, so a vector up to 1 MiB is one call of it (one host call).
ssize_t __wasip2_iov_bounce(struct __wasip2_desc *d, const struct iovec *iov, int n, off_t off, int writing);

// The stdio streams' state (src/io/stdio.c; poll: src/io/stdio_poll.c).
struct __wasip2_stdio {
  int which;            // 0, 1 or 2
  int32_t stream;       // input-stream for 0, output-stream for 1 and 2; 0 until used
  int32_t pollable;     // -1 until poll() first needs it
  int tty;              // -1 unknown, 0, 1
};
// The stream, fetched from the host on first use (src/io/stdio.c).
int32_t __wasip2_stdio_handle(struct __wasip2_stdio *s);
short __wasip2_stdio_poll(struct __wasip2_desc *d, short events, struct __wasip2_poll_ctx *ctx);
// fd 0's read path (src/io/stdin_read.c): read() and readv() link it.
ssize_t __wasip2_stdin_read(int32_t stream, void *buf, size_t len, int nonblock);
// The stdio kind's isatty op (src/io/stdio_isatty.c): isatty() links it.
int __wasip2_stdio_isatty(struct __wasip2_desc *d);

// The poll core over fds (src/io/poll_fds.c; it waits through the wait
// core, wasip2_wait.h): timeout_ns < 0 waits forever.  _descs polls
// descriptions (epoll): entry i polls descs[i] (fds[i].fd only has to be
// >= 0), and may carry WASIP2_POLL_RDHUP in its events.  _mask (src/io/
// ppoll.c): the same with the signal mask replaced for the call.
struct pollfd;
int __wasip2_poll(struct pollfd *fds, unsigned long n, int64_t timeout_ns);
int __wasip2_poll_descs(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long n, int64_t timeout_ns);
int __wasip2_poll_mask(struct pollfd *fds, unsigned long n, int64_t timeout_ns, const sigset_t *mask);
int __wasip2_poll_descs_mask(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long n, int64_t timeout_ns,
                             const sigset_t *mask);
// One epoll_wait (src/io/epoll.c) for the entry points (src/io/epoll_wait.c).
struct epoll_event;
int __wasip2_epoll_wait(int epfd, struct epoll_event *events, int max, int64_t timeout_ns, const sigset_t *mask);

// The stream core of stdio, host pipes and TCP (src/io/stream_*.c), with
// one waiting rule: a blocking call is one blocking host call unless the
// wait core needs the wait back (__wasip2_wait_must_poll / _cut_short).
// read_ex: timeout_ns 0 non-blocking (EAGAIN), <0 forever, >0 then EAGAIN;
// *pollable (may be NULL) caches the stream's pollable for the caller, who
// drops it.  Returns bytes, 0 with *eof at the end, or -1 with errno (EIO
// for a stream error: 0.2.0 names no cause).
ssize_t __wasip2_stream_read_ex(wasi_io_streams_input_stream_t in, wasi_io_poll_pollable_t *pollable, void *buf,
                                size_t len, int64_t timeout_ns, int *eof);
ssize_t __wasip2_stream_read(wasi_io_streams_input_stream_t in, void *buf, size_t len, int nonblock, int *eof);
ssize_t __wasip2_stream_write(wasi_io_streams_output_stream_t out, const void *buf, size_t len, int nonblock);
// The write state a caller keeps across calls (TCP: in its socket), as
// pointers to its fields: the stream's pollable (subscribed on the first
// wait; the caller drops it), the bytes check-write still allows, the
// largest check-write seen (the host buffer's size), plain writes since the
// last flush, and where a stream error is latched (EPIPE; may be NULL).
struct __wasip2_wstate {
  wasi_io_poll_pollable_t *pollable;
  uint64_t *budget, *wmax;
  int *unflushed, *err;
};
// src/io/stream_write_ex.c: timeout_ns as for read_ex; flush: start a
// flush after the bytes.  _shared: a blocking write while other threads
// exist (the thread parks while the host's buffer is full).
ssize_t __wasip2_stream_write_ex(wasi_io_streams_output_stream_t out, const struct __wasip2_wstate *w,
                                 const void *buf, size_t len, int64_t timeout_ns, int flush);
ssize_t __wasip2_stream_write_shared(wasi_io_streams_output_stream_t out, const void *buf, size_t len);
// errno for a stream-error (drops its error resource): WASI 0.2.0 names no
// cause for stream errors, so it is `fallback`.
int __wasip2_stream_errno(const wasi_io_streams_stream_error_t *e, int fallback);

// Devices emulated in libc (src/dev): open()/stat() try these first for
// paths under /dev/; they return -2 when the path is not a device they know.
int __wasip2_dev_open(const char *path, int oflags);
int __wasip2_dev_stat(const char *path, struct stat *st);

#endif
