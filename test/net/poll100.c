// 100 concurrent connections served by one poll() loop, all in one program:
// 100 non-blocking clients connect at once; the same loop accepts, echoes
// each client's line back (handling partial writes), and closes on EOF; each
// client checks its echo, then half-closes.  The listener, 100 client and 100
// server sockets (201 fds) go through every poll() call together.
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

#define N 100
#define MSG 48

enum { C_CONNECTING, C_SENDING, C_READING, C_DONE };
struct client { int fd, state; size_t sent, got; char out[MSG], in[MSG]; };
struct conn { int fd; size_t have, sent; char buf[MSG]; };

static struct client cl[N];
static struct conn sv[N];
static struct pollfd pf[1 + 2 * N];

int main(void) {
  int ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  REQUIRE(ls >= 0);
  struct sockaddr_in a = check_lo4(0);
  socklen_t al = sizeof a;
  REQUIRE(bind(ls, (struct sockaddr *)&a, sizeof a) == 0 && listen(ls, SOMAXCONN) == 0);
  REQUIRE(getsockname(ls, (struct sockaddr *)&a, &al) == 0);

  for (int i = 0; i < N; i++) {
    cl[i].fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    REQUIRE(cl[i].fd >= 0);
    snprintf(cl[i].out, MSG, "client %03d says hello to the poll loop ......", i);
    cl[i].out[MSG - 1] = '\n';
    int r = connect(cl[i].fd, (struct sockaddr *)&a, sizeof a);
    REQUIRE(r == 0 || errno == EINPROGRESS);
    cl[i].state = r == 0 ? C_SENDING : C_CONNECTING;
    sv[i].fd = -1;
  }
  int accepted = 0, served = 0, clients_done = 0, loops = 0, max_ready = 0;
  while (served < N || clients_done < N) {
    REQUIRE(++loops < 100000);
    int n = 0;
    pf[n++] = (struct pollfd){accepted < N ? ls : -1, POLLIN, 0};
    for (int i = 0; i < N; i++) {
      short ev = cl[i].state == C_CONNECTING || cl[i].state == C_SENDING ? POLLOUT
               : cl[i].state == C_READING ? POLLIN : 0;
      pf[n++] = (struct pollfd){ev ? cl[i].fd : -1, ev, 0};
    }
    for (int i = 0; i < N; i++) {
      short ev = sv[i].fd < 0 ? 0 : sv[i].sent < sv[i].have ? POLLOUT : POLLIN;
      pf[n++] = (struct pollfd){sv[i].fd, ev, 0};
    }
    int k = poll(pf, n, 10000);
    REQUIRE(k > 0);
    if (k > max_ready) max_ready = k;
    // accept everything pending
    if (pf[0].revents & POLLIN) {
      for (;;) {
        int s = accept4(ls, NULL, NULL, SOCK_NONBLOCK);
        if (s < 0) { REQUIRE(errno == EAGAIN); break; }
        REQUIRE(accepted < N);
        sv[accepted].fd = s;
        sv[accepted].have = sv[accepted].sent = 0;
        accepted++;
      }
    }
    for (int i = 0; i < N; i++) {
      struct client *c = &cl[i];
      short re = pf[1 + i].revents;
      if (!re) continue;
      REQUIRE(!(re & (POLLERR | POLLNVAL)));
      if (c->state == C_CONNECTING) {
        int e = -1; socklen_t el = sizeof e;
        REQUIRE(getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &e, &el) == 0 && e == 0);
        c->state = C_SENDING;
      }
      if (c->state == C_SENDING) {
        ssize_t w = send(c->fd, c->out + c->sent, MSG - c->sent, 0);
        if (w < 0) { REQUIRE(errno == EAGAIN); continue; }
        c->sent += w;
        if (c->sent == MSG) c->state = C_READING;
      } else if (c->state == C_READING) {
        ssize_t r = recv(c->fd, c->in + c->got, MSG - c->got, 0);
        if (r < 0) { REQUIRE(errno == EAGAIN); continue; }
        REQUIRE(r > 0);
        c->got += r;
        if (c->got == MSG) {
          REQUIRE(memcmp(c->in, c->out, MSG) == 0);
          REQUIRE(shutdown(c->fd, SHUT_WR) == 0);
          c->state = C_DONE;
          clients_done++;
        }
      }
    }
    for (int i = 0; i < N; i++) {
      struct conn *s = &sv[i];
      short re = pf[1 + N + i].revents;
      if (!re || s->fd < 0) continue;
      REQUIRE(!(re & POLLNVAL));
      if (s->sent < s->have) {
        ssize_t w = send(s->fd, s->buf + s->sent, s->have - s->sent, 0);
        if (w < 0) { REQUIRE(errno == EAGAIN); continue; }
        s->sent += w;
        continue;
      }
      ssize_t r = recv(s->fd, s->buf, sizeof s->buf, 0);
      if (r < 0) { REQUIRE(errno == EAGAIN); continue; }
      if (r == 0) { close(s->fd); s->fd = -1; served++; continue; }
      s->have = r;
      s->sent = 0;
    }
  }
  REQUIRE(accepted == N);
  for (int i = 0; i < N; i++) close(cl[i].fd);
  close(ls);
  printf("%d connections served by one poll loop in %d poll calls (up to %d fds ready at once)\n", N, loops, max_ready);
  printf("ok\n");
  return CHECK_DONE();
}
