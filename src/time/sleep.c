// sleep(3), replacing Debian's sleep.o (see tools/replaced-members.txt),
// which returned the whole request when interrupted; POSIX wants the
// unslept seconds.  Rounded up, so an interrupted sleep never reports 0.
#include <time.h>
#include <unistd.h>

unsigned sleep(unsigned seconds) {
  struct timespec req = {(time_t)seconds, 0}, rem = {0, 0};
  if (clock_nanosleep(CLOCK_REALTIME, 0, &req, &rem) == 0) return 0;
  return (unsigned)rem.tv_sec + (rem.tv_nsec > 0);
}
