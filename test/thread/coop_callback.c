// -pthread: threads that wait below a call through a function pointer.  The
// link instruments only what can reach a switch, resolving indirect calls by
// signature (tools/lib/threads.mjs), so these must still unwind and rewind
// correctly: a qsort comparator that yields and takes a contended mutex, a
// callback table of one signature where only some entries wait, and a
// printf through a custom stream (fopencookie) whose write function sleeps.
//! cflags: -pthread -O2
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "check.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static volatile int ticks, stop;

static void *ticker(void *arg) {
  (void)arg;
  while (!stop) {
    pthread_mutex_lock(&m);
    ticks++;
    sched_yield();  // holds m across a switch: the comparator must wait for it
    pthread_mutex_unlock(&m);
    sched_yield();
  }
  return 0;
}

static int cmp_waiting(const void *a, const void *b) {
  sched_yield();  // the ticker runs, and may be holding m when we lock it
  pthread_mutex_lock(&m);
  pthread_mutex_unlock(&m);
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int plain_cb(int v) { return v + 1; }
static int waiting_cb(int v) {
  struct timespec ts = {0, 1000000};
  nanosleep(&ts, 0);
  return v + 2;
}
static int (*const table[])(int) = {plain_cb, waiting_cb};
static int call_through(int i, int v) { return table[i & 1](v); }

static ssize_t slow_write(void *c, const char *buf, size_t n) {
  sched_yield();
  strncat((char *)c, buf, n);
  return (ssize_t)n;
}

int main(void) {
  pthread_t t;
  REQUIRE(pthread_create(&t, 0, ticker, 0) == 0);

  int v[200];
  for (int i = 0; i < 200; i++) v[i] = (i * 7919) % 200;
  int before = ticks;
  qsort(v, 200, sizeof *v, cmp_waiting);
  int sorted = 1;
  for (int i = 0; i < 200; i++) sorted &= v[i] == i;
  OK(sorted, "qsort with a comparator that waits for a contended mutex sorts");
  OK(ticks > before, "and the other thread ran meanwhile");

  int sum = 0;
  before = ticks;
  for (int i = 0; i < 20; i++) sum += call_through(i, i);
  OK(sum == 190 + 10 * 1 + 10 * 2, "callbacks of one signature, some sleeping, return right");
  OK(ticks > before, "the other thread ran during the sleeping callbacks");

  char out[64] = "";
  cookie_io_functions_t io = {0, slow_write, 0, 0};
  FILE *f = fopencookie(out, "w", io);
  REQUIRE(f);
  setvbuf(f, 0, _IONBF, 0);
  before = ticks;
  fprintf(f, "%d-%s-%x", 42, "x", 255);
  fclose(f);
  OK(strcmp(out, "42-x-ff") == 0, "fprintf through a stream whose write yields");
  OK(ticks > before, "the other thread ran inside fprintf");

  stop = 1;
  pthread_join(t, 0);
  return CHECK_DONE();
}
