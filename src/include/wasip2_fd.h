// The descriptor table: POSIX fds -> refcounted open descriptions, each of a
// kind (stdio stream, file, directory, TCP, UDP, device) with its own ops.
// dup'd fds share one description (offset, status flags, the resource);
// the description's resources are released when its last fd closes.
#ifndef WASIP2_FD_H
#define WASIP2_FD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include "wasip2_bindings.h"
#include "wasip2_wait.h"

struct __wasip2_desc;
struct __wasip2_poll_ctx;

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
#define WASIP2_FD_MAX 65536
// fds 0-2 bind lazily to their streams: bind fd now if it never was (no-op
// otherwise), or mark it replaced so it never binds (dup2 onto it).
void __wasip2_fd_bind_stdio(int fd);
void __wasip2_fd_forget_stdio(int fd);
// Free a description made by __wasip2_desc_new (src/fd/fd_install.c).
void __wasip2_desc_free(struct __wasip2_desc *d);
// Drop one fd's reference to d; the last one closes (and frees) it.
int __wasip2_desc_release(struct __wasip2_desc *d);
// Close every fd (at exit, so no WASI resource outlives the program).
void __wasip2_fd_close_all(void);

// The stdio streams' state (src/io/stdio.c; poll: src/io/stdio_poll.c).
struct __wasip2_stdio {
  int which;            // 0, 1 or 2
  int32_t stream;       // input-stream for 0, output-stream for 1 and 2
  int32_t pollable;     // -1 until poll() first needs it
  int tty;              // -1 unknown, 0, 1
};
short __wasip2_stdio_poll(struct __wasip2_desc *d, short events, struct __wasip2_poll_ctx *ctx);

// The poll core over fds (src/io/poll_fds.c; it waits through the wait
// core, wasip2_wait.h): timeout_ns < 0 waits forever.  _descs polls
// descriptions (epoll): entry i polls descs[i] (fds[i].fd only has to be
// >= 0), and may carry WASIP2_POLL_RDHUP in its events.  _mask (src/io/
// ppoll.c): the same with the signal mask replaced for the call.
struct pollfd;
int __wasip2_poll(struct pollfd *fds, unsigned long n, int64_t timeout_ns);
int __wasip2_poll_descs(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long n, int64_t timeout_ns);
#include <signal.h>
int __wasip2_poll_mask(struct pollfd *fds, unsigned long n, int64_t timeout_ns, const sigset_t *mask);
int __wasip2_poll_descs_mask(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long n, int64_t timeout_ns,
                             const sigset_t *mask);
// The last fd of d closed: it leaves every epoll interest list (src/io/
// epoll.c; weak: a program without epoll has none).
void __wasip2_epoll_forget(struct __wasip2_desc *d) __attribute__((weak));
// One epoll_wait (src/io/epoll.c) for the entry points (src/io/epoll_wait.c).
struct epoll_event;
int __wasip2_epoll_wait(int epfd, struct epoll_event *events, int max, int64_t timeout_ns, const sigset_t *mask);

// A list or string the host returns with length 0 may carry a pointer that
// is not an allocation (the host need not call cabi_realloc for it): free
// host lists with this, never with a bare free().
#define WASIP2_FREE_LIST(l) do { if ((l).len) __wasip2_free((void *)(l).ptr); } while (0)

// The bottom half's allocator (src/mem/alloc.c): malloc & co. when the link
// has them, else a small block allocator, so open() alone links no dlmalloc.
// Memory the host hands us (cabi_realloc) and our own state use these.
void *__wasip2_malloc(size_t n);
void *__wasip2_calloc(size_t n, size_t size);
void *__wasip2_realloc(void *p, size_t n);
void __wasip2_free(void *p);
char *__wasip2_strdup(const char *s);

// Landing buffer for host-returned lists (src/mem/cabi_realloc.c): the next
// cabi_realloc(NULL, 0, 1, n) with n <= len returns buf instead of malloc,
// so a read lands in the caller's buffer with no copy.  __wasip2_land_end
// returns 1 if the buffer was used and resets the hook.
void __wasip2_land_begin(void *buf, size_t len);
int __wasip2_land_end(void);

// The buffer rule of every data call (src/io/span.c): clamps *len to
// SSIZE_MAX, then 0 when [buf, buf+*len) lies in linear memory (len 0
// always does), else -1 with EFAULT.  iov_scan applies it to each entry.
int __wasip2_span(const void *buf, size_t *len);
// Most bytes one host call is asked to move for a file read or write, or a
// stream read: the host allocates what it is asked for, so a huge length
// goes in pieces of this size (file reads loop until short; streams may
// return short reads anyway).
#define WASIP2_HOST_IO_MAX ((size_t)1 << 20)

// I/O vectors (src/io/iovec.c).  scan: number of non-empty entries (the
// last one's index in *last) and the byte total, or -1 with EINVAL (bad
// count, sum over SSIZE_MAX) or EFAULT; scatter/gather copy between a
// vector and one flat buffer.  Each entry's buffer is checked with
// __wasip2_span, after the whole vector's lengths (Linux's order).
int __wasip2_iov_scan(const struct iovec *iov, int n, size_t *total, int *last);
ssize_t __wasip2_iov_total(const struct iovec *iov, int n);
void __wasip2_iov_scatter(const struct iovec *iov, int n, const char *src, size_t len);
void __wasip2_iov_gather(const struct iovec *iov, int n, char *dst);

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

// The single translation tables (src/errno/*.c).
int __wasip2_fs_errno(wasi_filesystem_types_error_code_t code);
int __wasip2_net_errno(wasi_sockets_network_error_code_t code);

// Devices emulated in libc (src/dev): open()/stat() try these first for
// paths under /dev/; they return -2 when the path is not a device they know.
int __wasip2_dev_open(const char *path, int oflags);
int __wasip2_dev_stat(const char *path, struct stat *st);

// Global resources cached by an area (a timer pollable, the network handle)
// are released at exit through a hook registered here (runs after every fd
// is closed, in reverse order of registration).
void __wasip2_on_exit(void (*fn)(void));

// Monotonic-clock helpers (src/time).
uint64_t __wasip2_now_ns(void);

#endif
