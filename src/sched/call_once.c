// call_once (<threads.h>): with one thread a flag suffices.  Debian declares
// it but its single-threaded libc.a has no definition (gnulib's setlocale
// lock in diffutils failed to link).  The flag is set before the call, so a
// function that re-enters call_once on its own flag does not recurse forever.
#include <threads.h>

void call_once(once_flag *flag, void (*func)(void)) {
  if (*flag) return;
  *flag = 1;
  func();
}
