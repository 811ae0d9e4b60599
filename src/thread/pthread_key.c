// Thread-specific data.  The key table (which keys exist, their
// destructors) is process-wide; the values live in each thread's struct.
// Destructors run when a thread exits through pthread_exit (for the one
// thread: the process then exits), up to PTHREAD_DESTRUCTOR_ITERATIONS
// rounds while destructors store new values; plain exit() does not run
// them, as on Linux.
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include "wasip2_thread.h"

static void (*dtors[PTHREAD_KEYS_MAX])(void *);
static unsigned char used[PTHREAD_KEYS_MAX];

int pthread_key_create(pthread_key_t *key, void (*dtor)(void *)) {
  for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
    if (used[k]) continue;
    used[k] = 1;
    dtors[k] = dtor;
    __wasip2_self()->tsd[k] = 0;  // every thread starts a new key at NULL
    *key = k;
    return 0;
  }
  return EAGAIN;
}

int pthread_key_delete(pthread_key_t key) {
  if (key >= PTHREAD_KEYS_MAX || !used[key]) return EINVAL;
  used[key] = 0;
  dtors[key] = 0;
  __wasip2_self()->tsd[key] = 0;
  return 0;
}

void *pthread_getspecific(pthread_key_t key) {
  if (key >= PTHREAD_KEYS_MAX || !used[key]) return 0;
  return __wasip2_self()->tsd[key];
}

int pthread_setspecific(pthread_key_t key, const void *value) {
  if (key >= PTHREAD_KEYS_MAX || !used[key]) return EINVAL;
  __wasip2_self()->tsd[key] = (void *)value;
  return 0;
}

void __wasip2_thread_run_dtors(void) {
  struct __pthread *self = __wasip2_self();
  for (int round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
    int ran = 0;
    for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
      void *v = self->tsd[k];
      if (!used[k] || !v || !dtors[k]) continue;
      self->tsd[k] = 0;
      dtors[k](v);
      ran = 1;
    }
    if (!ran) break;
  }
}
