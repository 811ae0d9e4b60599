// UBSan handlers for memory and pointers: null, misaligned or too-small
// accesses (type_mismatch), array indexes out of bounds, pointer arithmetic
// that wraps or offsets null, and null passed to or returned from nonnull.
#include "wasip2_ubsan.h"

#define V(t, x) __wasip2_ubsan_value(b##x, sizeof b##x, t, x)

// compiler-rt's TypeCheckKind order
static const char *const what[] = {
  "load of", "store to", "reference binding to", "member access within", "member call on",
  "constructor call on", "downcast of", "downcast of", "upcast of", "cast to virtual base of",
  "_Nonnull binding to", "dynamic operation on",
};

static void mismatch(struct __wasip2_ubsan_mismatch *d, __wasip2_ubsan_val p, int fatal) {
  if (__wasip2_ubsan_begin(&d->loc)) {
    const char *k = d->check_kind < sizeof what / sizeof *what ? what[d->check_kind] : "access of";
    uintptr_t align = (uintptr_t)1 << d->log_alignment;
    if (!p) __wasip2_ubsan_printf("%s null pointer of type %s", k, d->type->name);
    else if (p & (align - 1))
      __wasip2_ubsan_printf("%s misaligned address 0x%08lx for type %s, which requires %lu byte alignment",
        k, (unsigned long)p, d->type->name, (unsigned long)align);
    else __wasip2_ubsan_printf("%s address 0x%08lx with insufficient space for an object of type %s",
        k, (unsigned long)p, d->type->name);
  }
  __wasip2_ubsan_end(fatal);
}
void __ubsan_handle_type_mismatch_v1(struct __wasip2_ubsan_mismatch *d, __wasip2_ubsan_val p) { mismatch(d, p, 0); }
void __ubsan_handle_type_mismatch_v1_abort(struct __wasip2_ubsan_mismatch *d, __wasip2_ubsan_val p) { mismatch(d, p, 1); __builtin_unreachable(); }

static void oob(struct __wasip2_ubsan_oob *d, __wasip2_ubsan_val i, int fatal) {
  if (__wasip2_ubsan_begin(&d->loc)) {
    char bi[48];
    __wasip2_ubsan_printf("index %s out of bounds for type %s", V(d->index, i), d->array->name);
  }
  __wasip2_ubsan_end(fatal);
}
void __ubsan_handle_out_of_bounds(struct __wasip2_ubsan_oob *d, __wasip2_ubsan_val i) { oob(d, i, 0); }
void __ubsan_handle_out_of_bounds_abort(struct __wasip2_ubsan_oob *d, __wasip2_ubsan_val i) { oob(d, i, 1); __builtin_unreachable(); }

static void ptr_overflow(struct __wasip2_ubsan_at *d, __wasip2_ubsan_val base, __wasip2_ubsan_val res, int fatal) {
  if (__wasip2_ubsan_begin(&d->loc)) {
    if (!base && !res) __wasip2_ubsan_printf("applying zero offset to null pointer");
    else if (!base) __wasip2_ubsan_printf("applying non-zero offset %lu to null pointer", (unsigned long)res);
    else if (!res) __wasip2_ubsan_printf("applying non-zero offset to non-null pointer 0x%08lx produced null pointer", (unsigned long)base);
    else __wasip2_ubsan_printf("pointer index expression with base 0x%08lx overflowed to 0x%08lx",
      (unsigned long)base, (unsigned long)res);
  }
  __wasip2_ubsan_end(fatal);
}
void __ubsan_handle_pointer_overflow(struct __wasip2_ubsan_at *d, __wasip2_ubsan_val b, __wasip2_ubsan_val r) { ptr_overflow(d, b, r, 0); }
void __ubsan_handle_pointer_overflow_abort(struct __wasip2_ubsan_at *d, __wasip2_ubsan_val b, __wasip2_ubsan_val r) { ptr_overflow(d, b, r, 1); __builtin_unreachable(); }

static void nonnull_arg(struct __wasip2_ubsan_nonnull_arg *d, int fatal) {
  if (__wasip2_ubsan_begin(&d->loc))
    __wasip2_ubsan_printf("null pointer passed as argument %d, which is declared to never be null", d->arg);
  __wasip2_ubsan_end(fatal);
}
void __ubsan_handle_nonnull_arg(struct __wasip2_ubsan_nonnull_arg *d) { nonnull_arg(d, 0); }
void __ubsan_handle_nonnull_arg_abort(struct __wasip2_ubsan_nonnull_arg *d) { nonnull_arg(d, 1); __builtin_unreachable(); }

static void nonnull_ret(struct __wasip2_ubsan_loc *loc, int fatal) {
  if (__wasip2_ubsan_begin(loc))
    __wasip2_ubsan_printf("null pointer returned from function declared to never return null");
  __wasip2_ubsan_end(fatal);
}
void __ubsan_handle_nonnull_return_v1(struct __wasip2_ubsan_nonnull_ret *d, struct __wasip2_ubsan_loc *loc) { (void)d; nonnull_ret(loc, 0); }
void __ubsan_handle_nonnull_return_v1_abort(struct __wasip2_ubsan_nonnull_ret *d, struct __wasip2_ubsan_loc *loc) { (void)d; nonnull_ret(loc, 1); __builtin_unreachable(); }
