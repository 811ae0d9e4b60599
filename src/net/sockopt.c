// getsockopt/setsockopt.  Options WASI has go to the host; SO_RCVTIMEO/
// SO_SNDTIMEO and SO_REUSEADDR (WASI binds as if it were always set) are
// kept by libc; TCP_NODELAY reports what the host does (see below);
// anything else is ENOPROTOOPT, never a silent success.
// SO_REUSEPORT is stored and read back like SO_REUSEADDR: what a single
// socket asks of it (rebinding a port at once after the previous holder
// closed) is what the host always does; what it cannot give -- several live
// sockets sharing one port -- still fails at bind with EADDRINUSE, not
// silently.  ENOPROTOOPT here made listeners that set it unconditionally
// (netcat -l: err(1) on failure) unusable.
// Every option name <sys/socket.h> and <netinet/tcp.h> define is answered
// (include/netinet/tcp.h drops the Linux TCP options WASI has no way to
// give).  Options WASI cannot change report the state the host really has
// (no debugging, routing, lingering or low-water marks); setting that state
// succeeds, asking for another fails with Linux's errno for it or
// EOPNOTSUPP -- never a silent success:
//   SO_DEBUG 0 (1: EACCES, unprivileged as on Linux), SO_DONTROUTE 0,
//   SO_LINGER {0, 0} (close never blocks and never resets), SO_RCVLOWAT 1,
//   SO_SNDLOWAT 1 (setting it is ENOPROTOOPT on Linux too), SO_BROADCAST 0
//   on UDP (the host cannot enable broadcast; TCP stores it, as Linux).
// SO_OOBINLINE is stored: no urgent data ever arrives (MSG_OOB is
// EOPNOTSUPP), so either value is true.  TCP_USER_TIMEOUT is stored and read
// back; WASI 0.2 shows neither acknowledgements nor the kernel option, so
// the host's own retransmission timeout still decides when a dead peer
// fails the connection (docs/compatibility.md).
#include <errno.h>
#include <string.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include "wasip2_net.h"

// POSIX: a value longer than the caller's buffer is silently truncated;
// like Linux, *len becomes the number of bytes stored.
static int put(void *val, socklen_t *len, const void *src, socklen_t n) {
  if (!val || !len) return EFAULT;
  if (*len < n) n = *len;
  memcpy(val, src, n);
  *len = n;
  return 0;
}

static int get_int(const void *val, socklen_t len, int *out) {
  if (!val) return EFAULT;
  if (len < (socklen_t)sizeof(int)) return EINVAL;
  memcpy(out, val, sizeof(int));
  return 0;
}

static int get_tv(const void *val, socklen_t len, int64_t *ns) {
  struct timeval tv;
  if (!val) return EFAULT;
  if (len < (socklen_t)sizeof tv) return EINVAL;
  memcpy(&tv, val, sizeof tv);
  if (tv.tv_usec < 0 || tv.tv_usec >= 1000000) return EDOM;
  // Linux: a negative tv_sec is a zero timeout (calls give up at once: 1 ns
  // here, as 0 means none), read back as {0, 0}
  if (tv.tv_sec < 0) { *ns = 1; return 0; }
  *ns = (int64_t)tv.tv_sec * 1000000000 + (int64_t)tv.tv_usec * 1000;
  if (*ns == 0) *ns = 0;
  else if (*ns < 1000) *ns = 1000;
  return 0;
}

// Upstream wasi-libc's wasm32-wasip2 <sys/socket.h> spells SO_RCVTIMEO/
// SO_SNDTIMEO 66/67 or 20/21 depending on whether <bits/alltypes.h> came
// first (its test of __LONG_MAX runs before that macro exists): objects
// built with its headers pass either pair, so both mean the timeouts here.
static int timeo_name(int level, int name) {
  if (level != SOL_SOCKET) return name;
  return name == 20 ? SO_RCVTIMEO : name == 21 ? SO_SNDTIMEO : name;
}

int getsockopt(int fd, int level, int name, void *__restrict val, socklen_t *__restrict len) {
  name = timeo_name(level, name);
  struct __wasip2_desc *ud = __wasip2_unix_desc(fd);
  if (ud) return __wasip2_unix_sockopt(ud, 0, level, name, val, len);
  struct __wasip2_sock *s = __wasip2_sock_get(fd, NULL);
  if (!s) return -1;
  if (!val || !len) { errno = EFAULT; return -1; }
  int tcp = s->type == SOCK_STREAM;
  int v = 0, e = 0;
  wasi_sockets_network_error_code_t err;
  if (level == SOL_SOCKET) {
    switch (name) {
    case SO_TYPE: v = s->type; break;
    case SO_DOMAIN: v = s->family; break;
    case SO_PROTOCOL: v = tcp ? IPPROTO_TCP : IPPROTO_UDP; break;
    case SO_ACCEPTCONN: v = s->state == WASIP2_SK_LISTENING; break;
    case SO_REUSEADDR: v = s->reuseaddr; break;
    case SO_REUSEPORT: v = s->reuseport; break;
    case SO_OOBINLINE: v = s->oobinline; break;
    case SO_BROADCAST: v = s->broadcast; break;
    case SO_DEBUG: case SO_DONTROUTE: v = 0; break;
    case SO_RCVLOWAT: case SO_SNDLOWAT: v = 1; break;
    case SO_LINGER: {
      struct linger l = { 0, 0 };
      if ((e = put(val, len, &l, sizeof l))) { errno = e; return -1; }
      return 0;
    }
    case SO_ERROR:
      if (tcp && s->state == WASIP2_SK_CONNECTING) __wasip2_tcp_finish_connect(s, 0);
      v = s->so_error;
      s->so_error = 0;
      break;
    case SO_KEEPALIVE: {
      if (!tcp) { errno = ENOPROTOOPT; return -1; }
      bool b;
      if (!wasi_sockets_tcp_tcp_socket_keep_alive_enabled(s->h, &b, &err)) { errno = __wasip2_net_errno(err); return -1; }
      v = b;
      break;
    }
    case SO_RCVBUF:
    case SO_SNDBUF: {
      uint64_t n;
      bool ok = name == SO_RCVBUF
        ? (tcp ? wasi_sockets_tcp_tcp_socket_receive_buffer_size(s->h, &n, &err) : wasi_sockets_udp_udp_socket_receive_buffer_size(s->h, &n, &err))
        : (tcp ? wasi_sockets_tcp_tcp_socket_send_buffer_size(s->h, &n, &err) : wasi_sockets_udp_udp_socket_send_buffer_size(s->h, &n, &err));
      if (!ok) { errno = __wasip2_net_errno(err); return -1; }
      v = n > 0x7fffffff ? 0x7fffffff : (int)n;
      break;
    }
    case SO_RCVTIMEO:
    case SO_SNDTIMEO: {
      int64_t ns = name == SO_RCVTIMEO ? s->rcvtimeo_ns : s->sndtimeo_ns;
      struct timeval tv = {ns / 1000000000, (ns % 1000000000) / 1000};
      e = put(val, len, &tv, sizeof tv);
      if (e) { errno = e; return -1; }
      return 0;
    }
    default: errno = ENOPROTOOPT; return -1;
    }
  } else if (level == IPPROTO_TCP) {
    if (!tcp) { errno = ENOPROTOOPT; return -1; }
    switch (name) {
    // WASI 0.2 has no no-delay option.  wasip2-run disables Nagle on every
    // TCP socket it creates (issue 8 bug 11), so Nagle is off: report that.
    case TCP_NODELAY: v = 1; break;
    case TCP_USER_TIMEOUT: v = (int)s->user_timeout_ms; break;
    case TCP_KEEPIDLE:
    case TCP_KEEPINTVL: {
      uint64_t ns;
      bool ok = name == TCP_KEEPIDLE ? wasi_sockets_tcp_tcp_socket_keep_alive_idle_time(s->h, &ns, &err)
                                     : wasi_sockets_tcp_tcp_socket_keep_alive_interval(s->h, &ns, &err);
      if (!ok) { errno = __wasip2_net_errno(err); return -1; }
      v = (int)(ns / 1000000000);
      break;
    }
    case TCP_KEEPCNT: {
      uint32_t n;
      if (!wasi_sockets_tcp_tcp_socket_keep_alive_count(s->h, &n, &err)) { errno = __wasip2_net_errno(err); return -1; }
      v = (int)n;
      break;
    }
    default: errno = ENOPROTOOPT; return -1;
    }
  } else if ((level == IPPROTO_IP && name == IP_TTL && s->family == AF_INET) ||
             (level == IPPROTO_IPV6 && name == IPV6_UNICAST_HOPS && s->family == AF_INET6)) {
    uint8_t h;
    bool ok = tcp ? wasi_sockets_tcp_tcp_socket_hop_limit(s->h, &h, &err)
                  : wasi_sockets_udp_udp_socket_unicast_hop_limit(s->h, &h, &err);
    if (!ok) { errno = __wasip2_net_errno(err); return -1; }
    v = h;
  } else if (level == IPPROTO_IPV6 && name == IPV6_V6ONLY && s->family == AF_INET6) {
    v = s->v6only;
  } else if (level == IPPROTO_UDP && !tcp) {
    errno = ENOPROTOOPT;
    return -1;
  } else {
    errno = ENOPROTOOPT;
    return -1;
  }
  e = put(val, len, &v, sizeof v);
  if (e) { errno = e; return -1; }
  return 0;
}

int setsockopt(int fd, int level, int name, const void *val, socklen_t len) {
  name = timeo_name(level, name);
  struct __wasip2_desc *ud = __wasip2_unix_desc(fd);
  if (ud) return __wasip2_unix_sockopt(ud, 1, level, name, (void *)val, &len);
  struct __wasip2_sock *s = __wasip2_sock_get(fd, NULL);
  if (!s) return -1;
  int tcp = s->type == SOCK_STREAM;
  int v = 0, e;
  wasi_sockets_network_error_code_t err;
  bool ok = true;
  if (level == SOL_SOCKET && (name == SO_RCVTIMEO || name == SO_SNDTIMEO)) {
    int64_t ns;
    if ((e = get_tv(val, len, &ns))) { errno = e; return -1; }
    if (name == SO_RCVTIMEO) s->rcvtimeo_ns = ns; else s->sndtimeo_ns = ns;
    return 0;
  }
  if (level == SOL_SOCKET && name == SO_LINGER) {
    struct linger l;
    if (!val) { errno = EFAULT; return -1; }
    if (len < (socklen_t)sizeof l) { errno = EINVAL; return -1; }
    memcpy(&l, val, sizeof l);
    if (l.l_onoff) { errno = EOPNOTSUPP; return -1; } // neither a blocking close nor a reset
    return 0;
  }
  if ((e = get_int(val, len, &v))) { errno = e; return -1; }
  if (level == SOL_SOCKET) {
    switch (name) {
    case SO_REUSEADDR: s->reuseaddr = v != 0; return 0;
    case SO_REUSEPORT: s->reuseport = v != 0; return 0;
    case SO_OOBINLINE: s->oobinline = v != 0; return 0;
    case SO_BROADCAST:
      if (v && !tcp) { errno = EOPNOTSUPP; return -1; }
      s->broadcast = v != 0;
      return 0;
    case SO_DEBUG:
      if (v) { errno = EACCES; return -1; }
      return 0;
    case SO_DONTROUTE:
      if (v) { errno = EOPNOTSUPP; return -1; }
      return 0;
    case SO_RCVLOWAT:
      if (v < 0) { errno = EINVAL; return -1; }
      if (v > 1) { errno = EOPNOTSUPP; return -1; } // 0 means 1, as on Linux
      return 0;
    case SO_SNDLOWAT: errno = ENOPROTOOPT; return -1; // fixed at 1, as on Linux
    case SO_KEEPALIVE:
      if (!tcp) { errno = ENOPROTOOPT; return -1; }
      ok = wasi_sockets_tcp_tcp_socket_set_keep_alive_enabled(s->h, v != 0, &err);
      if (ok) s->keepalive = v != 0;
      break;
    case SO_RCVBUF:
    case SO_SNDBUF: {
      if (v <= 0) v = 1;
      uint64_t n = (uint64_t)v;
      ok = name == SO_RCVBUF
        ? (tcp ? wasi_sockets_tcp_tcp_socket_set_receive_buffer_size(s->h, n, &err) : wasi_sockets_udp_udp_socket_set_receive_buffer_size(s->h, n, &err))
        : (tcp ? wasi_sockets_tcp_tcp_socket_set_send_buffer_size(s->h, n, &err) : wasi_sockets_udp_udp_socket_set_send_buffer_size(s->h, n, &err));
      break;
    }
    case SO_TYPE: case SO_DOMAIN: case SO_PROTOCOL: case SO_ACCEPTCONN: case SO_ERROR:
      errno = ENOPROTOOPT; // read-only
      return -1;
    default: errno = ENOPROTOOPT; return -1;
    }
  } else if (level == IPPROTO_TCP) {
    if (!tcp) { errno = ENOPROTOOPT; return -1; }
    switch (name) {
    case TCP_NODELAY:
      // Asking for what the host already does succeeds; turning Nagle back
      // on cannot be done through WASI, and pretending would be a silent lie.
      if (!v) { errno = EOPNOTSUPP; return -1; }
      return 0;
    case TCP_USER_TIMEOUT:
      if (v < 0) { errno = EINVAL; return -1; }
      s->user_timeout_ms = (unsigned)v;
      return 0;
    case TCP_KEEPIDLE:
    case TCP_KEEPINTVL:
      if (v < 1 || v > 32767) { errno = EINVAL; return -1; } // Linux's MAX_TCP_KEEPIDLE/KEEPINTVL
      ok = name == TCP_KEEPIDLE
        ? wasi_sockets_tcp_tcp_socket_set_keep_alive_idle_time(s->h, (uint64_t)v * 1000000000, &err)
        : wasi_sockets_tcp_tcp_socket_set_keep_alive_interval(s->h, (uint64_t)v * 1000000000, &err);
      break;
    case TCP_KEEPCNT:
      if (v < 1 || v > 127) { errno = EINVAL; return -1; } // Linux's MAX_TCP_KEEPCNT
      ok = wasi_sockets_tcp_tcp_socket_set_keep_alive_count(s->h, (uint32_t)v, &err);
      break;
    default: errno = ENOPROTOOPT; return -1;
    }
  } else if ((level == IPPROTO_IP && name == IP_TTL && s->family == AF_INET) ||
             (level == IPPROTO_IPV6 && name == IPV6_UNICAST_HOPS && s->family == AF_INET6)) {
    if (v == -1) v = 64; // Linux: -1 restores the default
    if (v < 1 || v > 255) { errno = EINVAL; return -1; }
    ok = tcp ? wasi_sockets_tcp_tcp_socket_set_hop_limit(s->h, (uint8_t)v, &err)
             : wasi_sockets_udp_udp_socket_set_unicast_hop_limit(s->h, (uint8_t)v, &err);
  } else if (level == IPPROTO_IPV6 && name == IPV6_V6ONLY && s->family == AF_INET6) {
    // dual stack is emulated (src/net/dualstack.c) and decided at bind
    // or connect: Linux, too, refuses a change once the socket is bound
    if (s->state != WASIP2_SK_FRESH || s->host4) { errno = EINVAL; return -1; }
    s->v6only = v != 0;
    return 0;
  } else {
    errno = ENOPROTOOPT;
    return -1;
  }
  if (!ok) { errno = __wasip2_net_errno(err); return -1; }
  return 0;
}
