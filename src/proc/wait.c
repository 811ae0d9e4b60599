// There are never children to wait for: ECHILD, as on Linux for a process
// that has none.
#define _GNU_SOURCE
#include <errno.h>
#include <sys/wait.h>

static pid_t none(void) {
  errno = ECHILD;
  return -1;
}

pid_t wait(int *st) { (void)st; return none(); }
pid_t waitpid(pid_t p, int *st, int o) { (void)p; (void)st; (void)o; return none(); }
pid_t wait3(int *st, int o, struct rusage *ru) { (void)st; (void)o; (void)ru; return none(); }
pid_t wait4(pid_t p, int *st, int o, struct rusage *ru) { (void)p; (void)st; (void)o; (void)ru; return none(); }
int waitid(idtype_t t, id_t id, siginfo_t *si, int o) { (void)t; (void)id; (void)si; (void)o; return none(); }
