/* bench_util.h: helpers shared by the benchmark programs.
 *
 * Every program here is compiled twice from the same source, once with gcc for the
 * native baseline and once with the wasip2 toolchain, so only portable POSIX is used.
 * Programs time their own work loop with CLOCK_MONOTONIC and print `elapsed_ns=N`:
 * the driver (bench/run.mjs) then compares the loops alone, without process startup
 * (which is measured separately, by the hello-world startup row). */
#ifndef BENCH_UTIL_H
#define BENCH_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline uint64_t bench_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Parse a non-negative count; die with the usage text on garbage so a typo in the
 * driver shows up as a failed run rather than as a silently wrong figure. */
static inline long long bench_count(const char *s, const char *usage) {
  char *end;
  long long v = strtoll(s, &end, 10);
  if (*s == '\0' || *end != '\0' || v < 0) {
    fprintf(stderr, "%s\n", usage);
    exit(2);
  }
  return v;
}

static inline void bench_report(const char *what, long long ops, uint64_t t0) {
  uint64_t dt = bench_now_ns() - t0;
  printf("%s ops=%lld elapsed_ns=%llu\n", what, ops, (unsigned long long)dt);
}

/* Peak memory of this process, for the concurrency row.  A wasm instance's linear
 * memory only grows, so its current size is its peak; natively the closest figure is
 * the maximum resident set size (a different quantity: printed under another name). */
#ifdef __wasm__
static inline void bench_report_memory(void) {
  printf("peak_linear_memory_bytes=%llu\n",
         (unsigned long long)__builtin_wasm_memory_size(0) * 65536ull);
}
#else
#include <string.h>
#include <sys/resource.h>
/* VmHWM (Linux) is this program's own peak RSS; getrusage's ru_maxrss can carry the
 * peak of the process that forked us (here: Node), so it is only the fallback. */
static inline void bench_report_memory(void) {
  unsigned long long kb = 0;
  FILE *f = fopen("/proc/self/status", "r");
  if (f) {
    char line[256];
    while (fgets(line, sizeof line, f))
      if (strncmp(line, "VmHWM:", 6) == 0) kb = strtoull(line + 6, NULL, 10);
    fclose(f);
  }
  if (!kb) {
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) == 0) kb = (unsigned long long)ru.ru_maxrss;
  }
  printf("native_max_rss_bytes=%llu\n", kb * 1024ull);
}
#endif

#endif
