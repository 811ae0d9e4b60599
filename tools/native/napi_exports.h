/* The one way our Node-API modules (wasip2_host.c, wasip2_signals.c) publish their functions:
 * a name -> callback table, each entry set as a property of the module's exports. */
#ifndef WASIP2_NAPI_EXPORTS_H
#define WASIP2_NAPI_EXPORTS_H
#include <stddef.h>
#include <node_api.h>

struct napi_export { const char *name; napi_callback fn; };

static inline napi_value napi_export_all(napi_env env, napi_value exports,
                                         const struct napi_export *fns, size_t n) {
  for (size_t i = 0; i < n; i++) {
    napi_value f;
    napi_create_function(env, fns[i].name, NAPI_AUTO_LENGTH, fns[i].fn, NULL, &f);
    napi_set_named_property(env, exports, fns[i].name, f);
  }
  return exports;
}
#endif
