#include <stdio.h>
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#ifdef HAVE_CLOCK_GETTIME
#include <time.h>
#endif

int main(int argc, char **argv) {
  long long secs = -1;
#ifdef HAVE_CLOCK_GETTIME
  // Picked by configure's link probe, so this line exists only where the library has it.
  struct timespec ts;
  if (clock_gettime(CLOCK_REALTIME, &ts) == 0) secs = ts.tv_sec;
#endif
  printf("hello, %s, from %s (time %s)\n", argc > 1 ? argv[1] : "world", HOST_TRIPLE, secs > 0 ? "known" : "unknown");
  return 0;
}
