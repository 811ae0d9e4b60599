// Process and user calls: fixed ids, ENOSYS for fork/exec/system/popen,
// ECHILD for wait, EPERM for privilege changes, one passwd/group entry.
#define _GNU_SOURCE
#include <assert.h>
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

int main(void) {
  assert(getpid() == 42 && getppid() == 1);
  assert(getuid() == 1000 && geteuid() == 1000 && getgid() == 1000 && getegid() == 1000);
  printf("pid %d ppid %d uid %d\n", getpid(), getppid(), getuid());

  errno = 0;
  assert(fork() == -1 && errno == ENOSYS);
  assert(vfork() == -1 && errno == ENOSYS);
  char *argv[] = {"sh", NULL};
  assert(execv("/bin/sh", argv) == -1 && errno == ENOSYS);
  assert(execlp("ls", "ls", (char *)NULL) == -1 && errno == ENOSYS);
  assert(system(NULL) == 0);
  assert(system("true") == -1 && errno == ENOSYS);
  assert(popen("ls", "r") == NULL && errno == ENOSYS);
  int st;
  assert(waitpid(-1, &st, 0) == -1 && errno == ECHILD);
  assert(wait(&st) == -1 && errno == ECHILD);
  st = 3 << 8;
  assert(WIFEXITED(st) && WEXITSTATUS(st) == 3);
  printf("fork/exec/system/popen: ENOSYS; wait: ECHILD\n");

  assert(setuid(0) == -1 && errno == EPERM);
  assert(setuid(1000) == 0);
  assert(setgid(0) == -1 && errno == EPERM);
  gid_t g = 0;
  assert(setgroups(1, &g) == -1 && errno == EPERM);
  assert(chroot("/") == -1 && errno == EPERM);
  printf("setuid/setgid/setgroups/chroot: EPERM\n");

  struct passwd *pw = getpwuid(getuid());
  assert(pw && strcmp(pw->pw_name, "user") == 0 && pw->pw_uid == 1000);
  assert(getpwnam("user") && getpwnam("root") == NULL && getpwuid(0) == NULL);
  char buf[256];
  struct passwd pwb, *res;
  assert(getpwnam_r("user", &pwb, buf, sizeof buf, &res) == 0 && res == &pwb);
  assert(getpwnam_r("user", &pwb, buf, 3, &res) == ERANGE && res == NULL);
  struct group *gr = getgrgid(1000);
  assert(gr && strcmp(gr->gr_name, "user") == 0 && strcmp(gr->gr_mem[0], "user") == 0 && !gr->gr_mem[1]);
  assert(getgrnam("wheel") == NULL);
  printf("passwd: %s home %s shell %s; group %s\n", pw->pw_name, pw->pw_dir, pw->pw_shell, gr->gr_name);

  char host[64];
  assert(gethostname(host, sizeof host) == 0 && strcmp(host, "localhost") == 0);
  struct utsname u;
  assert(uname(&u) == 0);
  printf("hostname %s, uname %s\n", host, u.sysname);
  assert(umask(077) == 022 && umask(022) == 077);

  clock_t c0 = clock();
  volatile double x = 0;
  for (int i = 0; i < 1000000; i++) x += i;
  struct tms t;
  assert(times(&t) != (clock_t)-1);
  assert(clock() >= c0);
  struct rusage ru;
  assert(getrusage(RUSAGE_SELF, &ru) == 0);
  struct rlimit rl;
  assert(getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur >= 1024 * 1024);
  printf("clock/times/getrusage ok; stack limit %llu\n", (unsigned long long)rl.rlim_cur);

  openlog("proctest", LOG_PID, LOG_USER);
  syslog(LOG_INFO, "hello %d", 7);
  closelog();
  return 0;
}
