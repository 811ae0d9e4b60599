// posix_spawn_file_actions_*: a list of actions, kept as data (no process
// is ever spawned to perform them).  Each add checks its arguments as
// POSIX says (a negative descriptor or one past the descriptor limit is
// EBADF) and copies the path; destroy frees the list.
#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>

enum { FA_CLOSE, FA_DUP2, FA_OPEN, FA_CHDIR, FA_FCHDIR };

struct action {
  struct action *next;
  int op, fd, srcfd, oflag;
  mode_t mode;
  char path[];
};

#define FD_LIMIT 1024  // RLIMIT_NOFILE (src/proc/rlimit.c)

static int bad_fd(int fd) {
  return fd < 0 || fd >= FD_LIMIT;
}

// Append in order: the actions are to be performed as added.
static int add(posix_spawn_file_actions_t *fa, int op, int fd, int srcfd, const char *path, int oflag,
               mode_t mode) {
  size_t len = path ? strlen(path) + 1 : 0;
  struct action *a = malloc(sizeof *a + len);
  if (!a) return ENOMEM;
  a->next = NULL;
  a->op = op;
  a->fd = fd;
  a->srcfd = srcfd;
  a->oflag = oflag;
  a->mode = mode;
  if (path) memcpy(a->path, path, len);
  struct action **p = (struct action **)&fa->__actions;
  while (*p) p = &(*p)->next;
  *p = a;
  return 0;
}

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa) {
  memset(fa, 0, sizeof *fa);
  return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa) {
  struct action *a = fa->__actions;
  while (a) {
    struct action *next = a->next;
    free(a);
    a = next;
  }
  fa->__actions = NULL;
  return 0;
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd) {
  if (bad_fd(fd)) return EBADF;
  return add(fa, FA_CLOSE, fd, -1, NULL, 0, 0);
}

int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int srcfd, int fd) {
  if (bad_fd(srcfd) || bad_fd(fd)) return EBADF;
  return add(fa, FA_DUP2, fd, srcfd, NULL, 0, 0);
}

int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *restrict fa, int fd,
                                     const char *restrict path, int oflag, mode_t mode) {
  if (bad_fd(fd)) return EBADF;
  return add(fa, FA_OPEN, fd, -1, path, oflag, mode);
}

int posix_spawn_file_actions_addchdir(posix_spawn_file_actions_t *restrict fa, const char *restrict path) {
  return add(fa, FA_CHDIR, -1, -1, path, 0, 0);
}

int posix_spawn_file_actions_addfchdir(posix_spawn_file_actions_t *fa, int fd) {
  if (bad_fd(fd)) return EBADF;
  return add(fa, FA_FCHDIR, fd, -1, NULL, 0, 0);
}

int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *restrict fa, const char *restrict path) {
  return posix_spawn_file_actions_addchdir(fa, path);
}

int posix_spawn_file_actions_addfchdir_np(posix_spawn_file_actions_t *fa, int fd) {
  return posix_spawn_file_actions_addfchdir(fa, fd);
}
