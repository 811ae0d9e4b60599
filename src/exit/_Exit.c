// _Exit: release every WASI resource the program still holds (fds, then the
// areas' cached handles, newest first) so none outlives it, then leave
// through wasi:cli/exit.  WASI 0.2.0 carries only ok/err: status 0 is ok,
// anything else err (a plain host reports 1).
//
// The real status is kept here too, for hosts that can see more than ok/err:
// the core module exports __wasip2_exit_status (not part of the WIT world,
// so the component interface is unchanged and other hosts never see it);
// wasip2-run calls it when the program ended with err.  Both ways out record
// it through __wasip2_finish: _Exit below and crt1's return from main.
#include <limits.h>
#include <stdlib.h>
#include "wasip2_fd.h"

#define MAX_HOOKS 16
static void (*hooks[MAX_HOOKS])(void);
static int nhooks;

// INT_MIN, not -1, says "not recorded": exit(-1) is common and means 255.
// (A program that really exits with INT_MIN gets 1 either way: its low byte
// is 0, and the runner reports a non-zero status with a zero low byte as 1.)
static int exit_status = INT_MIN;

__attribute__((export_name("__wasip2_exit_status")))
int __wasip2_exit_status(void) {
  return exit_status;
}

void __wasip2_on_exit(void (*fn)(void)) {
  if (nhooks < MAX_HOOKS) hooks[nhooks++] = fn;
}

static void release_all(void) {
  __wasip2_fd_close_all();
  while (nhooks > 0) hooks[--nhooks]();
}

// The last step of every way out: record the status, release everything,
// and give the is-err flag the host's ok/err result gets.
int __wasip2_finish(int status) {
  exit_status = status;
  release_all();
  return status != 0;
}

_Noreturn void _Exit(int status) {
  wasip2_result_void_void_t r = { .is_err = __wasip2_finish(status) };
  wasi_cli_exit_exit(&r);
  __builtin_unreachable();
}
