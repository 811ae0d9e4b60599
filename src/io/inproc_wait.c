// The blocking wait of in-process objects (pipes, eventfds, socketpairs):
// nothing but a signal handler can fill or drain them while the program
// blocks on one, and the only signal source is the alarm.  So the wait
// sleeps until the alarm's handler has run, then fails with EINTR; with no
// alarm armed it blocks for good, as Linux would.
#include <errno.h>
#include <unistd.h>
#include "wasip2_fd.h"

void __wasip2_sig_wait_alarm(void) __attribute__((weak));
int __wasip2_signal_safepoint(void) __attribute__((weak));

int __wasip2_inproc_wait(void) {
  if (__wasip2_sig_wait_alarm) __wasip2_sig_wait_alarm();
  else for (;;) pause();
  if (__wasip2_signal_safepoint) __wasip2_signal_safepoint();
  errno = EINTR;
  return -1;
}
