// setjmp/longjmp through wasm exception handling: 10,000 nested setjmp
// frames each resumed by longjmp, a longjmp that unwinds 10,000 frames,
// longjmp(env, 0) returning 1, and sigsetjmp/siglongjmp restoring the mask.
// (no cflags: the default options lower setjmp/longjmp)
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include "check.h"

static int nested(int n) {
  jmp_buf jb;
  volatile int mine = n;
  int r = setjmp(jb);
  if (r) return r == 7 && mine == n ? 7 : -1;
  if (n == 0) longjmp(jb, 7);
  int v = nested(n - 1);
  if (v != 7) return -1;
  longjmp(jb, 7);
}

static jmp_buf top;
static int depth_reached;
static void deep(int n) {
  if (n == 0) { depth_reached = 1; longjmp(top, 0); }
  deep(n - 1);
}

int main(void) {
  CHECK(nested(10000) == 7);
  printf("10000 nested setjmp frames resumed\n");
  int r = setjmp(top);
  if (r == 0) deep(10000);
  CHECK(r == 1 && depth_reached);
  printf("longjmp unwound 10000 frames; longjmp(env, 0) gave 1\n");

  sigjmp_buf sj;
  sigset_t s, cur;
  sigemptyset(&s);
  if (sigsetjmp(sj, 1) == 0) {
    sigaddset(&s, SIGUSR1);
    sigprocmask(SIG_BLOCK, &s, NULL);
    siglongjmp(sj, 1);
  }
  sigprocmask(SIG_BLOCK, NULL, &cur);
  CHECK(!sigismember(&cur, SIGUSR1));
  printf("siglongjmp restored the signal mask\n");
  return CHECK_DONE();
}
