// <spawn.h>: no process can be started (posix_spawn/posix_spawnp ENOSYS,
// *pid untouched), while attributes and file actions work as data: every
// set/get pair round-trips, bad arguments are refused, and destroy frees
// what was added (the run is leak-checked).
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include "check.h"

extern char **environ;

int main(void) {
  posix_spawnattr_t a;
  posix_spawn_file_actions_t fa;
  short fl;
  pid_t pg;
  int pol;
  sigset_t s, got;
  OK(posix_spawnattr_init(&a) == 0 && posix_spawnattr_getflags(&a, &fl) == 0 && fl == 0, "attr_init, flags 0");
  OK(posix_spawnattr_setflags(&a, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP) == 0 &&
        posix_spawnattr_getflags(&a, &fl) == 0 && fl == (POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP), "flags round-trip");
  OK(posix_spawnattr_setflags(&a, 0x4000) == EINVAL, "unknown flag: EINVAL");
  OK(posix_spawnattr_setpgroup(&a, 42) == 0 && posix_spawnattr_getpgroup(&a, &pg) == 0 && pg == 42, "pgroup round-trips");
  sigemptyset(&s);
  sigaddset(&s, SIGUSR2);
  sigaddset(&s, SIGTERM);
  OK(posix_spawnattr_setsigmask(&a, &s) == 0 && posix_spawnattr_getsigmask(&a, &got) == 0 &&
        sigismember(&got, SIGUSR2) == 1 && sigismember(&got, SIGTERM) == 1 && sigismember(&got, SIGINT) == 0, "sigmask round-trips");
  sigemptyset(&s);
  sigaddset(&s, SIGINT);
  OK(posix_spawnattr_setsigdefault(&a, &s) == 0 && posix_spawnattr_getsigdefault(&a, &got) == 0 &&
        sigismember(&got, SIGINT) == 1 && sigismember(&got, SIGUSR2) == 0, "sigdefault round-trips");
  OK(posix_spawnattr_setschedpolicy(&a, 2) == 0 && posix_spawnattr_getschedpolicy(&a, &pol) == 0 && pol == 2,
        "schedpolicy round-trips");
  OK(posix_spawnattr_setschedpolicy(&a, 77) == EINVAL, "schedpolicy 77: EINVAL");

  OK(posix_spawn_file_actions_init(&fa) == 0, "file_actions_init");
  int ok = 1;
  for (int i = 0; i < 50; i++) {
    ok &= posix_spawn_file_actions_addopen(&fa, 3 + i % 10, "/data/some/long/path/name.txt", O_RDONLY, 0644) == 0;
    ok &= posix_spawn_file_actions_adddup2(&fa, 3, 1) == 0;
    ok &= posix_spawn_file_actions_addclose(&fa, 3) == 0;
    ok &= posix_spawn_file_actions_addchdir(&fa, "/data") == 0;
    ok &= posix_spawn_file_actions_addfchdir(&fa, 4) == 0;
  }
  OK(ok, "250 actions added");
  OK(posix_spawn_file_actions_addclose(&fa, -1) == EBADF && posix_spawn_file_actions_adddup2(&fa, -2, 1) == EBADF &&
        posix_spawn_file_actions_adddup2(&fa, 1, 100000) == EBADF &&
        posix_spawn_file_actions_addopen(&fa, -1, "x", O_RDONLY, 0) == EBADF &&
        posix_spawn_file_actions_addfchdir(&fa, -3) == EBADF, "negative or too large descriptors: EBADF");

  pid_t pid = 1234;
  char *argv[] = {"sh", "-c", "true", NULL};
  OK(posix_spawn(&pid, "/bin/sh", &fa, &a, argv, environ) == ENOSYS && pid == 1234, "posix_spawn: ENOSYS, pid untouched");
  OK(posix_spawnp(&pid, "sh", NULL, NULL, argv, environ) == ENOSYS && pid == 1234, "posix_spawnp: ENOSYS");
  OK(posix_spawn_file_actions_destroy(&fa) == 0 && posix_spawnattr_destroy(&a) == 0, "destroy both (memory freed)");
  return CHECK_DONE();
}
