// Where errno lives, for objects built with -pthread (include/errno.h):
// they cannot name the plain global as the thread_local it is declared.
#undef __wasm_atomics__
#include <errno.h>
#include "wasip2_runtime.h"

int *__wasip2_errno_location(void) { return &errno; }
