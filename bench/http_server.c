/* http_server.c: a small poll()-driven HTTP/1.1 server on 127.0.0.1, for the HTTP rows.
 *
 *   http_server [PORT [BODY_BYTES [stop] [backlog=N]]]
 *
 * Prints the port it listens on (PORT 0 = any free port) as its first line, then answers
 * every request (any method, any path) with 200 and a BODY_BYTES body (default 1024),
 * keeping the connection open unless the client sends "Connection: close". Requests are
 * found by their blank line; bodies of requests are not expected (wrk sends GETs). Runs
 * until killed. One process, no threads, so the same source works natively and as a
 * component: the load generator (wrk) measures requests per second from outside. With
 * "stop", SIGTERM and SIGINT end it cleanly (exit 0: wasip2-run --count-calls then writes
 * its counts); without, it runs as servers that install no handler. backlog=N listens
 * again with that backlog (backlog=-1 as darkhttpd does: the largest queue on Linux). */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "bench_util.h"
#include "bench_net.h"

#define MAX_CONNS 1024
#define IN_SIZE 8192

struct conn {
  char in[IN_SIZE];
  size_t have;          /* request bytes buffered */
  const char *out;      /* response bytes still to send (points into resp) */
  size_t left;
  int close_after;
};

static struct pollfd fds[MAX_CONNS + 1];
static struct conn *conns[MAX_CONNS + 1];
static char *resp;
static size_t resp_len;

static volatile sig_atomic_t stop;
static void on_stop(int sig) { (void)sig; stop = 1; }

static void drop(int i, int *n) {
  close(fds[i].fd);
  free(conns[i]);
  fds[i] = fds[*n - 1];
  conns[i] = conns[*n - 1];
  (*n)--;
}

/* Send what is pending; 0 done, 1 still pending, -1 error. */
static int flush_out(int fd, struct conn *c) {
  while (c->left) {
    ssize_t w = send(fd, c->out, c->left, 0);
    if (w < 0) return errno == EAGAIN || errno == EWOULDBLOCK ? 1 : -1;
    c->out += w;
    c->left -= (size_t)w;
  }
  return 0;
}

int main(int argc, char **argv) {
  const char *usage = "usage: http_server [PORT [BODY_BYTES [stop]]]";
  int port = argc > 1 ? (int)bench_count(argv[1], usage) : 0;
  long long body = argc > 2 ? bench_count(argv[2], usage) : 1024;

  char head[128];
  int hl = snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %lld\r\n\r\n", body);
  resp_len = (size_t)hl + (size_t)body;
  resp = malloc(resp_len);
  if (!resp) return 1;
  memcpy(resp, head, (size_t)hl);
  for (long long i = 0; i < body; i++) resp[hl + i] = (char)('a' + i % 26);

  int stop_on_signal = 0, backlog = 0, set_backlog = 0;
  for (int i = 3; i < argc; i++) {
    if (!strcmp(argv[i], "stop")) stop_on_signal = 1;
    else if (!strncmp(argv[i], "backlog=", 8)) { backlog = atoi(argv[i] + 8); set_backlog = 1; }
  }
  if (stop_on_signal) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
  }
  int ls = bench_listen(port);
  if (set_backlog && listen(ls, backlog) != 0) { perror("listen"); return 1; }

  int n = 1;
  fds[0] = (struct pollfd){ls, POLLIN, 0};
  for (;;) {
    if (poll(fds, (nfds_t)n, -1) < 0) {
      if (errno == EINTR && stop) break;
      if (errno == EINTR) continue;
      perror("poll");
      return 1;
    }
    if (fds[0].revents & POLLIN) {
      /* one accept per readiness: the listening socket is blocking */
      int s = accept(ls, NULL, NULL);
      struct conn *c = s >= 0 && n <= MAX_CONNS ? calloc(1, sizeof *c) : NULL;
      if (c) {
        fds[n] = (struct pollfd){s, POLLIN, 0};
        conns[n++] = c;
      } else if (s >= 0) close(s);
    }
    for (int i = n - 1; i >= 1; i--) {
      short re = fds[i].revents;
      if (!re) continue;
      struct conn *c = conns[i];
      int fd = fds[i].fd;
      if (re & POLLOUT) {
        int f = flush_out(fd, c);
        if (f < 0 || (f == 0 && c->close_after)) { drop(i, &n); continue; }
        if (f == 0) fds[i].events = POLLIN;
      }
      if (re & (POLLIN | POLLHUP | POLLERR)) {
        ssize_t r = recv(fd, c->in + c->have, IN_SIZE - c->have, 0);
        if (r <= 0) { drop(i, &n); continue; }
        c->have += (size_t)r;
        /* answer every complete request in the buffer (pipelining works too) */
        int dead = 0;
        for (;;) {
          char *end = NULL;
          for (size_t k = 3; k < c->have; k++) {
            if (c->in[k] == '\n' && c->in[k - 1] == '\r' && c->in[k - 2] == '\n' && c->in[k - 3] == '\r') { end = c->in + k + 1; break; }
          }
          if (!end) {
            if (c->have == IN_SIZE) dead = 1; /* a header larger than the buffer */
            break;
          }
          size_t used = (size_t)(end - c->in);
          c->in[used - 1] = 0;
          c->close_after = strstr(c->in, "Connection: close") != NULL || strstr(c->in, "connection: close") != NULL;
          memmove(c->in, end, c->have - used);
          c->have -= used;
          if (c->left) { dead = 1; break; } /* pipelined past a stalled reply: give up */
          c->out = resp;
          c->left = resp_len;
          int f = flush_out(fd, c);
          if (f < 0 || (f == 0 && c->close_after)) { dead = 1; break; }
          if (f == 1) { fds[i].events = POLLOUT; break; }
        }
        if (dead) { drop(i, &n); continue; }
      }
    }
  }
  while (n > 1) drop(1, &n);
  close(ls);
  free(resp);
  return 0;
}
