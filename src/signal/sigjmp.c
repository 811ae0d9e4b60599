// sigsetjmp/siglongjmp's mask half (the jump itself is setjmp/longjmp,
// see <setjmp.h>): remember the mask when asked, put it back on the jump.
#define __WASIP2_SETJMP_NO_CHECK
#include <setjmp.h>
#include <string.h>
#include "wasip2_signal.h"

void __wasip2_sigjmp_save(sigjmp_buf env, int savemask) {
  env->__fl = savemask != 0;
  if (savemask) memcpy(env->__ss, &__wasip2_sig_blocked, sizeof __wasip2_sig_blocked);
}

void __wasip2_sigjmp_restore(sigjmp_buf env) {
  if (!env->__fl) return;
  memcpy(&__wasip2_sig_blocked, env->__ss, sizeof __wasip2_sig_blocked);
  // Signals left pending under the handler's mask are due now.
  __wasip2_sig_flush(NULL);
}
