// pthread_exit and the cleanup-handler stack.  The calling thread is the
// last one, so its exit ends the process with status 0 after its cleanup
// handlers and key destructors ran (as on Linux: exit(0), so atexit
// handlers run and stdio is flushed).  Plain exit() and returning from main
// do not run key destructors, on Linux neither.
#include <pthread.h>
#include <stdlib.h>
#include "wasip2_thread.h"

_Noreturn void pthread_exit(void *result) {
  struct __pthread *self = __wasip2_self();
  // A cleanup handler or destructor that calls pthread_exit again, or that
  // is a cancellation point, must not restart the sequence.
  self->cancel_disable = 1;
  self->result = result;
  while (self->cancelbuf) {
    struct __ptcb *cb = self->cancelbuf;
    self->cancelbuf = cb->__next;
    cb->__f(cb->__x);
  }
  __wasip2_thread_run_dtors();
#ifdef WASIP2_COOP
  // Others may still run; the last thread to finish ends the process with
  // status 0 (src/thread/coop/sched.c).
  __wasip2_thread_finish();
#else
  exit(0);
#endif
}

void _pthread_cleanup_push(struct __ptcb *cb, void (*f)(void *), void *x) {
  struct __pthread *self = __wasip2_self();
  cb->__f = f;
  cb->__x = x;
  cb->__next = self->cancelbuf;
  self->cancelbuf = cb;
}

void _pthread_cleanup_pop(struct __ptcb *cb, int run) {
  __wasip2_self()->cancelbuf = cb->__next;
  if (run) cb->__f(cb->__x);
}
