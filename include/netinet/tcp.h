/* wasip2-libc: Debian's <netinet/tcp.h> without the names of the TCP options
 * WASI 0.2 gives no way to honour.  setsockopt accepts every option name
 * left here (TCP_NODELAY, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT,
 * TCP_USER_TIMEOUT; src/net/sockopt.c); a program that tests `#ifdef
 * TCP_CORK` (or TCP_FASTOPEN, TCP_INFO, TCP_QUICKACK...) takes its portable
 * path instead of failing at run time.  Structures, connection states and
 * wire-option kinds stay. */
#ifndef _WASIP2_NETINET_TCP_H
#define _WASIP2_NETINET_TCP_H
/* Debian's copy has the first, 24-byte version of this Linux structure;
 * upstream's wasm32-wasip2 header (and Linux today) has the 64-byte one,
 * defined below under the real name. */
#define tcp_zerocopy_receive __wasip2_debian_tcp_zerocopy_receive
#include_next <netinet/tcp.h>
#undef tcp_zerocopy_receive
#ifdef _GNU_SOURCE
struct tcp_zerocopy_receive {
	uint64_t address;
	uint32_t length;
	uint32_t recv_skip_hint;
	uint32_t inq;
	int32_t err;
	uint64_t copybuf_address;
	int32_t copybuf_len;
	uint32_t flags;
	uint64_t msg_control;
	uint64_t msg_controllen;
	uint32_t msg_flags;
	uint32_t reserved;
};
#endif

#undef TCP_MAXSEG
#undef TCP_CORK
#undef TCP_SYNCNT
#undef TCP_LINGER2
#undef TCP_DEFER_ACCEPT
#undef TCP_WINDOW_CLAMP
#undef TCP_INFO
#undef TCP_QUICKACK
#undef TCP_CONGESTION
#undef TCP_MD5SIG
#undef TCP_THIN_LINEAR_TIMEOUTS
#undef TCP_THIN_DUPACK
#undef TCP_REPAIR
#undef TCP_REPAIR_QUEUE
#undef TCP_QUEUE_SEQ
#undef TCP_REPAIR_OPTIONS
#undef TCP_FASTOPEN
#undef TCP_TIMESTAMP
#undef TCP_NOTSENT_LOWAT
#undef TCP_CC_INFO
#undef TCP_SAVE_SYN
#undef TCP_SAVED_SYN
#undef TCP_REPAIR_WINDOW
#undef TCP_FASTOPEN_CONNECT
#undef TCP_ULP
#undef TCP_MD5SIG_EXT
#undef TCP_FASTOPEN_KEY
#undef TCP_FASTOPEN_NO_COOKIE
#undef TCP_ZEROCOPY_RECEIVE
#undef TCP_INQ
#undef TCP_CM_INQ
#undef TCP_TX_DELAY
#undef TCP_ENCAP_ESPINTCP
#undef TCP_REPAIR_ON
#undef TCP_REPAIR_OFF
#undef TCP_REPAIR_OFF_NO_WP

#endif
