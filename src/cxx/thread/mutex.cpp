// std::mutex, recursive_mutex, timed_mutex and recursive_timed_mutex for
// -pthread programs (libc++ for wasm was built without threads).  mutex and
// recursive_mutex are a pthread_mutex_t (the header's layout); the timed ones
// are a flag or an owner and count guarded by a mutex, waited for on a
// condition variable (the members the header declares and its inline
// try_lock_until uses).
#include <cerrno>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <pthread.h>
#include <thread>

_LIBCPP_BEGIN_NAMESPACE_STD

static_assert(sizeof(mutex) == sizeof(pthread_mutex_t), "std::mutex is a pthread_mutex_t");
static_assert(sizeof(recursive_mutex) == sizeof(pthread_mutex_t), "std::recursive_mutex is a pthread_mutex_t");

mutex::~mutex() noexcept { pthread_mutex_destroy(&__m_); }

void mutex::lock() {
  // EDEADLK: a relock by the owner, or every thread waiting (cooperative
  // threads see it instead of hanging): resource_deadlock_would_occur.
  if (int e = pthread_mutex_lock(&__m_)) __throw_system_error(e, "mutex lock failed");
}

bool mutex::try_lock() noexcept { return pthread_mutex_trylock(&__m_) == 0; }

void mutex::unlock() noexcept { pthread_mutex_unlock(&__m_); }

recursive_mutex::recursive_mutex() {
  pthread_mutexattr_t a;
  int e = pthread_mutexattr_init(&a);
  if (!e) e = pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
  if (!e) e = pthread_mutex_init(&__m_, &a);
  pthread_mutexattr_destroy(&a);
  if (e) __throw_system_error(e, "recursive_mutex constructor failed");
}

recursive_mutex::~recursive_mutex() { pthread_mutex_destroy(&__m_); }

void recursive_mutex::lock() {
  if (int e = pthread_mutex_lock(&__m_)) __throw_system_error(e, "recursive_mutex lock failed");
}

bool recursive_mutex::try_lock() noexcept { return pthread_mutex_trylock(&__m_) == 0; }

void recursive_mutex::unlock() noexcept { pthread_mutex_unlock(&__m_); }

timed_mutex::timed_mutex() : __locked_(false) {}

timed_mutex::~timed_mutex() { lock_guard<mutex> g(__m_); }

void timed_mutex::lock() {
  unique_lock<mutex> lk(__m_);
  while (__locked_) __cv_.wait(lk);
  __locked_ = true;
}

bool timed_mutex::try_lock() noexcept {
  unique_lock<mutex> lk(__m_, try_to_lock);
  if (!lk.owns_lock() || __locked_) return false;
  __locked_ = true;
  return true;
}

void timed_mutex::unlock() noexcept {
  lock_guard<mutex> g(__m_);
  __locked_ = false;
  __cv_.notify_one();
}

recursive_timed_mutex::recursive_timed_mutex() : __count_(0) {}

recursive_timed_mutex::~recursive_timed_mutex() { lock_guard<mutex> g(__m_); }

void recursive_timed_mutex::lock() {
  __thread_id me = this_thread::get_id();
  unique_lock<mutex> lk(__m_);
  if (me == __id_) {
    if (__count_ == numeric_limits<size_t>::max()) __throw_system_error(EAGAIN, "recursive_timed_mutex lock limit reached");
    ++__count_;
    return;
  }
  while (__count_ != 0) __cv_.wait(lk);
  __count_ = 1;
  __id_ = me;
}

bool recursive_timed_mutex::try_lock() noexcept {
  __thread_id me = this_thread::get_id();
  unique_lock<mutex> lk(__m_, try_to_lock);
  if (!lk.owns_lock()) return false;
  if (me == __id_) {
    if (__count_ == numeric_limits<size_t>::max()) return false;
    ++__count_;
    return true;
  }
  if (__count_ != 0) return false;
  __count_ = 1;
  __id_ = me;
  return true;
}

void recursive_timed_mutex::unlock() noexcept {
  unique_lock<mutex> lk(__m_);
  if (--__count_ == 0) {
    __id_.__reset();
    lk.unlock();
    __cv_.notify_one();
  }
}

_LIBCPP_END_NAMESPACE_STD
