// Process and user calls: fixed ids, ENOSYS for fork/exec/system/popen,
// ECHILD for wait, EPERM for privilege changes, one passwd/group entry.
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  CHECK(getpid() == 42 && getppid() == 1);
  CHECK(getuid() == 1000 && geteuid() == 1000 && getgid() == 1000 && getegid() == 1000);
  printf("pid %d ppid %d uid %d\n", getpid(), getppid(), getuid());

  errno = 0;
  CHECK(fork() == -1 && errno == ENOSYS);
  CHECK(vfork() == -1 && errno == ENOSYS);
  char *argv[] = {"sh", NULL};
  CHECK(execv("/bin/sh", argv) == -1 && errno == ENOSYS);
  CHECK(execlp("ls", "ls", (char *)NULL) == -1 && errno == ENOSYS);
  CHECK(system(NULL) == 0);
  CHECK(system("true") == -1 && errno == ENOSYS);
  CHECK(popen("ls", "r") == NULL && errno == ENOSYS);
  int st;
  CHECK(waitpid(-1, &st, 0) == -1 && errno == ECHILD);
  CHECK(wait(&st) == -1 && errno == ECHILD);
  st = 3 << 8;
  CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3);
  printf("fork/exec/system/popen: ENOSYS; wait: ECHILD\n");

  CHECK(setuid(0) == -1 && errno == EPERM);
  CHECK(setuid(1000) == 0);
  CHECK(setgid(0) == -1 && errno == EPERM);
  gid_t g = 0;
  CHECK(setgroups(1, &g) == -1 && errno == EPERM);
  CHECK(chroot("/") == -1 && errno == EPERM);
  printf("setuid/setgid/setgroups/chroot: EPERM\n");

  struct passwd *pw = getpwuid(getuid());
  CHECK(pw && strcmp(pw->pw_name, "user") == 0 && pw->pw_uid == 1000);
  CHECK(getpwnam("user") && getpwnam("root") == NULL && getpwuid(0) == NULL);
  char buf[256];
  struct passwd pwb, *res;
  CHECK(getpwnam_r("user", &pwb, buf, sizeof buf, &res) == 0 && res == &pwb);
  CHECK(getpwnam_r("user", &pwb, buf, 3, &res) == ERANGE && res == NULL);
  struct group *gr = getgrgid(1000);
  CHECK(gr && strcmp(gr->gr_name, "user") == 0 && strcmp(gr->gr_mem[0], "user") == 0 && !gr->gr_mem[1]);
  CHECK(getgrnam("wheel") == NULL);
  printf("passwd: %s home %s shell %s; group %s\n", pw->pw_name, pw->pw_dir, pw->pw_shell, gr->gr_name);

  char host[64];
  CHECK(gethostname(host, sizeof host) == 0 && strcmp(host, "localhost") == 0);
  struct utsname u;
  CHECK(uname(&u) == 0);
  printf("hostname %s, uname %s\n", host, u.sysname);
  CHECK(umask(077) == 022 && umask(022) == 077);

  clock_t c0 = clock();
  volatile double x = 0;
  for (int i = 0; i < 1000000; i++) x += i;
  struct tms t;
  CHECK(times(&t) != (clock_t)-1);
  CHECK(clock() >= c0);
  struct rusage ru;
  CHECK(getrusage(RUSAGE_SELF, &ru) == 0);
  struct rlimit rl;
  CHECK(getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur >= 1024 * 1024);
  printf("clock/times/getrusage ok; stack limit %llu\n", (unsigned long long)rl.rlim_cur);

  openlog("proctest", LOG_PID, LOG_USER);
  syslog(LOG_INFO, "hello %d", 7);
  closelog();
  return CHECK_DONE();
}
