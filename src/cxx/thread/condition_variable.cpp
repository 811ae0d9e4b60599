// std::condition_variable for -pthread programs: a pthread_cond_t (the
// header's layout) waited on with the unique_lock's mutex.  Timed waits get
// a system_clock deadline (libc++ on musl has no pthread_cond_clockwait
// path), so they use the realtime clock, as pthread_cond_timedwait does.
#include <cerrno>
#include <climits>
#include <condition_variable>
#include <ctime>
#include <mutex>
#include <pthread.h>

_LIBCPP_BEGIN_NAMESPACE_STD

static_assert(sizeof(condition_variable) == sizeof(pthread_cond_t), "std::condition_variable is a pthread_cond_t");

condition_variable::~condition_variable() { pthread_cond_destroy(&__cv_); }

void condition_variable::notify_one() noexcept { pthread_cond_signal(&__cv_); }

void condition_variable::notify_all() noexcept { pthread_cond_broadcast(&__cv_); }

// noexcept: an error (a lock not held, EDEADLK when every thread waits and
// nobody can notify) ends in terminate() through the throw.
void condition_variable::wait(unique_lock<mutex> &lk) noexcept {
  if (!lk.owns_lock()) __throw_system_error(EPERM, "condition_variable::wait: mutex not locked");
  if (int e = pthread_cond_wait(&__cv_, lk.mutex()->native_handle()))
    __throw_system_error(e, "condition_variable wait failed");
}

void condition_variable::__do_timed_wait(unique_lock<mutex> &lk,
                                         chrono::time_point<chrono::system_clock, chrono::nanoseconds> tp) noexcept {
  if (!lk.owns_lock()) __throw_system_error(EPERM, "condition_variable::timed wait: mutex not locked");
  long long ns = tp.time_since_epoch().count();
  timespec ts;
  if (ns < 0) {
    ts.tv_sec = 0;  // already past: the wait times out at once
    ts.tv_nsec = 0;
  } else {
    ts.tv_sec = (time_t)(ns / 1000000000);
    ts.tv_nsec = (long)(ns % 1000000000);
  }
  int e = pthread_cond_timedwait(&__cv_, lk.mutex()->native_handle(), &ts);
  if (e && e != ETIMEDOUT) __throw_system_error(e, "condition_variable timed wait failed");
}

_LIBCPP_END_NAMESPACE_STD
