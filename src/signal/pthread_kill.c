// pthread_kill without -pthread: the calling thread is the only one, so a
// signal to it is raise's (the handler runs before the call returns); any
// other pthread_t names no thread.  The -pthread version is in
// src/thread/coop/signal.c.
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include "wasip2_signal.h"

int pthread_kill(pthread_t t, int sig) {
  if (sig < 0 || sig >= _NSIG) return EINVAL;
  if (t != pthread_self()) return ESRCH;
  if (sig) __wasip2_sig_generate(sig, SI_TKILL);
  return 0;
}
