// Sending signals: only this process exists, so kill/killpg/sigqueue reach
// it when aimed at our pid, our process group (0, -pid) or "everyone" (-1);
// any other pid does not exist (ESRCH).  Signal 0 is the existence probe.
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>
#include "wasip2_signal.h"

static int send(pid_t pid, int sig, int code) {
  if (sig < 0 || sig >= _NSIG) {
    errno = EINVAL;
    return -1;
  }
  pid_t self = getpid();
  if (pid != self && pid != 0 && pid != -1 && pid != -self) {
    errno = ESRCH;
    return -1;
  }
  if (sig) __wasip2_sig_generate(sig, code);
  return 0;
}

// raise is pthread_kill(pthread_self()): with -pthread the signal is the
// calling thread's (src/thread/coop/signal.c), not the process's.
int raise(int sig) {
  if (sig <= 0 || sig >= _NSIG) {
    errno = EINVAL;
    return -1;
  }
  int e = pthread_kill(pthread_self(), sig);
  if (e) {
    errno = e;
    return -1;
  }
  return 0;
}

int kill(pid_t pid, int sig) {
  return send(pid, sig, SI_USER);
}

int killpg(pid_t pgrp, int sig) {
  if (pgrp < 0) {
    errno = EINVAL;
    return -1;
  }
  return send(pgrp ? -pgrp : 0, sig, SI_USER);
}

int sigqueue(pid_t pid, int sig, union sigval value) {
  (void)value;  // handlers see si_code SI_QUEUE; the value is not queued
  return send(pid, sig, SI_QUEUE);
}
