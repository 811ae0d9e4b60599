// -pthread: thread-locals (__thread, _Thread_local) are per thread; errno is
// per thread; detached threads run to completion and are reaped; keys'
// destructors run at thread exit.
//! cflags: -pthread -O2
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include "check.h"

static __thread int tls_a = 7;
static _Thread_local char tls_buf[64];
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int finished, dtor_ran;
static pthread_key_t key;

static void dtor(void *v) { dtor_ran += (int)(intptr_t)v; }

static void *worker(void *arg) {
  int id = (int)(intptr_t)arg;
  CHECK(tls_a == 7);      // each thread starts from the initial value
  CHECK(tls_buf[0] == 0); // and zeroed .tbss
  tls_a = id;
  tls_buf[0] = (char)('a' + id);
  errno = 1000 + id;
  pthread_setspecific(key, (void *)(intptr_t)id);
  for (int i = 0; i < 5; i++) {
    sched_yield();
    CHECK(tls_a == id);
    CHECK(tls_buf[0] == 'a' + id);
    CHECK(errno == 1000 + id);
    CHECK((intptr_t)pthread_getspecific(key) == id);
  }
  pthread_mutex_lock(&m);
  finished++;
  pthread_cond_signal(&c);
  pthread_mutex_unlock(&m);
  return 0;
}

int main(void) {
  CHECK(pthread_key_create(&key, dtor) == 0);
  tls_a = 99;
  errno = 5;
  pthread_attr_t a;
  pthread_attr_init(&a);
  CHECK(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED) == 0);
  CHECK(pthread_attr_setstacksize(&a, 65536) == 0);
  for (int i = 1; i <= 3; i++) {
    pthread_t t;
    CHECK(pthread_create(&t, &a, worker, (void *)(intptr_t)i) == 0);
  }
  for (int i = 4; i <= 6; i++) {
    pthread_t t;
    CHECK(pthread_create(&t, 0, worker, (void *)(intptr_t)i) == 0);
    CHECK(pthread_detach(t) == 0);
    CHECK(pthread_join(t, 0) == EINVAL);  // detached: not joinable
  }
  pthread_mutex_lock(&m);
  while (finished < 6) pthread_cond_wait(&c, &m);
  pthread_mutex_unlock(&m);
  sched_yield();  // let the last ones leave
  int e = errno;  // before printf, which may set it
  printf("finished %d, main tls %d, errno %d, dtor sum %d\n", finished, tls_a, e, dtor_ran);
  CHECK(tls_a == 99);
  CHECK(e == 5);
  CHECK(dtor_ran == 1 + 2 + 3 + 4 + 5 + 6);
  printf("ok\n");
  return CHECK_DONE();
}
