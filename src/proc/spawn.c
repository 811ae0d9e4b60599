// Creating or replacing processes is impossible inside a component: every
// fork/exec entry point exists (so programs link) and fails with ENOSYS.
#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>

static int nosys(void) {
  errno = ENOSYS;
  return -1;
}

pid_t fork(void) { return nosys(); }
pid_t _Fork(void) { return nosys(); }
pid_t vfork(void) { return nosys(); }
int execve(const char *p, char *const a[], char *const e[]) { (void)p; (void)a; (void)e; return nosys(); }
int execv(const char *p, char *const a[]) { (void)p; (void)a; return nosys(); }
int execvp(const char *p, char *const a[]) { (void)p; (void)a; return nosys(); }
int execvpe(const char *p, char *const a[], char *const e[]) { (void)p; (void)a; (void)e; return nosys(); }
int execl(const char *p, const char *a, ...) { (void)p; (void)a; return nosys(); }
int execlp(const char *p, const char *a, ...) { (void)p; (void)a; return nosys(); }
int execle(const char *p, const char *a, ...) { (void)p; (void)a; return nosys(); }
int fexecve(int fd, char *const a[], char *const e[]) { (void)fd; (void)a; (void)e; return nosys(); }
int daemon(int nochdir, int noclose) { (void)nochdir; (void)noclose; return nosys(); }
