// sched_yield(2): a component has one thread; there is nothing to yield to.
#include <sched.h>

int sched_yield(void) {
  return 0;
}
