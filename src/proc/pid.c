// Process identity.  A component has no pid; these fixed values (the
// program is process 42, child of 1, leader of its own group and session)
// are documented and match upstream wasi-libc's emulated getpid.
#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>

#define SELF 42

pid_t getpid(void) { return SELF; }
pid_t getppid(void) { return 1; }
pid_t gettid(void) { return SELF; }
pid_t getpgrp(void) { return SELF; }
pid_t setpgrp(void) { return SELF; }

static int is_self(pid_t pid) { return pid == 0 || pid == SELF; }

pid_t getpgid(pid_t pid) {
  if (!is_self(pid)) { errno = ESRCH; return -1; }
  return SELF;
}

pid_t getsid(pid_t pid) {
  if (!is_self(pid)) { errno = ESRCH; return -1; }
  return SELF;
}

int setpgid(pid_t pid, pid_t pgid) {
  if (!is_self(pid)) { errno = ESRCH; return -1; }
  // Already its own group leader; joining another group is impossible.
  if (pgid != 0 && pgid != SELF) { errno = EPERM; return -1; }
  return 0;
}

pid_t setsid(void) {
  // POSIX: a process-group leader cannot create a session.
  errno = EPERM;
  return -1;
}

pid_t tcgetpgrp(int fd) {
  if (!isatty(fd)) { if (errno != EBADF) errno = ENOTTY; return -1; }
  return SELF;
}

int tcsetpgrp(int fd, pid_t pgrp) {
  if (!isatty(fd)) { if (errno != EBADF) errno = ENOTTY; return -1; }
  if (pgrp != SELF) { errno = EPERM; return -1; }
  return 0;
}
