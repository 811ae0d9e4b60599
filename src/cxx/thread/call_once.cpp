// std::call_once for -pthread programs: a thread arriving while another runs
// the function waits for it to finish (libc++'s threadless version, in
// libc++.a, returns at once instead).  Linked from libc++-coop.a ahead of
// libc++.a, whose call_once member is then never pulled in.
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <mutex>

// libpthread-coop.a's internal wait/wake (src/include/wasip2_thread.h), C linkage.
extern "C" int __wasip2_thread_wait(const void *obj, unsigned long long deadline);
extern "C" int __wasip2_thread_wake(const void *obj, int n);

_LIBCPP_BEGIN_NAMESPACE_STD

void __call_once(volatile once_flag::_State_type &flag, void *arg, void (*func)(void *)) {
  const void *key = const_cast<once_flag::_State_type *>(&flag);
  while (flag == once_flag::_Pending) {
    if (__wasip2_thread_wait(key, 0)) {
      std::fputs("std::call_once: deadlock, every thread is waiting\n", stderr);
      std::abort();
    }
  }
  if (flag != once_flag::_Unset) return;
  flag = once_flag::_Pending;
  func(arg);  // no exception runtime: a throw ends the program here
  flag = once_flag::_Complete;
  __wasip2_thread_wake(key, INT_MAX);
}

_LIBCPP_END_NAMESPACE_STD
