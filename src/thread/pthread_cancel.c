// Cancellation.  Only the calling thread exists, so only it can be
// cancelled: the request stays pending until a cancellation point
// (pthread_testcancel, pthread_cond_wait/timedwait, pthread_join) or acts at
// once in asynchronous mode; acting means pthread_exit(PTHREAD_CANCELED).
// Our blocking I/O calls are not cancellation points.
#include <errno.h>
#include <pthread.h>
#include "wasip2_thread.h"

void __wasip2_thread_testcancel(void) {
  struct __pthread *self = __wasip2_self();
  if (self->cancel_pending && !self->cancel_disable) {
    self->cancel_pending = 0;
    pthread_exit(PTHREAD_CANCELED);
  }
}

void pthread_testcancel(void) { __wasip2_thread_testcancel(); }

int pthread_cancel(pthread_t t) {
  if (!__wasip2_thread_valid(t)) return ESRCH;
  t->cancel_pending = 1;
  if (t->cancel_async) __wasip2_thread_testcancel();
  return 0;
}

int pthread_setcancelstate(int state, int *old) {
  struct __pthread *self = __wasip2_self();
  if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE) return EINVAL;
  if (old) *old = self->cancel_disable;
  self->cancel_disable = state;
  if (self->cancel_async) __wasip2_thread_testcancel();
  return 0;
}

int pthread_setcanceltype(int type, int *old) {
  struct __pthread *self = __wasip2_self();
  if (type != PTHREAD_CANCEL_DEFERRED && type != PTHREAD_CANCEL_ASYNCHRONOUS) return EINVAL;
  if (old) *old = self->cancel_async;
  self->cancel_async = type;
  if (type == PTHREAD_CANCEL_ASYNCHRONOUS) __wasip2_thread_testcancel();
  return 0;
}
