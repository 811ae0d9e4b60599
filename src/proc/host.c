// Host and terminal naming, umask and other per-process odds and ends.
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

// Components cannot learn the host's name; "localhost" is what tools
// expect when there is no better answer.
static const char hostname[] = "localhost";

int gethostname(char *name, size_t len) {
  if (len < sizeof hostname) {
    errno = ENAMETOOLONG;
    return -1;
  }
  memcpy(name, hostname, sizeof hostname);
  return 0;
}

int sethostname(const char *name, size_t len) { (void)name; (void)len; errno = EPERM; return -1; }
int setdomainname(const char *name, size_t len) { (void)name; (void)len; errno = EPERM; return -1; }

// Files opened here are created with the mode the program passes; the
// preview2 filesystem has no permission bits, so the mask is recorded and
// reported but cannot change what the host creates.
static mode_t mask = 022;

mode_t umask(mode_t m) {
  mode_t old = mask;
  mask = m & 0777;
  return old;
}

int chroot(const char *path) { (void)path; errno = EPERM; return -1; }

int getpagesize(void) { return PAGESIZE; }
int getdtablesize(void) { return 1024; }

char *getlogin(void) {
  // The one user (see getpwuid); LOGNAME, when set, wins as on Linux.
  char *n = getenv("LOGNAME");
  return n && *n ? n : (char *)"user";
}

int getlogin_r(char *buf, size_t len) {
  const char *n = getlogin();
  size_t l = strlen(n) + 1;
  if (l > len) return ERANGE;
  memcpy(buf, n, l);
  return 0;
}

char *ttyname(int fd) {
  static char name[] = "/dev/tty";
  if (!isatty(fd)) {
    if (errno != EBADF) errno = ENOTTY;
    return NULL;
  }
  return name;
}

int ttyname_r(int fd, char *buf, size_t len) {
  char *n = ttyname(fd);
  if (!n) return errno;
  if (len < strlen(n) + 1) return ERANGE;
  strcpy(buf, n);
  return 0;
}

char *ctermid(char *s) {
  static char buf[sizeof "/dev/tty"];
  if (!s) s = buf;
  strcpy(s, "/dev/tty");
  return s;
}
