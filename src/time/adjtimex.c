// adjtimex, clock_adjtime: the clock belongs to the host.  A query
// (modes 0) reports the time and an unsynchronised clock, as Linux answers
// an unprivileged caller; any adjustment is EPERM, as there.  Only
// CLOCK_REALTIME can be adjusted on Linux: other clocks are EINVAL.
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <time.h>

int clock_adjtime(clockid_t clk, struct timex *tx) {
  if (!tx) {
    errno = EFAULT;
    return -1;
  }
  if (clk != CLOCK_REALTIME) {
    errno = EINVAL;
    return -1;
  }
  if (tx->modes & ~(unsigned)ADJ_OFFSET_SS_READ) {
    errno = EPERM;
    return -1;
  }
  struct timespec now;
  if (clock_gettime(CLOCK_REALTIME, &now) < 0) return -1;
  unsigned modes = tx->modes;
  memset(tx, 0, sizeof *tx);
  tx->modes = modes;
  tx->status = STA_UNSYNC;
  tx->time.tv_sec = now.tv_sec;
  tx->time.tv_usec = (suseconds_t)(now.tv_nsec / 1000);
  tx->maxerror = 16000000;  // Linux's NTP_PHASE_LIMIT (us), "not synchronised"
  tx->esterror = 16000000;
  tx->precision = 1;
  tx->tick = 10000;
  return TIME_ERROR;        // Linux: the state of an unsynchronised clock
}

int adjtimex(struct timex *tx) {
  return clock_adjtime(CLOCK_REALTIME, tx);
}
