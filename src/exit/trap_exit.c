// __wasip2_trap_exit: the end of abort() and of a fatal sanitizer report.
// Where _Exit leaves through wasi:cli/exit, this records the status the
// same way (wasip2-run reads it from __wasip2_exit_status and exits with
// it) and then traps: the trap unwinds with the program's call stack, which
// the host prints as a backtrace (wasip2-run's tools/lib/backtrace.mjs,
// wasmtime's own).  A host that cannot read the status reports a trap.
#include "wasip2_runtime.h"

_Noreturn void __wasip2_trap_exit(int status) {
  __wasip2_finish(status);
  __builtin_trap();
}
