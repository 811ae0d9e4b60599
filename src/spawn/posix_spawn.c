// posix_spawn/posix_spawnp: WASI 0.2 has no way to start a process (no
// fork, no exec, no process interface), so both fail with ENOSYS, like
// fork and the exec family, and *pid is left alone.
#include <errno.h>
#include <spawn.h>

int posix_spawn(pid_t *restrict pid, const char *restrict path, const posix_spawn_file_actions_t *fa,
                const posix_spawnattr_t *restrict attr, char *const *restrict argv, char *const *restrict envp) {
  (void)pid, (void)path, (void)fa, (void)attr, (void)argv, (void)envp;
  return ENOSYS;
}

int posix_spawnp(pid_t *restrict pid, const char *restrict file, const posix_spawn_file_actions_t *fa,
                 const posix_spawnattr_t *restrict attr, char *const *restrict argv, char *const *restrict envp) {
  return posix_spawn(pid, file, fa, attr, argv, envp);
}
