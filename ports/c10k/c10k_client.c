/* c10k_client.c: the client side of ports/c10k.sh (native).  Opens N connections to
 * 127.0.0.1:PORT (non-blocking connects, a batch at a time), then sends "ping i" on every one
 * and checks every "pong i" answer, all connections open at once.  Then asks "stat", prints
 * what it measured, and holds the connections until a line arrives on stdin (the script samples
 * the server's memory meanwhile); then "quit" ends the server.
 *   c10k_client PORT N */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static void die(const char *what) { perror(what); exit(1); }

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: c10k_client PORT N\n"); return 2; }
  int port = atoi(argv[1]), n = atoi(argv[2]);
  struct rlimit rl;
  getrlimit(RLIMIT_NOFILE, &rl);
  rl.rlim_cur = rl.rlim_max;
  setrlimit(RLIMIT_NOFILE, &rl);
  int *fd = calloc((size_t)n, sizeof *fd);
  double *sent = calloc((size_t)n, sizeof *sent);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((unsigned short)port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int ep = epoll_create1(0);
  static struct epoll_event evs[512];
  double t0 = now_s();
  const int batch = 250;
  for (int base = 0; base < n; base += batch) {
    int end = base + batch < n ? base + batch : n, pending = 0;
    for (int i = base; i < end; i++) {
      if ((fd[i] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)) < 0) die("socket");
      if (connect(fd[i], (struct sockaddr *)&a, sizeof a) < 0 && errno != EINPROGRESS) die("connect");
      struct epoll_event ev = { .events = EPOLLOUT, .data.u32 = (unsigned)i };
      if (epoll_ctl(ep, EPOLL_CTL_ADD, fd[i], &ev) < 0) die("epoll_ctl");
      pending++;
    }
    while (pending > 0) {
      int k = epoll_wait(ep, evs, 512, 60000);
      if (k <= 0) { fprintf(stderr, "connect batch at %d: nothing for 60 s\n", base); return 1; }
      for (int j = 0; j < k; j++) {
        int i = (int)evs[j].data.u32, err = 0;
        socklen_t el = sizeof err;
        getsockopt(fd[i], SOL_SOCKET, SO_ERROR, &err, &el);
        if (err) { errno = err; die("connect (async)"); }
        struct epoll_event ev = { .events = EPOLLIN, .data.u32 = (unsigned)i };
        epoll_ctl(ep, EPOLL_CTL_MOD, fd[i], &ev);
        pending--;
      }
    }
  }
  double t1 = now_s();
  for (int i = 0; i < n; i++) {
    char b[32];
    int len = snprintf(b, sizeof b, "ping %d\n", i);
    sent[i] = now_s();
    if (write(fd[i], b, (size_t)len) != len) die("write");
  }
  int answered = 0, bad = 0;
  double worst = 0;
  while (answered < n) {
    int k = epoll_wait(ep, evs, 512, 60000);
    if (k <= 0) { fprintf(stderr, "%d of %d answered, then nothing for 60 s\n", answered, n); return 1; }
    for (int j = 0; j < k; j++) {
      int i = (int)evs[j].data.u32;
      char b[64], want[32];
      ssize_t r = read(fd[i], b, sizeof b - 1);
      if (r <= 0) { fprintf(stderr, "connection %d: read %zd\n", i, r); return 1; }
      b[r] = 0;
      snprintf(want, sizeof want, "pong %d\n", i);
      if (strcmp(b, want)) bad++;
      double dt = now_s() - sent[i];
      if (dt > worst) worst = dt;
      answered++;
    }
  }
  double t2 = now_s();
  char st[128] = "";
  if (write(fd[0], "stat\n", 5) != 5) die("write stat");
  for (int k = 0; k < 300 && !st[0]; k++) {
    int m = epoll_wait(ep, evs, 512, 200);
    for (int j = 0; j < m; j++)
      if (evs[j].data.u32 == 0) {
        ssize_t r = read(fd[0], st, sizeof st - 1);
        if (r > 0) st[r - (st[r - 1] == '\n')] = 0;
      }
  }
  printf("connections=%d answered=%d wrong=%d connect_s=%.3f round_s=%.3f worst_answer_ms=%.1f server:%s\n",
         n, answered, bad, t1 - t0, t2 - t1, worst * 1e3, st);
  fflush(stdout);
  char line[8];
  if (!fgets(line, sizeof line, stdin)) line[0] = 0;
  if (write(fd[0], "quit\n", 5) != 5) die("write quit");
  for (int i = 0; i < n; i++) close(fd[i]);
  return bad || answered != n;
}
