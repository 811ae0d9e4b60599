// The UBSan runtime's reporting (src/include/wasip2_ubsan.h): the
// "file:line:col: runtime error: ..." line clang's own runtime prints, each
// location once, values printed by their type descriptors, and the fatal end
// (status 1, as compiler-rt's Die gives, by a trap so a backtrace follows).
// UBSAN_OPTIONS=halt_on_error=1 makes every report fatal, as on Linux.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "wasip2_runtime.h"
#include "wasip2_ubsan.h"

static char line[512];
static size_t used;

static int halt_on_error(void) {
  static int cached = -1;
  if (cached < 0) {
    const char *o = getenv("UBSAN_OPTIONS");
    cached = o && (strstr(o, "halt_on_error=1") || strstr(o, "halt_on_error=true"));
  }
  return cached;
}

void __wasip2_ubsan_printf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line + used, sizeof line - used, fmt, ap);
  va_end(ap);
  if (n > 0) used = used + (size_t)n < sizeof line ? used + (size_t)n : sizeof line - 1;
}

int __wasip2_ubsan_begin(struct __wasip2_ubsan_loc *loc) {
  // the location is writable data clang made for this check: a column of
  // ~0 marks it reported (compiler-rt's way of reporting a site once)
  if (loc->column == 0xffffffffu) return 0;
  used = 0;
  if (loc->file) __wasip2_ubsan_printf("%s:%u:%u: ", loc->file, loc->line, loc->column);
  else __wasip2_ubsan_printf("<unknown>: ");
  loc->column = 0xffffffffu;
  __wasip2_ubsan_printf("runtime error: ");
  return 1;
}

void __wasip2_ubsan_end(int fatal) {
  // nothing begun: the location was reported before (a fatal check still ends)
  if (used) {
    if (used >= sizeof line - 1) used = sizeof line - 2;
    line[used++] = '\n';
    (void)!write(2, line, used);
    used = 0;
  }
  if (fatal || halt_on_error()) __wasip2_trap_exit(1);
}

unsigned __wasip2_ubsan_bits(const struct __wasip2_ubsan_type *t) {
  return t->kind == 0 ? 1u << (t->info >> 1) : t->info;
}

// integers up to 64 bits (wider ones are shown by their low 64 bits)
static int64_t sval(const struct __wasip2_ubsan_type *t, __wasip2_ubsan_val v) {
  unsigned bits = __wasip2_ubsan_bits(t);
  if (bits > 32) return *(const int64_t *)v;
  if (bits == 32) return (int32_t)v;
  return (int64_t)((uint64_t)v << (64 - bits)) >> (64 - bits);
}

uint64_t __wasip2_ubsan_u64(const struct __wasip2_ubsan_type *t, __wasip2_ubsan_val v) {
  unsigned bits = __wasip2_ubsan_bits(t);
  if (t->kind == 0 && (t->info & 1)) return (uint64_t)sval(t, v);
  if (bits > 32) return *(const uint64_t *)v;
  return bits == 32 ? (uint32_t)v : (uint64_t)v & ((1ull << bits) - 1);
}

int __wasip2_ubsan_negative(const struct __wasip2_ubsan_type *t, __wasip2_ubsan_val v) {
  return t->kind == 0 && (t->info & 1) && sval(t, v) < 0;
}

const char *__wasip2_ubsan_value(char *buf, unsigned size, const struct __wasip2_ubsan_type *t, __wasip2_ubsan_val v) {
  if (t->kind == 0 && (t->info & 1)) snprintf(buf, size, "%lld", (long long)sval(t, v));
  else if (t->kind == 0) snprintf(buf, size, "%llu", (unsigned long long)__wasip2_ubsan_u64(t, v));
  else if (t->kind == 1 && t->info == 32) {
    float f;
    uint32_t u = (uint32_t)v;
    memcpy(&f, &u, sizeof f);
    snprintf(buf, size, "%g", f);
  } else if (t->kind == 1 && t->info == 64) snprintf(buf, size, "%g", *(const double *)v);
  else snprintf(buf, size, "<value>");
  return buf;
}
