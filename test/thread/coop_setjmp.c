// -pthread with setjmp/longjmp (wasm exception handling, -lsetjmp): each of
// three threads sets a jump buffer of its own (thread-local), descends into
// a recursion that sleeps there (so the other threads run, and set theirs,
// before it jumps), then longjmps back out of it; main does the same around
// its joins.  Each thread must land in its own setjmp with its own value.
//! cflags: -pthread -O2 -mllvm -wasm-enable-sjlj -lsetjmp
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <unistd.h>
#include "check.h"

static __thread jmp_buf jb;
static __thread int mine;
static int landed[3];

static void descend(int n, int value) {
  if (n == 0) {
    usleep(20000);  // a switch point below setjmp's frame
    longjmp(jb, value);
  }
  descend(n - 1, value);
}

static void *worker(void *arg) {
  int id = (int)(long)arg;
  mine = id;
  int r = setjmp(jb);
  if (r == 0) {
    descend(3 + id, 70 + id);
    return (void *)-1L;  // not reached
  }
  usleep(5000);  // switch again after landing: the buffer and locals survive
  landed[id] = r;
  return (void *)(long)(r * 100 + mine);
}

int main(void) {
  pthread_t t[3];
  for (long i = 0; i < 3; i++) REQUIRE(pthread_create(&t[i], 0, worker, (void *)i) == 0);
  volatile int joined = 0;
  int r = setjmp(jb);
  if (r == 0) {
    for (long i = 0; i < 3; i++) {
      void *v;
      CHECK(pthread_join(t[i], &v) == 0);
      CHECK((long)v == (70 + i) * 100 + i, "thread %ld returned %ld", i, (long)v);
      joined++;
    }
    descend(2, 5);  // main's own jump, after sleeping among no other threads
  }
  CHECK(r == 5, "main landed with %d", r);
  CHECK(joined == 3);
  for (int i = 0; i < 3; i++) CHECK(landed[i] == 70 + i, "thread %d landed with %d", i, landed[i]);
  OK(1, "three threads and main each longjmp back to their own setjmp across switches");
  return CHECK_DONE();
}
