// Function-local statics in -pthread programs: __cxa_guard_acquire/release/
// abort (Itanium C++ ABI) that make a second thread wait while the first runs
// the initializer, instead of libc++abi's threadless version, which takes the
// second arrival for recursion and aborts.  Linked from libc++-coop.a ahead
// of libc++abi.a, so libc++abi's guard object is never pulled in.
//
// The guard (wasm uses the ARM variant of the ABI: 32 bits, bit 0 = done,
// which the compiler's inline check reads): byte 0 = initialized, byte 1 =
// an initializer is running.  Which thread runs it is kept on the side, to
// tell recursion (abort, as libc++abi does) from another thread (wait).
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <pthread.h>

// libpthread-coop.a's internal wait/wake (src/include/wasip2_thread.h), C linkage.
extern "C" int __wasip2_thread_wait(const void *obj, unsigned long long deadline);
extern "C" int __wasip2_thread_wake(const void *obj, int n);

static void die(const char *why) {
  std::fprintf(stderr, "__cxa_guard_acquire: %s\n", why);
  std::abort();
}

static struct running { const void *guard; pthread_t owner; } runs[64];

static running *find(const void *g) {
  for (running &r : runs)
    if (r.guard == g) return &r;
  return nullptr;
}

extern "C" int __cxa_guard_acquire(uint32_t *g) {
  unsigned char *b = reinterpret_cast<unsigned char *>(g);
  pthread_t self = pthread_self();
  while (!b[0] && b[1]) {
    running *r = find(g);
    if (r && pthread_equal(r->owner, self)) die("recursive initialization of a function-local static");
    if (__wasip2_thread_wait(g, 0)) die("deadlock: every thread is waiting");
  }
  if (b[0]) return 0;
  b[1] = 1;
  if (running *r = find(nullptr)) *r = {g, self};  // table full: no recursion check
  return 1;
}

static void done(uint32_t *g) {
  if (running *r = find(g)) *r = {nullptr, pthread_t()};
  __wasip2_thread_wake(g, INT_MAX);
}

extern "C" void __cxa_guard_release(uint32_t *g) {
  unsigned char *b = reinterpret_cast<unsigned char *>(g);
  b[0] = 1;
  b[1] = 0;
  done(g);
}

extern "C" void __cxa_guard_abort(uint32_t *g) {
  reinterpret_cast<unsigned char *>(g)[1] = 0;  // the next arrival runs the initializer again
  done(g);
}
