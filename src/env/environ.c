// The environment, read from wasi:cli/environment on first use (getenv and
// friends call __wasilibc_ensure_environ), so a program that never looks at
// it costs no host call.
#include <stdlib.h>
#include <string.h>
#include <wasi/libc-environ.h>
#include "wasip2_runtime.h"
#include "wasip2_top.h"

char **__wasilibc_environ __attribute__((weak)) = (char **)-1;

void __wasilibc_initialize_environ(void) {
  wasip2_list_tuple2_string_string_t env;
  wasi_cli_environment_get_environment(&env);
  char **list = malloc((env.len + 1) * sizeof *list);
  if (!list) abort();
  for (size_t i = 0; i < env.len; i++) {
    wasip2_string_t k = env.ptr[i].f0, v = env.ptr[i].f1;
    char *s = malloc(k.len + v.len + 2);
    if (!s) abort();
    memcpy(s, k.ptr, k.len);
    s[k.len] = '=';
    memcpy(s + k.len + 1, v.ptr, v.len);
    s[k.len + 1 + v.len] = 0;
    list[i] = s;
    if (k.len) free(k.ptr);
    if (v.len) free(v.ptr);
  }
  list[env.len] = NULL;
  if (env.len) free(env.ptr);
  __wasilibc_environ = list;
}

void __wasilibc_ensure_environ(void) {
  if (__wasilibc_environ == (char **)-1) __wasilibc_initialize_environ();
}

void __wasilibc_deinitialize_environ(void) {
  if (__wasilibc_environ != (char **)-1) {
    // the strings may have been replaced by putenv; only the array is ours
    free(__wasilibc_environ);
    __wasilibc_environ = (char **)-1;
  }
}
