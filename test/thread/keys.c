// Thread-specific data, pthread_once, cleanup handlers and thread exit,
// compared line by line with the same program built by gcc on Linux
// (native_compare.test.mjs).  Mode (argv[1]):
//   pthread_exit  main leaves through pthread_exit: cleanup handlers run
//                 innermost first, then key destructors (again while they
//                 store new values, up to PTHREAD_DESTRUCTOR_ITERATIONS
//                 rounds), then atexit handlers; status 0
//   exit          exit(3): atexit handlers only, no destructors (as Linux)
//   return        return 4 from main: likewise
//   cancel        pthread_cancel(self) acted on by pthread_testcancel:
//                 cleanup handlers, destructors, status 0
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

static pthread_key_t k1, k2, k3;
static int rounds;

static void dtor1(void *v) { printf("dtor1(%s)\n", (char *)v); }
static void dtor2(void *v) {
  // stores a new value every time: destructors go round again, bounded
  printf("dtor2(%s) round %d\n", (char *)v, ++rounds);
  pthread_setspecific(k2, "again");
}
static void at_exit(void) { printf("atexit handler, %d dtor2 rounds\n", rounds); fflush(stdout); }
static void cleanup(void *arg) { printf("cleanup %s\n", (char *)arg); }

static int once_runs;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void init_once(void) { once_runs++; }

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "pthread_exit";
  setvbuf(stdout, NULL, _IOLBF, 0);
  atexit(at_exit);

  for (int i = 0; i < 3; i++) pthread_once(&once, init_once);
  printf("pthread_once ran the routine %d time(s)\n", once_runs);

  int c1 = pthread_key_create(&k1, dtor1);
  int c2 = pthread_key_create(&k2, dtor2);
  int c3 = pthread_key_create(&k3, NULL);
  printf("key_create: %d %d %d\n", c1, c2, c3);
  printf("distinct keys: %d\n", k1 != k2 && k2 != k3 && k1 != k3);
  printf("new key reads NULL: %d\n", pthread_getspecific(k1) == NULL);
  pthread_setspecific(k1, "one");
  pthread_setspecific(k2, "two");
  pthread_setspecific(k3, "three");
  printf("values: %s %s %s\n", (char *)pthread_getspecific(k1), (char *)pthread_getspecific(k2),
         (char *)pthread_getspecific(k3));

  // a deleted key's slot, reused, starts at NULL again
  pthread_key_t tmp, again;
  pthread_key_create(&tmp, dtor1);
  pthread_setspecific(tmp, "deleted");
  printf("key_delete: %d\n", pthread_key_delete(tmp));
  pthread_key_create(&again, dtor1);
  printf("recreated key reads NULL: %d\n", pthread_getspecific(again) == NULL);
  pthread_key_delete(again);

  // how many keys can exist at once
  pthread_key_t many[PTHREAD_KEYS_MAX + 8];
  int n = 0, r = 0;
  while (n < PTHREAD_KEYS_MAX + 8 && (r = pthread_key_create(&many[n], NULL)) == 0) n++;
  printf("keys until failure: %s, at least _POSIX_THREAD_KEYS_MAX: %d\n", r == EAGAIN ? "EAGAIN" : "other",
         n + 3 >= _POSIX_THREAD_KEYS_MAX);
  while (n--) pthread_key_delete(many[n]);

  // cleanup handlers: pop(0) removes without running, pop(1) runs
  pthread_cleanup_push(cleanup, "popped-and-run");
  pthread_cleanup_push(cleanup, "popped-not-run");
  pthread_cleanup_pop(0);
  pthread_cleanup_pop(1);

  pthread_cleanup_push(cleanup, "outer");
  pthread_cleanup_push(cleanup, "inner");
  printf("leaving by %s\n", mode);
  if (!strcmp(mode, "exit")) exit(3);
  if (!strcmp(mode, "return")) return 4;
  if (!strcmp(mode, "cancel")) {
    pthread_cancel(pthread_self());
    printf("cancel pending, not acted on yet\n");
    pthread_testcancel();
    printf("not reached\n");
  }
  pthread_exit(NULL);
  pthread_cleanup_pop(0);
  pthread_cleanup_pop(0);
  return 5;
}
