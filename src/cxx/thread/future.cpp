// std::future, promise, shared_future (the void specializations and the
// shared state every std::async, promise and packaged_task uses) for -pthread
// programs, and future_category/future_error: the library half of <future>,
// which Debian's threadless libc++ lacks.  A shared state is a flag word, a
// value or an exception, a mutex and a condition variable (the header's
// layout); waiting for it runs a deferred function in the caller, else waits
// on the condition variable while other threads run.
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>

_LIBCPP_BEGIN_NAMESPACE_STD

namespace {
class future_error_category final : public error_category {
 public:
  const char *name() const noexcept override { return "future"; }
  string message(int ev) const override {
    switch (static_cast<future_errc>(ev)) {
      case future_errc::broken_promise: return "The associated promise has been destructed prior to the associated state becoming ready.";
      case future_errc::future_already_retrieved: return "The future has already been retrieved from the promise or packaged_task.";
      case future_errc::promise_already_satisfied: return "The state of the promise has already been set.";
      case future_errc::no_state: return "Operation not permitted on an object without an associated state.";
    }
    return "unspecified future_errc value";
  }
};
}  // namespace

const error_category &future_category() noexcept {
  static future_error_category c;
  return c;
}

future_error::future_error(error_code ec) : logic_error(ec.message()), __ec_(ec) {}
future_error::~future_error() noexcept {}

void __assoc_sub_state::__on_zero_shared() noexcept { delete this; }

// The current thread's __thread_struct, made for threads std::thread did not
// start (main), so *_at_thread_exit work everywhere.
static __thread_struct *thread_struct() {
  __thread_specific_ptr<__thread_struct> &tl = __thread_local_data();
  if (!tl.get()) tl.set_pointer(new __thread_struct);
  return tl.get();
}

void __assoc_sub_state::set_value() {
  unique_lock<mutex> lk(__mut_);
  if (__has_value()) __throw_future_error(future_errc::promise_already_satisfied);
  __state_ |= __constructed | ready;
  __cv_.notify_all();
}

void __assoc_sub_state::set_value_at_thread_exit() {
  unique_lock<mutex> lk(__mut_);
  if (__has_value()) __throw_future_error(future_errc::promise_already_satisfied);
  __state_ |= __constructed;
  thread_struct()->__make_ready_at_thread_exit(this);
}

void __assoc_sub_state::set_exception(exception_ptr p) {
  unique_lock<mutex> lk(__mut_);
  if (__has_value()) __throw_future_error(future_errc::promise_already_satisfied);
  __exception_ = p;
  __state_ |= ready;
  __cv_.notify_all();
}

void __assoc_sub_state::set_exception_at_thread_exit(exception_ptr p) {
  unique_lock<mutex> lk(__mut_);
  if (__has_value()) __throw_future_error(future_errc::promise_already_satisfied);
  __exception_ = p;
  thread_struct()->__make_ready_at_thread_exit(this);
}

void __assoc_sub_state::__make_ready() {
  unique_lock<mutex> lk(__mut_);
  __state_ |= ready;
  __cv_.notify_all();
}

void __assoc_sub_state::copy() {
  unique_lock<mutex> lk(__mut_);
  __sub_wait(lk);
  if (__exception_ != nullptr) rethrow_exception(__exception_);
}

void __assoc_sub_state::wait() {
  unique_lock<mutex> lk(__mut_);
  __sub_wait(lk);
}

// With the state's mutex held: a deferred function runs now, in this thread,
// without the lock (it sets the value, which takes it); otherwise wait.
void __assoc_sub_state::__sub_wait(unique_lock<mutex> &lk) {
  if (__is_ready()) return;
  if (__state_ & deferred) {
    __state_ &= ~deferred;
    lk.unlock();
    __execute();
  } else {
    while (!__is_ready()) __cv_.wait(lk);
  }
}

// Only a deferred state (which overrides it) has something to run.
void __assoc_sub_state::__execute() { __throw_future_error(future_errc::no_state); }

future<void>::future(__assoc_sub_state *s) : __state_(s) { __state_->__attach_future(); }

future<void>::~future() {
  if (__state_) __state_->__release_shared();
}

void future<void>::get() {
  // The future gives up its state whatever copy() does (a stored exception).
  unique_ptr<__shared_count, __release_shared_count> hold(__state_);
  __assoc_sub_state *s = __state_;
  __state_ = nullptr;
  s->copy();
}

promise<void>::promise() : __state_(new __assoc_sub_state) {}

promise<void>::~promise() {
  if (!__state_) return;
  // A future still waits: it must become ready, with broken_promise.
  if (!__state_->__has_value() && __state_->use_count() > 1)
    __state_->set_exception(make_exception_ptr(future_error(make_error_code(future_errc::broken_promise))));
  __state_->__release_shared();
}

future<void> promise<void>::get_future() {
  if (!__state_) __throw_future_error(future_errc::no_state);
  return future<void>(__state_);
}

void promise<void>::set_value() {
  if (!__state_) __throw_future_error(future_errc::no_state);
  __state_->set_value();
}

void promise<void>::set_exception(exception_ptr p) {
  if (!__state_) __throw_future_error(future_errc::no_state);
  __state_->set_exception(p);
}

void promise<void>::set_value_at_thread_exit() {
  if (!__state_) __throw_future_error(future_errc::no_state);
  __state_->set_value_at_thread_exit();
}

void promise<void>::set_exception_at_thread_exit(exception_ptr p) {
  if (!__state_) __throw_future_error(future_errc::no_state);
  __state_->set_exception_at_thread_exit(p);
}

shared_future<void>::~shared_future() {
  if (__state_) __state_->__release_shared();
}

shared_future<void> &shared_future<void>::operator=(const shared_future &rhs) {
  if (rhs.__state_) rhs.__state_->__add_shared();
  if (__state_) __state_->__release_shared();
  __state_ = rhs.__state_;
  return *this;
}

_LIBCPP_END_NAMESPACE_STD
