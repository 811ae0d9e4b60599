// A program that touches every area of the library (stdio, env, clocks,
// random, files, directories, sockets, poll, name lookup), so its component
// imports all the WASI interfaces we use.  test/build/imports.test.mjs
// checks those imports; running it is not the point.
#include <dirent.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

int main(int argc, char **argv) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  clock_gettime(CLOCK_REALTIME, &ts);
  char buf[16];
  getentropy(buf, sizeof buf);
  printf("%s %s %d\n", argv[0], getenv("HOME") ? "home" : "-", isatty(0));
  int fd = open("/data/x", O_RDONLY);
  struct stat st;
  stat("/data", &st);
  DIR *d = opendir("/data");
  if (d) { readdir(d); closedir(d); }
  int s = socket(AF_INET, SOCK_STREAM, 0);
  int u = socket(AF_INET6, SOCK_DGRAM, 0);
  struct pollfd p = { s, POLLIN, 0 };
  poll(&p, 1, 0);
  struct addrinfo *ai;
  if (getaddrinfo("localhost", "80", NULL, &ai) == 0) freeaddrinfo(ai);
  close(u); close(s); close(fd);
  struct timespec req = { 0, 1 };
  nanosleep(&req, NULL);
  return argc > 5;
}
