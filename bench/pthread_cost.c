// The -pthread cost program of docs/compatibility.md ("Measured"): qsort of
// 10^6 ints, then 10^6 snprintf, each inside a mutex lock/unlock with -DLOCK.
// Build it with and without -pthread; stderr has the two phases' times.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static double now(void){struct timespec t; clock_gettime(CLOCK_MONOTONIC,&t); return t.tv_sec+t.tv_nsec/1e9;}
static int cmp(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int main(void) {
  enum { N = 1000000 };
  int *v = malloc(N * sizeof *v);
  unsigned s = 1;
  for (int i = 0; i < N; i++) v[i] = (int)(s = s * 1103515245u + 12345u);
  double t0 = now();
  qsort(v, N, sizeof *v, cmp);
  double t1 = now();
  char buf[64];
  unsigned long long total = 0;
  for (int i = 0; i < N; i++) {
#ifdef LOCK
    pthread_mutex_lock(&m);
#endif
    total += (unsigned)snprintf(buf, sizeof buf, "%d %x", v[i], i);
#ifdef LOCK
    pthread_mutex_unlock(&m);
#endif
  }
  double t2 = now();
  printf("%llu %d\n", total, v[N / 2]);
  fprintf(stderr, "qsort %.3f loop %.3f\n", t1 - t0, t2 - t1);
  free(v);
  return 0;
}
