// UBSan handlers for values and control flow: an invalid bool or enum
// loaded, a non-positive VLA bound, a float converted out of an integer's
// range, a zero passed to __builtin_ctz/clz, and reaching __builtin_unreachable
// or the end of a value-returning function (always fatal: nothing follows).
#include "wasip2_ubsan.h"

#define V(t, x) __wasip2_ubsan_value(b##x, sizeof b##x, t, x)

static void invalid(struct __wasip2_ubsan_typed *d, __wasip2_ubsan_val v, int fatal) {
  if (__wasip2_ubsan_begin(&d->loc)) {
    char bv[48];
    __wasip2_ubsan_printf("load of value %s, which is not a valid value for type %s", V(d->type, v), d->type->name);
  }
  __wasip2_ubsan_end(fatal);
}
void __ubsan_handle_load_invalid_value(struct __wasip2_ubsan_typed *d, __wasip2_ubsan_val v) { invalid(d, v, 0); }
void __ubsan_handle_load_invalid_value_abort(struct __wasip2_ubsan_typed *d, __wasip2_ubsan_val v) { invalid(d, v, 1); __builtin_unreachable(); }

static void vla(struct __wasip2_ubsan_typed *d, __wasip2_ubsan_val v, int fatal) {
  if (__wasip2_ubsan_begin(&d->loc)) {
    char bv[48];
    __wasip2_ubsan_printf("variable length array bound evaluates to non-positive value %s", V(d->type, v));
  }
  __wasip2_ubsan_end(fatal);
}
void __ubsan_handle_vla_bound_not_positive(struct __wasip2_ubsan_typed *d, __wasip2_ubsan_val v) { vla(d, v, 0); }
void __ubsan_handle_vla_bound_not_positive_abort(struct __wasip2_ubsan_typed *d, __wasip2_ubsan_val v) { vla(d, v, 1); __builtin_unreachable(); }

static void float_cast(struct __wasip2_ubsan_cast *d, __wasip2_ubsan_val v, int fatal) {
  if (__wasip2_ubsan_begin(&d->loc)) {
    char bv[48];
    __wasip2_ubsan_printf("%s is outside the range of representable values of type %s", V(d->from, v), d->to->name);
  }
  __wasip2_ubsan_end(fatal);
}
void __ubsan_handle_float_cast_overflow(struct __wasip2_ubsan_cast *d, __wasip2_ubsan_val v) { float_cast(d, v, 0); }
void __ubsan_handle_float_cast_overflow_abort(struct __wasip2_ubsan_cast *d, __wasip2_ubsan_val v) { float_cast(d, v, 1); __builtin_unreachable(); }

static void builtin(struct __wasip2_ubsan_builtin *d, int fatal) {
  if (__wasip2_ubsan_begin(&d->loc))
    __wasip2_ubsan_printf("passing zero to __builtin_%s(), which is not a valid argument",
      d->kind == 0 ? "ctz" : d->kind == 1 ? "clz" : "assume");
  __wasip2_ubsan_end(fatal);
}
void __ubsan_handle_invalid_builtin(struct __wasip2_ubsan_builtin *d) { builtin(d, 0); }
void __ubsan_handle_invalid_builtin_abort(struct __wasip2_ubsan_builtin *d) { builtin(d, 1); __builtin_unreachable(); }

void __ubsan_handle_builtin_unreachable(struct __wasip2_ubsan_at *d) {
  if (__wasip2_ubsan_begin(&d->loc)) __wasip2_ubsan_printf("execution reached an unreachable program point");
  __wasip2_ubsan_end(1);
  __builtin_unreachable();
}

void __ubsan_handle_missing_return(struct __wasip2_ubsan_at *d) {
  if (__wasip2_ubsan_begin(&d->loc))
    __wasip2_ubsan_printf("execution reached the end of a value-returning function without returning a value");
  __wasip2_ubsan_end(1);
  __builtin_unreachable();
}
