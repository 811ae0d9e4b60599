// _exit: POSIX's name for _Exit (no atexit handlers, no stdio flush; the WASI
// resources are still released by _Exit).  Debian's top half defined it in
// _Exit.o, which we drop for its preview1 proc_exit, so programs calling
// _exit (gzip after a fatal signal or write error, gnulib's close-stdout,
// child branches after a failed fork) did not link.
#include <stdlib.h>
#include <unistd.h>

_Noreturn void _exit(int status) {
  _Exit(status);
}
