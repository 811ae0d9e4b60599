// sched_yield in a -pthread build: every other runnable thread runs first.
// (libc.a's src/sched/sched_yield.c, for one thread, only returns.)
#include <sched.h>
#include "wasip2_thread.h"

int sched_yield(void) {
  __wasip2_thread_yield();
  return 0;
}
