// The UndefinedBehaviorSanitizer runtime (src/ubsan): the handlers clang's
// -fsanitize=undefined code calls, with the data layouts clang emits for them
// (the ABI of compiler-rt's ubsan runtime; clang --target=wasm32-wasip2 links
// no runtime of its own, so these live in libc.a and are linked only when a
// sanitized object references them).  Every handler's data starts with the
// source location; values wider than a pointer are passed by address.
#ifndef WASIP2_UBSAN_H
#define WASIP2_UBSAN_H
#include <stdint.h>

struct __wasip2_ubsan_loc { const char *file; uint32_t line, column; };
// kind 0 integer (info: log2(bits) << 1 | signed), 1 float (info: bits)
struct __wasip2_ubsan_type { uint16_t kind, info; char name[]; };
typedef uintptr_t __wasip2_ubsan_val;

struct __wasip2_ubsan_overflow { struct __wasip2_ubsan_loc loc; const struct __wasip2_ubsan_type *type; };
struct __wasip2_ubsan_shift { struct __wasip2_ubsan_loc loc; const struct __wasip2_ubsan_type *lhs, *rhs; };
struct __wasip2_ubsan_oob { struct __wasip2_ubsan_loc loc; const struct __wasip2_ubsan_type *array, *index; };
struct __wasip2_ubsan_mismatch { struct __wasip2_ubsan_loc loc; const struct __wasip2_ubsan_type *type;
  unsigned char log_alignment, check_kind; };
struct __wasip2_ubsan_at { struct __wasip2_ubsan_loc loc; };
struct __wasip2_ubsan_typed { struct __wasip2_ubsan_loc loc; const struct __wasip2_ubsan_type *type; };
struct __wasip2_ubsan_cast { struct __wasip2_ubsan_loc loc; const struct __wasip2_ubsan_type *from, *to; };
struct __wasip2_ubsan_builtin { struct __wasip2_ubsan_loc loc; unsigned char kind; };
struct __wasip2_ubsan_nonnull_arg { struct __wasip2_ubsan_loc loc, attr; int arg; };
struct __wasip2_ubsan_nonnull_ret { struct __wasip2_ubsan_loc attr; };

// src/ubsan/report.c: the shared reporting.  begin() answers 0 when this
// location was reported already (each is reported once, as compiler-rt does:
// a loop that overflows says so once); it prints "file:line:col: runtime
// error: " and the caller prints the rest with __wasip2_ubsan_printf.  end()
// finishes the line and, when fatal (the _abort handlers, an unreachable, or
// UBSAN_OPTIONS=halt_on_error=1), ends the program with status 1 by
// __wasip2_trap_exit, so the host prints a backtrace.
int __wasip2_ubsan_begin(struct __wasip2_ubsan_loc *loc);
void __wasip2_ubsan_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void __wasip2_ubsan_end(int fatal);
// a value of the given type, as text (decimal, or %g for floats), into buf
const char *__wasip2_ubsan_value(char *buf, unsigned size, const struct __wasip2_ubsan_type *t, __wasip2_ubsan_val v);
int __wasip2_ubsan_negative(const struct __wasip2_ubsan_type *t, __wasip2_ubsan_val v);
unsigned __wasip2_ubsan_bits(const struct __wasip2_ubsan_type *t);
// the value as an unsigned 64-bit number (shift exponents, indexes)
uint64_t __wasip2_ubsan_u64(const struct __wasip2_ubsan_type *t, __wasip2_ubsan_val v);

// the handlers, as clang calls them (recoverable form; NAME_abort is the
// -fno-sanitize-recover form, which does not return)
#define WASIP2_UBSAN_HANDLER(name, ...) \
  void __ubsan_handle_##name(__VA_ARGS__); \
  _Noreturn void __ubsan_handle_##name##_abort(__VA_ARGS__);
WASIP2_UBSAN_HANDLER(add_overflow, struct __wasip2_ubsan_overflow *, __wasip2_ubsan_val, __wasip2_ubsan_val)
WASIP2_UBSAN_HANDLER(sub_overflow, struct __wasip2_ubsan_overflow *, __wasip2_ubsan_val, __wasip2_ubsan_val)
WASIP2_UBSAN_HANDLER(mul_overflow, struct __wasip2_ubsan_overflow *, __wasip2_ubsan_val, __wasip2_ubsan_val)
WASIP2_UBSAN_HANDLER(divrem_overflow, struct __wasip2_ubsan_overflow *, __wasip2_ubsan_val, __wasip2_ubsan_val)
WASIP2_UBSAN_HANDLER(negate_overflow, struct __wasip2_ubsan_overflow *, __wasip2_ubsan_val)
WASIP2_UBSAN_HANDLER(shift_out_of_bounds, struct __wasip2_ubsan_shift *, __wasip2_ubsan_val, __wasip2_ubsan_val)
WASIP2_UBSAN_HANDLER(out_of_bounds, struct __wasip2_ubsan_oob *, __wasip2_ubsan_val)
WASIP2_UBSAN_HANDLER(type_mismatch_v1, struct __wasip2_ubsan_mismatch *, __wasip2_ubsan_val)
WASIP2_UBSAN_HANDLER(pointer_overflow, struct __wasip2_ubsan_at *, __wasip2_ubsan_val, __wasip2_ubsan_val)
WASIP2_UBSAN_HANDLER(load_invalid_value, struct __wasip2_ubsan_typed *, __wasip2_ubsan_val)
WASIP2_UBSAN_HANDLER(vla_bound_not_positive, struct __wasip2_ubsan_typed *, __wasip2_ubsan_val)
WASIP2_UBSAN_HANDLER(float_cast_overflow, struct __wasip2_ubsan_cast *, __wasip2_ubsan_val)
WASIP2_UBSAN_HANDLER(invalid_builtin, struct __wasip2_ubsan_builtin *)
WASIP2_UBSAN_HANDLER(nonnull_arg, struct __wasip2_ubsan_nonnull_arg *)
WASIP2_UBSAN_HANDLER(nonnull_return_v1, struct __wasip2_ubsan_nonnull_ret *, struct __wasip2_ubsan_loc *)
#undef WASIP2_UBSAN_HANDLER
// never recoverable: there is no code after them
_Noreturn void __ubsan_handle_builtin_unreachable(struct __wasip2_ubsan_at *);
_Noreturn void __ubsan_handle_missing_return(struct __wasip2_ubsan_at *);

// -fsanitize-minimal-runtime: no data, just which check failed
// (src/ubsan/minimal.c; reported as "ubsan: add-overflow", at most
// WASIP2_UBSAN_MINIMAL_MAX times in all)
#define WASIP2_UBSAN_MINIMAL(name) \
  void __ubsan_handle_##name##_minimal(void); \
  _Noreturn void __ubsan_handle_##name##_minimal_abort(void);
#define WASIP2_UBSAN_MINIMAL_ALL(X) X(add_overflow) X(sub_overflow) X(mul_overflow) X(negate_overflow) \
  X(divrem_overflow) X(shift_out_of_bounds) X(out_of_bounds) X(type_mismatch) X(builtin_unreachable) \
  X(missing_return) X(vla_bound_not_positive) X(float_cast_overflow) X(load_invalid_value) \
  X(invalid_builtin) X(function_type_mismatch) X(implicit_conversion) X(nonnull_arg) X(nonnull_return) \
  X(nullability_arg) X(nullability_return) X(pointer_overflow) X(cfi_check_fail) X(alignment_assumption)
WASIP2_UBSAN_MINIMAL_ALL(WASIP2_UBSAN_MINIMAL)
#define WASIP2_UBSAN_MINIMAL_MAX 20

#endif
