// -pthread: thread stacks are big enough for deep recursion.  A thread made
// with default attributes recurses 1,500 levels of a 400-byte frame (about
// 600 KiB: musl's old 128 KiB default overwrote the heap next to the stack,
// and the program died later of something else); one given 4 MiB by
// pthread_attr_setstacksize recurses 6,000 levels (2.4 MiB); a thread on a
// stack of its own (pthread_attr_setstack) runs on it.  Heap blocks
// allocated around the stacks keep their contents.  Compared with Linux
// (8 MiB default).  The overflow itself: test/thread/stack_overflow.test.mjs.
//! cflags: -pthread -O2
// oracle: linux
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

static volatile int sink;
static int rec(int n);
// Through a volatile pointer: the compiler cannot turn the recursion into a loop.
static int (*volatile again)(int) = rec;
// One level: a 400-byte frame that is really written.
static int rec(int n) {
  char buf[400];
  memset(buf, n & 0x7f, sizeof buf);
  sink += buf[n % 400];
  return n ? again(n - 1) + buf[7] : 0;
}

static void *deep(void *arg) {
  int n = (int)(long)arg;
  return (void *)(long)rec(n);
}

static char *stack_seen;
static void *where(void *arg) {
  char here;
  stack_seen = &here;
  rec(100);
  return arg;
}

int main(void) {
  char *before = malloc(256);
  REQUIRE(before);
  memset(before, 'b', 256);
  pthread_t t;
  void *res = 0;

  pthread_attr_t a;
  size_t size = 0;
  REQUIRE(pthread_attr_init(&a) == 0);
  OK(pthread_attr_getstacksize(&a, &size) == 0 && size >= 1024 * 1024, "default stack size is at least 1 MiB");
  REQUIRE(pthread_create(&t, 0, deep, (void *)1500L) == 0);
  char *after = malloc(256);
  REQUIRE(after);
  memset(after, 'a', 256);
  OK(pthread_join(t, &res) == 0, "default stack: 1,500 x 400-byte frames");
  int intact = 1;
  for (int i = 0; i < 256; i++) intact &= before[i] == 'b' && after[i] == 'a';
  OK(intact, "heap blocks around the thread's stack intact");

  REQUIRE(pthread_attr_setstacksize(&a, 4 * 1024 * 1024) == 0);
  REQUIRE(pthread_create(&t, &a, deep, (void *)6000L) == 0);
  OK(pthread_join(t, 0) == 0, "4 MiB stack: 6,000 frames");

  size_t own_size = 256 * 1024;
  char *own = malloc(own_size);
  REQUIRE(own);
  REQUIRE(pthread_attr_setstack(&a, own, own_size) == 0);
  REQUIRE(pthread_create(&t, &a, where, (void *)7L) == 0);
  OK(pthread_join(t, &res) == 0 && res == (void *)7L, "thread on a caller's stack ran");
  OK(stack_seen > own && stack_seen < own + own_size, "its locals lived on that stack");
  pthread_attr_destroy(&a);
  free(own);
  free(before);
  free(after);
  return CHECK_DONE();
}
