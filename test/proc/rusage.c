// struct rusage has Linux's sixteen fields (and upstream wasi-libc's
// wasm32-wasip2 layout: 152 bytes, musl's reserved tail); getrusage fills
// the times from the clock and ru_maxrss from the memory size (kilobytes,
// as Linux), zeros the counters WASI has no source for; wait3/wait4 fail
// with ECHILD (there are no children) and leave the struct alone.
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "check.h"

int main(void) {
  _Static_assert(sizeof(struct rusage) == 152, "rusage size");
  _Static_assert(offsetof(struct rusage, ru_stime) == 16, "ru_stime");
  _Static_assert(offsetof(struct rusage, ru_maxrss) == 32, "ru_maxrss");
  _Static_assert(offsetof(struct rusage, ru_nivcsw) == 32 + 13 * sizeof(long), "ru_nivcsw");

  // burn some time so that ru_utime is visibly positive
  volatile unsigned long x = 0;
  for (unsigned long i = 0; i < 20000000; i++) x += i;
  void *big = malloc(4 << 20);
  REQUIRE(big != NULL);
  memset(big, 1, 4 << 20);
  printf("touched %d\n", ((volatile char *)big)[12345]);

  struct rusage ru;
  memset(&ru, 0x55, sizeof ru);
  REQUIRE(getrusage(RUSAGE_SELF, &ru) == 0);
  printf("utime %lld.%06ld stime %lld.%06ld maxrss %ld KiB\n", (long long)ru.ru_utime.tv_sec,
         (long)ru.ru_utime.tv_usec, (long long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec, ru.ru_maxrss);
  REQUIRE(ru.ru_utime.tv_sec > 0 || ru.ru_utime.tv_usec > 0);
  REQUIRE(ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000);
  REQUIRE(ru.ru_maxrss >= 4096); // at least the 4 MiB just touched
  REQUIRE(ru.ru_ixrss == 0 && ru.ru_idrss == 0 && ru.ru_isrss == 0 && ru.ru_minflt == 0 && ru.ru_majflt == 0);
  REQUIRE(ru.ru_nswap == 0 && ru.ru_inblock == 0 && ru.ru_oublock == 0 && ru.ru_msgsnd == 0 && ru.ru_msgrcv == 0);
  REQUIRE(ru.ru_nsignals == 0 && ru.ru_nvcsw == 0 && ru.ru_nivcsw == 0);
  long prev = ru.ru_maxrss;
  // the peak does not go down after free
  free(big);
  REQUIRE(getrusage(RUSAGE_SELF, &ru) == 0 && ru.ru_maxrss >= prev);

  memset(&ru, 0x55, sizeof ru);
  REQUIRE(getrusage(RUSAGE_CHILDREN, &ru) == 0);
  REQUIRE(ru.ru_utime.tv_sec == 0 && ru.ru_utime.tv_usec == 0 && ru.ru_maxrss == 0 && ru.ru_nivcsw == 0);

  errno = 0;
  REQUIRE(getrusage(12345, &ru) == -1 && errno == EINVAL);

  memset(&ru, 0x55, sizeof ru);
  int st = 7;
  errno = 0;
  REQUIRE(wait3(&st, WNOHANG, &ru) == -1 && errno == ECHILD && st == 7);
  errno = 0;
  REQUIRE(wait4(-1, &st, 0, &ru) == -1 && errno == ECHILD && ru.ru_maxrss == 0x55555555L);
  puts("rusage ok");
  return CHECK_DONE();
}
