// The waiting half of std::atomic<T>::wait/notify_* for -pthread programs,
// which std::latch, std::barrier, std::counting_semaphore and std::jthread's
// stop_token are built on, and the barrier's arrival count.  Debian's
// threadless libc++ has none of it.  A waiter blocks in the cooperative
// scheduler on an address (the atomic itself, or one of a small table of
// contention counters shared by hashed addresses) and a notify wakes the
// threads blocked there; waking too many is fine, since libc++ re-checks the
// value after every wake.
#include <atomic>
#include <barrier>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <semaphore>  // declares the timed waits

// libpthread-coop.a's internal wait/wake (src/include/wasip2_thread.h), C linkage.
extern "C" int __wasip2_thread_wait(const void *obj, unsigned long long deadline);
extern "C" int __wasip2_thread_wake(const void *obj, int n);

_LIBCPP_BEGIN_NAMESPACE_STD

// Every other thread waits too and none has a deadline: the value can never
// change.  Linux would hang; say so and stop instead.
static void wait_on(const void *obj) {
  if (__wasip2_thread_wait(obj, 0) == EDEADLK) {
    std::fputs("std::atomic wait: deadlock, every thread is waiting\n", stderr);
    std::abort();
  }
}

// A wait of at most ns nanoseconds (a timeout is just an early return).
static void wait_on_for(const void *obj, uint64_t ns) {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  unsigned long long t = (unsigned long long)now.tv_sec * 1000000000u + (unsigned long long)now.tv_nsec;
  unsigned long long d = t + ns < t ? ~0ull : t + ns;
  __wasip2_thread_wait(obj, d ? d : 1);
}

static __cxx_contention_t table[64];
static __cxx_contention_t *slot(const void *a) { return &table[(reinterpret_cast<uintptr_t>(a) >> 3) % 64]; }

__cxx_contention_t __atomic_monitor_global(void const *a) noexcept { return *slot(a); }

void __atomic_wait_global_table(void const *a, __cxx_contention_t monitor) noexcept {
  if (*slot(a) == monitor) wait_on(slot(a));
}

void __atomic_wait_global_table_with_timeout(void const *a, __cxx_contention_t monitor, uint64_t ns) noexcept {
  if (*slot(a) == monitor) wait_on_for(slot(a), ns);
}

void __atomic_notify_one_global_table(void const *a) noexcept {
  ++*slot(a);
  __wasip2_thread_wake(slot(a), INT_MAX);  // the slot may be shared: wake them all
}

void __atomic_notify_all_global_table(void const *a) noexcept {
  ++*slot(a);
  __wasip2_thread_wake(slot(a), INT_MAX);
}

template <>
void __atomic_wait_native<4>(void const *a, void const *old) noexcept {
  if (std::memcmp(a, old, 4) == 0) wait_on(a);
}
template <>
void __atomic_wait_native<8>(void const *a, void const *old) noexcept {
  if (std::memcmp(a, old, 8) == 0) wait_on(a);
}
template <>
void __atomic_wait_native_with_timeout<4>(void const *a, void const *old, uint64_t ns) noexcept {
  if (std::memcmp(a, old, 4) == 0) wait_on_for(a, ns);
}
template <>
void __atomic_wait_native_with_timeout<8>(void const *a, void const *old, uint64_t ns) noexcept {
  if (std::memcmp(a, old, 8) == 0) wait_on_for(a, ns);
}
template <>
void __atomic_notify_one_native<4>(const void *a) noexcept { __wasip2_thread_wake(a, 1); }
template <>
void __atomic_notify_one_native<8>(const void *a) noexcept { __wasip2_thread_wake(a, 1); }
template <>
void __atomic_notify_all_native<4>(const void *a) noexcept { __wasip2_thread_wake(a, INT_MAX); }
template <>
void __atomic_notify_all_native<8>(const void *a) noexcept { __wasip2_thread_wake(a, INT_MAX); }

// std::barrier's count of arrivals in the current phase; the header keeps
// the expected count (and changes it between phases for arrive_and_drop), we
// read it through the reference at every arrival.  One thread runs at a time,
// so a plain counter is enough.
class __barrier_algorithm_base {
 public:
  ptrdiff_t &expected;
  ptrdiff_t arrived = 0;
  explicit __barrier_algorithm_base(ptrdiff_t &e) : expected(e) {}
};

__barrier_algorithm_base *__construct_barrier_algorithm_base(ptrdiff_t &expected) {
  return new __barrier_algorithm_base(expected);
}

// True for the arrival that completes the phase.
bool __arrive_barrier_algorithm_base(_LIBCPP_NOESCAPE __barrier_algorithm_base *b, __barrier_phase_t) noexcept {
  if (++b->arrived < b->expected) return false;
  b->arrived = 0;
  return true;
}

void __destroy_barrier_algorithm_base(_LIBCPP_NOESCAPE __barrier_algorithm_base *b) noexcept { delete b; }

_LIBCPP_END_NAMESPACE_STD
