// Signal-set operations.  Only signals 1..64 exist; the rest of musl's
// 1024-bit sigset_t is kept zero so sets compare equal with memcmp.
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include "wasip2_signal.h"

static int bad(int sig) {
  if (sig <= 0 || sig >= _NSIG) {
    errno = EINVAL;
    return 1;
  }
  return 0;
}

uint64_t __wasip2_sigset_bits(const sigset_t *set) {
  uint64_t b = 0;
  memcpy(&b, set->__bits, sizeof b);
  return b;
}

void __wasip2_sigset_from_bits(sigset_t *set, uint64_t bits) {
  memset(set, 0, sizeof *set);
  memcpy(set->__bits, &bits, sizeof bits);
}

int sigemptyset(sigset_t *set) {
  __wasip2_sigset_from_bits(set, 0);
  return 0;
}

int sigfillset(sigset_t *set) {
  __wasip2_sigset_from_bits(set, ~(uint64_t)0);
  return 0;
}

int sigaddset(sigset_t *set, int sig) {
  if (bad(sig)) return -1;
  __wasip2_sigset_from_bits(set, __wasip2_sigset_bits(set) | WASIP2_SIGBIT(sig));
  return 0;
}

int sigdelset(sigset_t *set, int sig) {
  if (bad(sig)) return -1;
  __wasip2_sigset_from_bits(set, __wasip2_sigset_bits(set) & ~WASIP2_SIGBIT(sig));
  return 0;
}

int sigismember(const sigset_t *set, int sig) {
  if (bad(sig)) return -1;
  return (__wasip2_sigset_bits(set) & WASIP2_SIGBIT(sig)) != 0;
}

int sigisemptyset(const sigset_t *set) {
  return __wasip2_sigset_bits(set) == 0;
}

int sigorset(sigset_t *dst, const sigset_t *l, const sigset_t *r) {
  __wasip2_sigset_from_bits(dst, __wasip2_sigset_bits(l) | __wasip2_sigset_bits(r));
  return 0;
}

int sigandset(sigset_t *dst, const sigset_t *l, const sigset_t *r) {
  __wasip2_sigset_from_bits(dst, __wasip2_sigset_bits(l) & __wasip2_sigset_bits(r));
  return 0;
}
