// UBSan handlers for arithmetic: signed overflow of + - * and unary -,
// division by zero and INT_MIN / -1, and out-of-range shifts.  Messages are
// compiler-rt's, so output matches what the same program prints on Linux.
#include "wasip2_ubsan.h"

#define V(t, x) __wasip2_ubsan_value(b##x, sizeof b##x, t, x)

static void overflow(struct __wasip2_ubsan_overflow *d, const char *op, __wasip2_ubsan_val l,
                     __wasip2_ubsan_val r, int fatal) {
  if (__wasip2_ubsan_begin(&d->loc)) {
    char bl[48], br[48];
    __wasip2_ubsan_printf("%s integer overflow: %s %s %s cannot be represented in type %s",
      (d->type->info & 1) ? "signed" : "unsigned", V(d->type, l), op, V(d->type, r), d->type->name);
  }
  __wasip2_ubsan_end(fatal);
}

#define OVERFLOW(name, op) \
  void __ubsan_handle_##name(struct __wasip2_ubsan_overflow *d, __wasip2_ubsan_val l, __wasip2_ubsan_val r) { overflow(d, op, l, r, 0); } \
  void __ubsan_handle_##name##_abort(struct __wasip2_ubsan_overflow *d, __wasip2_ubsan_val l, __wasip2_ubsan_val r) { overflow(d, op, l, r, 1); __builtin_unreachable(); }
OVERFLOW(add_overflow, "+")
OVERFLOW(sub_overflow, "-")
OVERFLOW(mul_overflow, "*")

static void negate(struct __wasip2_ubsan_overflow *d, __wasip2_ubsan_val v, int fatal) {
  if (__wasip2_ubsan_begin(&d->loc)) {
    char bv[48];
    __wasip2_ubsan_printf("negation of %s cannot be represented in type %s; cast to an unsigned type to negate this value to itself",
      V(d->type, v), d->type->name);
  }
  __wasip2_ubsan_end(fatal);
}
void __ubsan_handle_negate_overflow(struct __wasip2_ubsan_overflow *d, __wasip2_ubsan_val v) { negate(d, v, 0); }
void __ubsan_handle_negate_overflow_abort(struct __wasip2_ubsan_overflow *d, __wasip2_ubsan_val v) { negate(d, v, 1); __builtin_unreachable(); }

static void divrem(struct __wasip2_ubsan_overflow *d, __wasip2_ubsan_val l, __wasip2_ubsan_val r, int fatal) {
  if (__wasip2_ubsan_begin(&d->loc)) {
    char bl[48], br[48];
    if (d->type->kind == 0 && __wasip2_ubsan_u64(d->type, r) == 0) __wasip2_ubsan_printf("division by zero");
    else if (d->type->kind == 0) __wasip2_ubsan_printf("division of %s by -1 cannot be represented in type %s", V(d->type, l), d->type->name);
    else __wasip2_ubsan_printf("division by zero (%s / %s)", V(d->type, l), V(d->type, r));
  }
  __wasip2_ubsan_end(fatal);
}
void __ubsan_handle_divrem_overflow(struct __wasip2_ubsan_overflow *d, __wasip2_ubsan_val l, __wasip2_ubsan_val r) { divrem(d, l, r, 0); }
void __ubsan_handle_divrem_overflow_abort(struct __wasip2_ubsan_overflow *d, __wasip2_ubsan_val l, __wasip2_ubsan_val r) { divrem(d, l, r, 1); __builtin_unreachable(); }

static void shift(struct __wasip2_ubsan_shift *d, __wasip2_ubsan_val l, __wasip2_ubsan_val r, int fatal) {
  if (__wasip2_ubsan_begin(&d->loc)) {
    char bl[48], br[48];
    if (__wasip2_ubsan_negative(d->rhs, r)) __wasip2_ubsan_printf("shift exponent %s is negative", V(d->rhs, r));
    else if (__wasip2_ubsan_u64(d->rhs, r) >= __wasip2_ubsan_bits(d->lhs))
      __wasip2_ubsan_printf("shift exponent %s is too large for %u-bit type %s", V(d->rhs, r), __wasip2_ubsan_bits(d->lhs), d->lhs->name);
    else if (__wasip2_ubsan_negative(d->lhs, l)) __wasip2_ubsan_printf("left shift of negative value %s", V(d->lhs, l));
    else __wasip2_ubsan_printf("left shift of %s by %s places cannot be represented in type %s", V(d->lhs, l), V(d->rhs, r), d->lhs->name);
  }
  __wasip2_ubsan_end(fatal);
}
void __ubsan_handle_shift_out_of_bounds(struct __wasip2_ubsan_shift *d, __wasip2_ubsan_val l, __wasip2_ubsan_val r) { shift(d, l, r, 0); }
void __ubsan_handle_shift_out_of_bounds_abort(struct __wasip2_ubsan_shift *d, __wasip2_ubsan_val l, __wasip2_ubsan_val r) { shift(d, l, r, 1); __builtin_unreachable(); }
