// _Exit: release every WASI resource the program still holds (fds, then the
// areas' cached handles, newest first) so none outlives it, then leave
// through wasi:cli/exit.  WASI 0.2.0 carries only ok/err: status 0 is ok,
// anything else err (the host reports 1).
#include <stdlib.h>
#include "wasip2_fd.h"

#define MAX_HOOKS 16
static void (*hooks[MAX_HOOKS])(void);
static int nhooks;

void __wasip2_on_exit(void (*fn)(void)) {
  if (nhooks < MAX_HOOKS) hooks[nhooks++] = fn;
}

void __wasip2_release_all(void) {
  __wasip2_fd_close_all();
  while (nhooks > 0) hooks[--nhooks]();
}

_Noreturn void _Exit(int status) {
  __wasip2_release_all();
  wasip2_result_void_void_t r = { .is_err = status != 0 };
  wasi_cli_exit_exit(&r);
  __builtin_unreachable();
}
