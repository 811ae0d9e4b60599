// C11 thread-specific storage for one thread: a small table of keys with
// their value and destructor.  Destructors run from thrd_exit (thrd.c), up
// to TSS_DTOR_ITERATIONS rounds while values remain, as C11 describes;
// exit() and returning from main do not run them (C11/POSIX).
#include <stdlib.h>
#include <threads.h>

#define KEYS 128

static struct { int used; void *val; tss_dtor_t dtor; } keys[KEYS];

int tss_create(tss_t *key, tss_dtor_t dtor) {
  for (unsigned i = 0; i < KEYS; i++)
    if (!keys[i].used) {
      keys[i].used = 1;
      keys[i].val = NULL;
      keys[i].dtor = dtor;
      *key = i;
      return thrd_success;
    }
  return thrd_error;
}

void tss_delete(tss_t key) {
  if (key < KEYS) keys[key].used = 0;
}

int tss_set(tss_t key, void *val) {
  if (key >= KEYS || !keys[key].used) return thrd_error;
  keys[key].val = val;
  return thrd_success;
}

void *tss_get(tss_t key) {
  return key < KEYS && keys[key].used ? keys[key].val : NULL;
}

void __wasip2_tss_run_dtors(void) {
  for (int round = 0; round < TSS_DTOR_ITERATIONS; round++) {
    int any = 0;
    for (unsigned i = 0; i < KEYS; i++) {
      void *v = keys[i].val;
      if (keys[i].used && keys[i].dtor && v) {
        keys[i].val = NULL;
        keys[i].dtor(v);
        any = 1;
      }
    }
    if (!any) return;
  }
}
