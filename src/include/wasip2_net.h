// Private socket layer: one struct per open socket description (TCP or UDP),
// shared by every fd dup'd from it.
// Host calls are the cost that matters (each crosses to the host's worker
// thread), so the struct caches pollables, write permits and peeked bytes.
#ifndef WASIP2_NET_H
#define WASIP2_NET_H

#include <stdint.h>
#include <poll.h>
#include <sys/socket.h>
#include "wasip2_fd.h"

enum {
  WASIP2_SK_FRESH = 0,  // created, not bound
  WASIP2_SK_BOUND,      // bound (TCP: also the state after a failed listen)
  WASIP2_SK_LISTENING,
  WASIP2_SK_CONNECTING, // start-connect done, finish-connect pending
  WASIP2_SK_CONNECTED,  // TCP streams exist / UDP has a default peer
  WASIP2_SK_FAILED,     // connect failed; so_error holds why
};

struct __wasip2_dgram {
  struct __wasip2_dgram *next;
  unsigned char *data;
  size_t len;
  wasi_sockets_network_ip_socket_address_t from;
};

struct __wasip2_sock {
  int family;  // AF_INET or AF_INET6
  int type;    // SOCK_STREAM or SOCK_DGRAM
  int state;
  int so_error;              // pending error for SO_ERROR (connect outcome)
  int32_t h;                 // tcp-socket or udp-socket handle
  wasi_io_poll_pollable_t p_sock;  // the socket's pollable (bind/connect/accept)

  // TCP connection
  wasi_io_streams_input_stream_t in;
  wasi_io_streams_output_stream_t out;
  wasi_io_poll_pollable_t p_in, p_out;
  uint64_t wbudget;          // bytes check-write still allows
  uint64_t wmax;             // largest check-write seen: the host buffer's size
  int unflushed;             // plain writes since the last flush
  int eof, rd_shut, wr_shut;
  int in_err, out_err;       // errno latched from a stream error
  unsigned char *peek;       // bytes read ahead for MSG_PEEK/FIONREAD
  size_t peek_off, peek_len, peek_cap;

  // UDP
  wasi_sockets_udp_incoming_datagram_stream_t dg_in;
  wasi_sockets_udp_outgoing_datagram_stream_t dg_out;
  wasi_io_poll_pollable_t p_dg_in, p_dg_out;
  uint64_t send_budget;      // datagrams check-send still allows
  // datagrams taken from a UDP stream that connect() replaced, oldest
  // first: served before the new stream, as Linux keeps its queue
  struct __wasip2_dgram *held;
  unsigned char *dpeek;      // a peeked datagram
  size_t dpeek_len;
  int dpeek_valid;
  wasi_sockets_network_ip_socket_address_t dpeek_from;
  wasi_sockets_network_ip_socket_address_t peer; // UDP default peer
  int has_peer;

  // options kept by libc
  int64_t rcvtimeo_ns, sndtimeo_ns;   // 0: none
  int reuseaddr, v6only, backlog, keepalive;
  int reuseport;  // stored only: see src/net/sockopt.c
  int oobinline, broadcast;     // stored (see src/net/sockopt.c)
  unsigned user_timeout_ms;     // TCP_USER_TIMEOUT, stored only

  // Dual-stack AF_INET6 (IPV6_V6ONLY 0, src/net/dualstack.c).  WASI
  // sockets are single-family, so an AF_INET6 socket bound to :: keeps a
  // hidden IPv4 twin bound to 0.0.0.0 on the same port, and one that talks
  // to a v4-mapped peer (::ffff:a.b.c.d) runs on an IPv4 host socket.
  struct __wasip2_sock *v4;  // the twin (family AF_INET), or NULL
  int host4;                 // family AF_INET6 over an IPv4 host socket
  int v4_turn;               // which of the two accept/recv tries first
};

// The instance network, asked for once and dropped at exit.
wasi_sockets_network_network_t __wasip2_network(void);

// The socket behind fd (and its description), or NULL with EBADF/ENOTSOCK.
struct __wasip2_sock *__wasip2_sock_get(int fd, struct __wasip2_desc **dp);
// Install a new socket description; closes s on failure.
int __wasip2_sock_install(struct __wasip2_sock *s, int flags);
struct __wasip2_sock *__wasip2_sock_new(int family, int type);

// sockaddr <-> WASI.  to_wasi returns 0 or an errno; it applies check
// (length over sizeof(struct sockaddr_storage) EINVAL, a buffer the program
// does not own EFAULT) before the family and length rules.
int __wasip2_sockaddr_check(const struct sockaddr *sa, socklen_t len);
int __wasip2_sockaddr_to_wasi(const struct sockaddr *sa, socklen_t len, int family,
                              wasi_sockets_network_ip_socket_address_t *out);
void __wasip2_sockaddr_from_wasi(const wasi_sockets_network_ip_socket_address_t *a,
                                 struct sockaddr *sa, socklen_t *len);
void __wasip2_sockaddr_any(int family, wasi_sockets_network_ip_socket_address_t *out);

// Bind (start+finish, waiting as needed); 0 or -1/errno.
int __wasip2_sock_bind(struct __wasip2_sock *s, const wasi_sockets_network_ip_socket_address_t *a);
// Implicit bind to the wildcard address, port 0 (UDP sendto/connect).
int __wasip2_sock_bind_any(struct __wasip2_sock *s);
// Drive a pending TCP connect; `block` waits (honouring SO_SNDTIMEO).
// Returns 0 connected, -1 with errno (EINPROGRESS/EAGAIN if still pending).
int __wasip2_tcp_finish_connect(struct __wasip2_sock *s, int block);
// (Re)open the UDP datagram streams, with an optional default peer.
int __wasip2_udp_streams(struct __wasip2_sock *s, const wasi_sockets_network_ip_socket_address_t *peer);

// Dual stack (src/net/dualstack.c).  map: an IPv4 address as the
// v4-mapped IPv6 one, for an AF_INET6 socket's caller (else unchanged);
// unmap: 1 and the IPv4 address when a is v4-mapped.
void __wasip2_addr_user(const struct __wasip2_sock *s, wasi_sockets_network_ip_socket_address_t *a);
int __wasip2_addr_unmap(const wasi_sockets_network_ip_socket_address_t *a, wasi_sockets_network_ip_socket_address_t *v4);
// Bind s (AF_INET6, V6ONLY 0) to `::` (address a) with bind_one, and its
// twin to 0.0.0.0 on the same port.
int __wasip2_dual_bind(struct __wasip2_sock *s, const wasi_sockets_network_ip_socket_address_t *a,
                       int (*bind_one)(struct __wasip2_sock *, const wasi_sockets_network_ip_socket_address_t *));
// Replace s's (fresh) IPv6 host socket by an IPv4 one: s->host4.
int __wasip2_dual_host4(struct __wasip2_sock *s);
// connect(): keep only the twin (to a v4-mapped peer) or only the IPv6
// socket (to any other peer).
int __wasip2_dual_keep(struct __wasip2_sock *s, int keep_v4);
// Drop the twin's resources and free it.
void __wasip2_dual_free(struct __wasip2_sock *t);

// Lazily subscribed pollables, cached until close.
wasi_io_poll_pollable_t __wasip2_sock_pollable(struct __wasip2_sock *s);

// Data paths shared by send*/recv*/read/write.
ssize_t __wasip2_tcp_recv(struct __wasip2_sock *s, int nonblock, void *buf, size_t len, int flags);
ssize_t __wasip2_tcp_send(struct __wasip2_sock *s, int nonblock, const void *buf, size_t len, int flags);
ssize_t __wasip2_udp_recv(struct __wasip2_sock *s, int nonblock, void *buf, size_t len, int flags,
                          struct sockaddr *from, socklen_t *fromlen, int *truncated);
ssize_t __wasip2_udp_send(struct __wasip2_sock *s, int nonblock, const void *buf, size_t len, int flags,
                          const struct sockaddr *to, socklen_t tolen);
// Gather/scatter helpers: one host call for a whole iovec.
ssize_t __wasip2_sock_recvv(struct __wasip2_sock *s, struct __wasip2_desc *d, const struct iovec *iov, int n,
                            int flags, struct sockaddr *from, socklen_t *fromlen, int *truncated);
ssize_t __wasip2_sock_sendv(struct __wasip2_sock *s, struct __wasip2_desc *d, const struct iovec *iov, int n,
                            int flags, const struct sockaddr *to, socklen_t tolen);
// sendmsg/recvmsg's shared checks (src/net/sendrecv_msg.c): the socket of
// fd (and its description in *dp), or NULL with errno: ENOTSOCK..., EFAULT
// for the msghdr, EOPNOTSUPP for MSG_OOB or a flag outside `allowed`,
// EMSGSIZE for more than IOV_MAX buffers.
struct __wasip2_sock *__wasip2_sock_msg(int fd, const struct msghdr *msg, int flags, int allowed,
                                        struct __wasip2_desc **dp);

// In-process AF_UNIX socketpair ends (src/net/socketpair.c).  The socket
// calls hand descriptions of that kind to these.  Weak: such a description
// exists only in a program that called socketpair, which links them.
ssize_t __wasip2_unix_recvmsg(struct __wasip2_desc *, struct msghdr *, int flags) __attribute__((weak));
ssize_t __wasip2_unix_sendmsg(struct __wasip2_desc *, const struct msghdr *, int flags) __attribute__((weak));
int __wasip2_unix_shutdown(struct __wasip2_desc *, int how) __attribute__((weak));
int __wasip2_unix_sockopt(struct __wasip2_desc *, int set, int level, int name, void *val, socklen_t *len)
    __attribute__((weak));
int __wasip2_unix_name(struct __wasip2_desc *, int peer, struct sockaddr *, socklen_t *) __attribute__((weak));
// The state both files of the socketpair kind share (socketpair.c,
// socketpair_opt.c).
// Linux's default socket buffer (net.core.wmem_default)
#define WASIP2_UNIX_CAP 212992
#define WASIP2_SHUT_R 1 // bit values of SHUT_RD/SHUT_WR
#define WASIP2_SHUT_W 2

struct __wasip2_unix_chunk {
  struct __wasip2_unix_chunk *next;
  size_t off, len, cap; // unread bytes are data[off, len)
  unsigned char data[];
};

struct __wasip2_unix_queue {
  struct __wasip2_unix_chunk *head, *tail;
  size_t bytes;
};

struct __wasip2_unix_pair {
  int type;
  struct __wasip2_unix_queue q[2];   // q[i]: what end i reads
  int open[2];
  int shut[2];         // SHUT_R/SHUT_W bits in effect on end i
  int err[2];          // pending error (SO_ERROR) of end i
  int refused[2];      // dgram: end i saw its dead peer's ECONNREFUSED
};

struct __wasip2_unix_end {
  struct __wasip2_unix_pair *p;
  int me;
  int64_t rcvtimeo_ns, sndtimeo_ns;
};

// Ops of the kind kept in socketpair_opt.c (strong: they link that file).
int __wasip2_unix_fstat(struct __wasip2_desc *d, struct stat *st);
int __wasip2_unix_ioctl(struct __wasip2_desc *d, int req, void *arg);

// fd's description if it is a socketpair end, else NULL (errno is then
// whatever the lookup left: the caller's own lookup sets it again).
static inline struct __wasip2_desc *__wasip2_unix_desc(int fd) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  return d && d->kind == WASIP2_KIND_UNIX ? d : NULL;
}

// Lingering closes (src/net/tcp_linger.c).  drained: 1 when nothing is
// left in the host's buffer of `out` (or it broke; one check-write).  add:
// 1 when s's output stream and socket now belong to the linger list (the
// close then must not drop them).  reap: drop the entries whose bytes are
// all out (one host call each).
int __wasip2_tcp_drained(wasi_io_streams_output_stream_t out, uint64_t wmax);
int __wasip2_linger_add(struct __wasip2_sock *s);
void __wasip2_linger_reap(void);
extern int __wasip2_linger_n;

extern const struct __wasip2_ops __wasip2_tcp_ops;
extern const struct __wasip2_ops __wasip2_udp_ops;

// Names (getaddrinfo, gethostbyname): name -> up to max addresses through
// wasi:sockets/ip-name-lookup, the count or an EAI_* (src/net/resolve.c);
// a service name's port in host order for the socket type, or -1 (the
// built-in /etc/services, src/net/services.c).
int __wasip2_resolve(const char *name, wasi_sockets_network_ip_address_t *out, int max);
int __wasip2_service_port(const char *name, int socktype);

#endif
