/* c10k_server.c: the server side of ports/c10k.sh, built for wasm and with gcc from this one
 * source.  An epoll loop on 127.0.0.1 that keeps every connection open and answers each line
 * it reads: "ping N" -> "pong N", "stat" -> "conns=C mem=B" (B: linear memory for wasm, VmRSS
 * natively).  Prints its port first, then mem0= (the same measure with no connection); exits when a connection sends "quit". */
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
#include <unistd.h>

static long memory_bytes(void) {
#ifdef __wasm__
  return (long)__builtin_wasm_memory_size(0) * 65536;
#else
  FILE *f = fopen("/proc/self/statm", "r");
  long pages = 0, rss = 0;
  if (f) { if (fscanf(f, "%ld %ld", &pages, &rss) != 2) rss = 0; fclose(f); }
  return rss * sysconf(_SC_PAGESIZE);
#endif
}

static void nonblock(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

int main(int argc, char **argv) {
  int want = argc > 1 ? atoi(argv[1]) : 10000;
  struct rlimit rl;
  getrlimit(RLIMIT_NOFILE, &rl);
  rlim_t need = (rlim_t)want + 64;
  if (rl.rlim_cur < need) {
    rl.rlim_cur = need <= rl.rlim_max ? need : rl.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &rl) < 0) perror("setrlimit");
  }
  getrlimit(RLIMIT_NOFILE, &rl);
  if (rl.rlim_cur < need) { fprintf(stderr, "RLIMIT_NOFILE %ld < %ld\n", (long)rl.rlim_cur, (long)need); return 1; }

  int ls = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t al = sizeof a;
  if (bind(ls, (struct sockaddr *)&a, sizeof a) < 0 || listen(ls, -1) < 0 ||
      getsockname(ls, (struct sockaddr *)&a, &al) < 0) { perror("listen"); return 1; }
  nonblock(ls);
  int ep = epoll_create1(0);
  struct epoll_event ev = { .events = EPOLLIN, .data.fd = ls };
  if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, ls, &ev) < 0) { perror("epoll"); return 1; }
  printf("%d\nmem0=%ld\n", ntohs(a.sin_port), memory_bytes());  // the port line first
  fflush(stdout);

  int conns = 0, served = 0;
  static struct epoll_event evs[256];
  for (;;) {
    int n = epoll_wait(ep, evs, 256, -1);
    if (n < 0) { if (errno == EINTR) continue; perror("epoll_wait"); return 1; }
    for (int i = 0; i < n; i++) {
      int fd = evs[i].data.fd;
      if (fd == ls) {
        for (;;) {
          int c = accept(ls, 0, 0);
          if (c < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) perror("accept");
            break;
          }
          nonblock(c);
          struct epoll_event ce = { .events = EPOLLIN, .data.fd = c };
          if (epoll_ctl(ep, EPOLL_CTL_ADD, c, &ce) < 0) { perror("epoll_ctl"); return 1; }
          conns++;
        }
        continue;
      }
      char buf[128], out[128];
      ssize_t r = read(fd, buf, sizeof buf - 1);
      if (r <= 0) {
        if (r < 0 && errno == EAGAIN) continue;
        epoll_ctl(ep, EPOLL_CTL_DEL, fd, 0);
        close(fd);
        conns--;
        continue;
      }
      buf[r] = 0;
      int len;
      if (!strncmp(buf, "quit", 4)) {
        printf("served=%d conns=%d\n", served, conns);
        return 0;
      } else if (!strncmp(buf, "stat", 4)) {
        len = snprintf(out, sizeof out, "conns=%d mem=%ld\n", conns, memory_bytes());
      } else if (!strncmp(buf, "ping ", 5)) {
        served++;
        len = snprintf(out, sizeof out, "pong %s", buf + 5);
      } else {
        len = snprintf(out, sizeof out, "what\n");
      }
      if (write(fd, out, (size_t)len) != len) { perror("write"); return 1; }
    }
  }
}
