// Process CPU time.  WASI has no CPU clock; the nearest honest answer is
// the monotonic time since the program started (it also counts time spent
// blocked, so it over-reports: documented).  Children never exist: zero.
// getrusage's ru_maxrss is the linear memory's size (it never shrinks, so it
// is the peak); the other counters (faults, swaps, block I/O, messages,
// signals, context switches) have no WASI source and stay zero.
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <time.h>
#include "wasip2_bindings.h"

static uint64_t start_ns;

__attribute__((constructor(101))) static void note_start(void) {
  start_ns = wasi_clocks_monotonic_clock_now();
}

static uint64_t elapsed_ns(void) {
  return wasi_clocks_monotonic_clock_now() - start_ns;
}

clock_t clock(void) {
  return (clock_t)(elapsed_ns() / (1000000000u / CLOCKS_PER_SEC));
}

// sysconf(_SC_CLK_TCK) in the top half answers 100.
#define TICKS 100

// times() returns real time in ticks since an arbitrary point in the past
// (Linux: around boot).  Ours counts from the host monotonic clock's own
// origin, plus one tick, so even a host whose clock starts at 0 with the
// program never answers 0 (-1 is the error value; programs take either at
// start for a broken clock).  The tms fields are the process time clock()
// reports, so the two agree.  One host call.
clock_t times(struct tms *t) {
  uint64_t now = wasi_clocks_monotonic_clock_now();
  if (t) {
    t->tms_utime = (clock_t)((now - start_ns) / (1000000000u / TICKS));
    t->tms_stime = 0;
    t->tms_cutime = 0;
    t->tms_cstime = 0;
  }
  return (clock_t)(now / (1000000000u / TICKS)) + 1;
}

int getrusage(int who, struct rusage *ru) {
  if (!ru) {
    errno = EFAULT;
    return -1;
  }
  if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN) {
    errno = EINVAL;
    return -1;
  }
  memset(ru, 0, sizeof *ru);
  if (who == RUSAGE_SELF) {
    uint64_t ns = elapsed_ns();
    ru->ru_utime.tv_sec = (time_t)(ns / 1000000000u);
    ru->ru_utime.tv_usec = (suseconds_t)(ns % 1000000000u / 1000u);
    // kilobytes, as Linux
    ru->ru_maxrss = (long)(__builtin_wasm_memory_size(0) * 64);
  }
  return 0;
}
