// Guest of bench/soak/soak.mjs: a non-blocking poll() echo server that
// holds up to MAXC connections at once.  Prints its port first; each time
// the last connection closes it prints "idle <conns served> <wasm pages>"
// so the soak can follow the guest's own memory next to the runner's RSS.
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAXC 2000

static struct pollfd pf[1 + MAXC];

int main(void) {
  struct rlimit rl = { MAXC + 64, MAXC + 64 };
  getrlimit(RLIMIT_NOFILE, &rl);
  rl.rlim_cur = rl.rlim_max < MAXC + 64 ? rl.rlim_max : MAXC + 64;
  if (setrlimit(RLIMIT_NOFILE, &rl) < 0) { perror("setrlimit"); return 1; }
  int l = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t al = sizeof a;
  if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof a) < 0 || listen(l, SOMAXCONN) < 0 ||
      getsockname(l, (struct sockaddr *)&a, &al) < 0) { perror("listen"); return 1; }
  printf("%d\n", ntohs(a.sin_port));
  fflush(stdout);
  pf[0].fd = l;
  pf[0].events = POLLIN;
  int n = 0;
  unsigned long served = 0;
  char buf[4096];
  for (;;) {
    if (poll(pf, 1 + n, -1) < 0) { perror("poll"); return 1; }
    for (int i = 1; i <= n; i++) {
      if (!pf[i].revents) continue;
      ssize_t r = read(pf[i].fd, buf, sizeof buf);
      if (r > 0 && write(pf[i].fd, buf, r) == r) continue;
      if (r < 0 && errno == EAGAIN) continue;
      close(pf[i].fd);
      pf[i] = pf[n--];
      i--;
      if (n == 0) {
        printf("idle %lu %lu\n", served, (unsigned long)__builtin_wasm_memory_size(0));
        fflush(stdout);
      }
    }
    if (pf[0].revents & POLLIN) {
      for (;;) {
        int c = accept4(l, NULL, NULL, SOCK_NONBLOCK);
        if (c < 0) break;
        if (n == MAXC) { close(c); continue; }
        pf[++n].fd = c;
        pf[n].events = POLLIN;
        pf[n].revents = 0;
        served++;
      }
    }
  }
}
