// `throw` without an exception runtime.  Debian's libc++abi for wasm32 is built without
// exceptions (it has no __cxa_throw) and our target has no unwinder, yet clang++ compiles C++
// with exceptions on by default, and libc++'s inline code throws: without these two
// functions even "hello world" with <iostream> fails to link unless -fno-exceptions is given.
// With them (appended to the sysroot's libc++abi.a, so a real exception runtime placed
// earlier on the link line wins), code that may throw links and runs; a throw that happens
// prints the exception's type and terminates, like Emscripten's default mode.  catch clauses
// never run: with no exception model the compiler turns every invoke into a plain call.
// -fno-exceptions turns each `throw` into a compile error instead.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <typeinfo>

extern "C" char *__cxa_demangle(const char *mangled, char *buf, size_t *len, int *status);

extern "C" void *__cxa_allocate_exception(size_t size) noexcept {
  // The thrown object is constructed here before __cxa_throw runs; it is never destroyed,
  // since the program ends in __cxa_throw.
  void *p = std::malloc(size ? size : 1);
  if (!p) std::abort();
  return p;
}

extern "C" void __cxa_free_exception(void *p) noexcept { std::free(p); }

extern "C" [[noreturn]] void __cxa_throw(void *obj, std::type_info *type, void (*)(void *)) {
  (void)obj;
  const char *name = type ? type->name() : "?";
  int status = -1;
  char *pretty = __cxa_demangle(name, nullptr, nullptr, &status);
  std::fprintf(stderr,
               "terminate: C++ exception of type %s thrown; wasm32-wasip2 has no exception "
               "runtime (compile with -fno-exceptions to find throws at build time)\n",
               status == 0 && pretty ? pretty : name);
  std::terminate();
}

// std::make_exception_ptr (e.g. a std::promise destroyed before it was satisfied stores
// broken_promise in its future) builds the exception in place instead of throwing it.
// Debian's libc++abi has no exception objects to count references on (copying a non-null
// std::exception_ptr terminates there), so making one ends the program like a throw does.
extern "C" [[noreturn]] void *__cxa_init_primary_exception(void *obj, std::type_info *type, void (*)(void *)) noexcept {
  (void)obj;
  const char *name = type ? type->name() : "?";
  int status = -1;
  char *pretty = __cxa_demangle(name, nullptr, nullptr, &status);
  std::fprintf(stderr,
               "terminate: C++ exception of type %s stored in an exception_ptr; wasm32-wasip2 has "
               "no exception runtime\n",
               status == 0 && pretty ? pretty : name);
  std::terminate();
}
