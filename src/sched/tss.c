// C11 thread-specific storage (<threads.h> tss_*) over pthread keys: the
// destructors run when a thread exits (thrd_exit, or returning from its
// start function).
#include <pthread.h>
#include <threads.h>

int tss_create(tss_t *key, tss_dtor_t dtor) {
  pthread_key_t k;
  if (pthread_key_create(&k, dtor)) return thrd_error;
  *key = k;
  return thrd_success;
}

void tss_delete(tss_t key) { pthread_key_delete(key); }

int tss_set(tss_t key, void *value) {
  return pthread_setspecific(key, value) ? thrd_error : thrd_success;
}

void *tss_get(tss_t key) { return pthread_getspecific(key); }
