// std::shared_mutex and shared_timed_mutex for -pthread programs.  The state
// word is the header's: the top bit says a writer has entered (it waits on
// gate 2 for the readers present to leave, and keeps new readers and writers
// on gate 1), the other bits count readers.  The header's inline timed
// locks use the same protocol.
#include <mutex>
#include <shared_mutex>

_LIBCPP_BEGIN_NAMESPACE_STD

__shared_mutex_base::__shared_mutex_base() : __state_(0) {}

void __shared_mutex_base::lock() {
  unique_lock<mutex> lk(__mut_);
  while (__state_ & __write_entered_) __gate1_.wait(lk);
  __state_ |= __write_entered_;
  while (__state_ & __n_readers_) __gate2_.wait(lk);
}

bool __shared_mutex_base::try_lock() {
  unique_lock<mutex> lk(__mut_);
  if (__state_ != 0) return false;
  __state_ = __write_entered_;
  return true;
}

void __shared_mutex_base::unlock() {
  {
    lock_guard<mutex> g(__mut_);
    __state_ = 0;
  }
  __gate1_.notify_all();  // readers and writers may all try again
}

void __shared_mutex_base::lock_shared() {
  unique_lock<mutex> lk(__mut_);
  while ((__state_ & __write_entered_) || (__state_ & __n_readers_) == __n_readers_) __gate1_.wait(lk);
  __state_ = (__state_ & __write_entered_) | ((__state_ & __n_readers_) + 1);
}

bool __shared_mutex_base::try_lock_shared() {
  unique_lock<mutex> lk(__mut_);
  if ((__state_ & __write_entered_) || (__state_ & __n_readers_) == __n_readers_) return false;
  __state_ = (__state_ & __write_entered_) | ((__state_ & __n_readers_) + 1);
  return true;
}

void __shared_mutex_base::unlock_shared() {
  lock_guard<mutex> g(__mut_);
  unsigned readers = (__state_ & __n_readers_) - 1;
  __state_ = (__state_ & __write_entered_) | readers;
  if (__state_ & __write_entered_) {
    if (readers == 0) __gate2_.notify_one();  // the waiting writer may go
  } else if (readers == __n_readers_ - 1) {
    __gate1_.notify_one();  // a reader blocked on the count may go
  }
}

shared_timed_mutex::shared_timed_mutex() : __base_() {}
void shared_timed_mutex::lock() { __base_.lock(); }
bool shared_timed_mutex::try_lock() { return __base_.try_lock(); }
void shared_timed_mutex::unlock() { __base_.unlock(); }
void shared_timed_mutex::lock_shared() { __base_.lock_shared(); }
bool shared_timed_mutex::try_lock_shared() { return __base_.try_lock_shared(); }
void shared_timed_mutex::unlock_shared() { __base_.unlock_shared(); }

_LIBCPP_END_NAMESPACE_STD
