// <wasi/wasip2.h> and <wasi/descriptors.h>: a TCP client and a TCP
// listener made through the raw bindings and adopted as fds work with
// read/write/poll/getpeername/accept/close; a raw UDP socket adopted
// receives with recvfrom; a file opened through the raw filesystem
// bindings and adopted reads, writes and seeks; handles of libc's own fds
// (stdout, a listener, a UDP socket) are usable through the raw bindings;
// wasip2_fd_pollable gives the pollable poll() waits on; bad input gets
// errnos.  Run with --check-leaks: every adopted handle is dropped once.
//! dir: /data
//! stdout-contains: written through the raw stdout stream
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/descriptors.h>
#include <wasi/wasip2.h>
#include "check.h"

static wasi_sockets_network_ip_socket_address_t loop4(int port) {
  wasi_sockets_network_ip_socket_address_t a;
  memset(&a, 0, sizeof a);
  a.tag = WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV4;
  a.val.ipv4.port = (uint16_t)port;
  a.val.ipv4.address.f0 = 127;
  a.val.ipv4.address.f3 = 1;
  return a;
}

// wait for a socket's pollable, the raw way
static void block_on(int32_t sock) {
  wasi_io_poll_pollable_t p = wasi_sockets_tcp_tcp_socket_subscribe(sock);
  wasi_io_poll_pollable_block(p);
  wasi_io_poll_pollable_drop(p);
}

int main(void) {
  struct wasip2_fd_handles h;
  wasi_sockets_network_error_code_t err;
  char b[64];

  // ---- stdout through its raw stream
  fflush(stdout);
  REQUIRE(wasip2_fd_get_handles(1, &h) == 0 && h.kind == WASIP2_FD_STDIO && h.output_stream && !h.input_stream);
  const char *msg = "written through the raw stdout stream\n";
  wasip2_list_u8_t l = {(uint8_t *)msg, strlen(msg)};
  wasi_io_streams_stream_error_t se;
  REQUIRE(wasi_io_streams_output_stream_blocking_write_and_flush(h.output_stream, &l, &se));

  // ---- a libc listener; its tcp-socket answers raw calls
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = check_lo4(0);
  socklen_t al = sizeof a;
  REQUIRE(bind(lfd, (struct sockaddr *)&a, sizeof a) == 0 && listen(lfd, 4) == 0);
  REQUIRE(getsockname(lfd, (struct sockaddr *)&a, &al) == 0);
  int port = ntohs(a.sin_port);
  REQUIRE(wasip2_fd_get_handles(lfd, &h) == 0 && h.kind == WASIP2_FD_TCP && h.tcp_socket && !h.input_stream);
  wasi_sockets_network_ip_socket_address_t la;
  REQUIRE(wasi_sockets_tcp_tcp_socket_local_address(h.tcp_socket, &la, &err) && la.val.ipv4.port == port);
  REQUIRE(wasi_sockets_tcp_tcp_socket_is_listening(h.tcp_socket));
  printf("libc listener on port %d, seen through its raw handle\n", port);

  // ---- a raw client, connected, then adopted
  wasi_sockets_network_network_t net = wasi_sockets_instance_network_instance_network();
  int32_t cs;
  REQUIRE(wasi_sockets_tcp_create_socket_create_tcp_socket(WASI_SOCKETS_NETWORK_IP_ADDRESS_FAMILY_IPV4, &cs, &err));
  wasi_sockets_network_ip_socket_address_t to = loop4(port);
  REQUIRE(wasi_sockets_tcp_tcp_socket_start_connect(cs, net, &to, &err));
  wasip2_tuple2_wasi_io_streams_input_stream_wasi_io_streams_output_stream_t io;
  for (;;) {
    block_on(cs);
    if (wasi_sockets_tcp_tcp_socket_finish_connect(cs, &io, &err)) break;
    REQUIRE(err == WASI_SOCKETS_NETWORK_ERROR_CODE_WOULD_BLOCK);
  }
  int cfd = wasip2_fd_adopt_tcp_socket(cs, io.f0, io.f1, SOCK_CLOEXEC);
  REQUIRE(cfd >= 0 && (fcntl(cfd, F_GETFD) & FD_CLOEXEC));
  int sfd = accept(lfd, NULL, NULL);
  REQUIRE(sfd >= 0);
  REQUIRE(write(cfd, "hello", 5) == 5);
  REQUIRE(read(sfd, b, sizeof b) == 5 && !memcmp(b, "hello", 5));
  REQUIRE(send(sfd, "world", 5, 0) == 5);
  struct pollfd pf = {cfd, POLLIN, 0};
  REQUIRE(poll(&pf, 1, 5000) == 1 && (pf.revents & POLLIN));
  REQUIRE(read(cfd, b, sizeof b) == 5 && !memcmp(b, "world", 5));
  struct sockaddr_in peer;
  socklen_t pl = sizeof peer;
  REQUIRE(getpeername(cfd, (struct sockaddr *)&peer, &pl) == 0 && ntohs(peer.sin_port) == port);
  int v = 0;
  socklen_t vl = sizeof v;
  REQUIRE(getsockopt(cfd, SOL_SOCKET, SO_TYPE, &v, &vl) == 0 && v == SOCK_STREAM);
  REQUIRE(wasip2_fd_get_handles(cfd, &h) == 0 && h.tcp_socket == cs && h.input_stream == io.f0);
  // its pollable is the one poll() waits on
  int32_t p = 0;
  REQUIRE(wasip2_fd_pollable(cfd, POLLIN, &p) == 0 && p);
  REQUIRE(send(sfd, "!", 1, 0) == 1);
  wasi_io_poll_pollable_block(p);
  REQUIRE(recv(cfd, b, 1, 0) == 1 && b[0] == '!');
  REQUIRE(close(cfd) == 0);
  REQUIRE(read(sfd, b, sizeof b) == 0); // the adopted socket's close sent FIN
  close(sfd);
  printf("raw-made client adopted: write, read, poll, getpeername, close\n");

  // ---- a raw listener, adopted: accept() on it
  int32_t ls;
  REQUIRE(wasi_sockets_tcp_create_socket_create_tcp_socket(WASI_SOCKETS_NETWORK_IP_ADDRESS_FAMILY_IPV4, &ls, &err));
  wasi_sockets_network_ip_socket_address_t any = loop4(0);
  REQUIRE(wasi_sockets_tcp_tcp_socket_start_bind(ls, net, &any, &err));
  while (!wasi_sockets_tcp_tcp_socket_finish_bind(ls, &err)) { REQUIRE(err == WASI_SOCKETS_NETWORK_ERROR_CODE_WOULD_BLOCK); block_on(ls); }
  REQUIRE(wasi_sockets_tcp_tcp_socket_start_listen(ls, &err));
  while (!wasi_sockets_tcp_tcp_socket_finish_listen(ls, &err)) { REQUIRE(err == WASI_SOCKETS_NETWORK_ERROR_CODE_WOULD_BLOCK); block_on(ls); }
  int alfd = wasip2_fd_adopt_tcp_socket(ls, 0, 0, 0);
  REQUIRE(alfd >= 0);
  al = sizeof a;
  REQUIRE(getsockname(alfd, (struct sockaddr *)&a, &al) == 0 && a.sin_family == AF_INET && a.sin_port);
  vl = sizeof v;
  REQUIRE(getsockopt(alfd, SOL_SOCKET, SO_ACCEPTCONN, &v, &vl) == 0 && v == 1);
  int c2 = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(connect(c2, (struct sockaddr *)&a, sizeof a) == 0);
  pf.fd = alfd; pf.events = POLLIN; pf.revents = 0;
  REQUIRE(poll(&pf, 1, 5000) == 1);
  int s2 = accept(alfd, NULL, NULL);
  REQUIRE(s2 >= 0 && send(c2, "x", 1, 0) == 1 && recv(s2, b, 1, 0) == 1 && b[0] == 'x');
  close(s2); close(c2); close(alfd);
  printf("raw-made listener adopted: poll, accept\n");

  // ---- a raw UDP socket, bound, adopted without its streams
  int32_t us;
  REQUIRE(wasi_sockets_udp_create_socket_create_udp_socket(WASI_SOCKETS_NETWORK_IP_ADDRESS_FAMILY_IPV4, &us, &err));
  REQUIRE(wasi_sockets_udp_udp_socket_start_bind(us, net, &any, &err));
  for (;;) {
    wasi_io_poll_pollable_t up = wasi_sockets_udp_udp_socket_subscribe(us);
    wasi_io_poll_pollable_block(up);
    wasi_io_poll_pollable_drop(up);
    if (wasi_sockets_udp_udp_socket_finish_bind(us, &err)) break;
    REQUIRE(err == WASI_SOCKETS_NETWORK_ERROR_CODE_WOULD_BLOCK);
  }
  int ufd = wasip2_fd_adopt_udp_socket(us, 0, 0, 0);
  REQUIRE(ufd >= 0);
  REQUIRE(wasip2_fd_get_handles(ufd, &h) == 0 && h.kind == WASIP2_FD_UDP && h.udp_socket == us && h.incoming_datagrams);
  al = sizeof a;
  REQUIRE(getsockname(ufd, (struct sockaddr *)&a, &al) == 0);
  int u2 = socket(AF_INET, SOCK_DGRAM, 0);
  REQUIRE(sendto(u2, "dgram", 5, 0, (struct sockaddr *)&a, sizeof a) == 5);
  struct sockaddr_in from;
  socklen_t fl = sizeof from;
  REQUIRE(recvfrom(ufd, b, sizeof b, 0, (struct sockaddr *)&from, &fl) == 5 && !memcmp(b, "dgram", 5));
  close(u2); close(ufd);
  wasi_sockets_network_network_drop(net);
  printf("raw-made UDP socket adopted: recvfrom\n");

  // ---- a file opened through the raw filesystem bindings
  int dfd = open("/data", O_RDONLY | O_DIRECTORY);
  REQUIRE(dfd >= 0);
  REQUIRE(wasip2_fd_get_handles(dfd, &h) == 0 && h.kind == WASIP2_FD_DIRECTORY && h.descriptor);
  wasi_filesystem_types_descriptor_t fdh;
  wasi_filesystem_types_error_code_t ferr;
  wasip2_string_t name = {"raw.txt", 7};
  REQUIRE(wasi_filesystem_types_descriptor_open_at(h.descriptor, 0, &name, WASI_FILESYSTEM_TYPES_OPEN_FLAGS_CREATE,
        WASI_FILESYSTEM_TYPES_DESCRIPTOR_FLAGS_READ | WASI_FILESYSTEM_TYPES_DESCRIPTOR_FLAGS_WRITE, &fdh, &ferr));
  int ffd = wasip2_fd_adopt_descriptor(fdh, O_RDWR, "/data/raw.txt");
  REQUIRE(ffd >= 0);
  REQUIRE(write(ffd, "file bytes", 10) == 10 && lseek(ffd, 5, SEEK_SET) == 5);
  REQUIRE(read(ffd, b, sizeof b) == 5 && !memcmp(b, "bytes", 5));
  struct stat st;
  REQUIRE(fstat(ffd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 10);
  REQUIRE(close(ffd) == 0);
  int again = open("/data/raw.txt", O_RDONLY);
  REQUIRE(again >= 0 && read(again, b, sizeof b) == 10 && !memcmp(b, "file bytes", 10));
  close(again); close(dfd);
  printf("raw-opened file adopted: write, lseek, read, fstat\n");

  // ---- bad input
  errno = 0;
  REQUIRE(wasip2_fd_get_handles(999, &h) == -1 && errno == EBADF);
  REQUIRE(wasip2_fd_adopt_tcp_socket(0, 0, 0, 0) == -1 && errno == EINVAL);
  int pp[2];
  REQUIRE(pipe(pp) == 0);
  REQUIRE(wasip2_fd_get_handles(pp[0], &h) == 0 && h.kind == WASIP2_FD_IN_PROCESS && !h.descriptor);
  REQUIRE(wasip2_fd_pollable(pp[0], POLLIN, &p) == -1 && errno == ENOTSUP);
  REQUIRE(wasip2_fd_pollable(lfd, POLLIN | POLLOUT, &p) == -1 && errno == EINVAL);
  REQUIRE(wasip2_fd_pollable(lfd, POLLIN, &p) == 0 && p);
  close(pp[0]); close(pp[1]); close(lfd);
  printf("ok\n");
  return CHECK_DONE();
}
