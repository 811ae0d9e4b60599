// std::thread's out-of-line members for -pthread programs: join, detach, the
// destructor, hardware_concurrency, this_thread::sleep_for, and the per-thread
// __thread_struct that notify_all_at_thread_exit and the *_at_thread_exit
// setters of <future> use.  Debian's libc++ for
// wasm was built without threads, so the library has none of these; the
// headers (threads on under -pthread, see the Makefile) call them over the
// cooperative pthreads of libpthread-coop.a.
#include <cerrno>
#include <condition_variable>
#include <ctime>
#include <future>
#include <mutex>
#include <new>
#include <pthread.h>
#include <thread>
#include <utility>

_LIBCPP_BEGIN_NAMESPACE_STD

// What a thread must do when it exits: the shared states of
// set_value_at_thread_exit to make ready, notify_all_at_thread_exit's pairs
// to unlock and notify (states first, so a notified waiter finds them ready).
class __thread_struct_imp {
 public:
  struct entry {
    condition_variable *cv;
    mutex *m;
    entry *next;
  };
  struct state {
    __assoc_sub_state *s;
    state *next;
  };
  entry *pending = nullptr;
  state *states = nullptr;
  ~__thread_struct_imp() {
    while (state *st = states) {
      states = st->next;
      st->s->__make_ready();
      st->s->__release_shared();
      delete st;
    }
    while (entry *e = pending) {
      pending = e->next;
      e->m->unlock();
      e->cv->notify_all();
      delete e;
    }
  }
};

__thread_struct::__thread_struct() : __p_(new __thread_struct_imp) {}
__thread_struct::~__thread_struct() { delete __p_; }

void __thread_struct::notify_all_at_thread_exit(condition_variable *cv, mutex *m) {
  __p_->pending = new __thread_struct_imp::entry{cv, m, __p_->pending};
}

void __thread_struct::__make_ready_at_thread_exit(__assoc_sub_state *s) {
  s->__add_shared();  // kept alive until this thread exits
  __p_->states = new __thread_struct_imp::state{s, __p_->states};
}

// The key whose value is the calling thread's __thread_struct (deleted by
// the key's destructor at thread exit).  Built once, never destroyed: other
// threads may still exit after static destructors ran.
__thread_specific_ptr<__thread_struct> &__thread_local_data() {
  alignas(__thread_specific_ptr<__thread_struct>) static unsigned char storage[sizeof(__thread_specific_ptr<__thread_struct>)];
  static __thread_specific_ptr<__thread_struct> *p = new (storage) __thread_specific_ptr<__thread_struct>();
  return *p;
}

thread::~thread() {
  if (!__libcpp_thread_isnull(&__t_)) terminate();  // [thread.thread.destr]
}

void thread::join() {
  int e = EINVAL;  // not joinable: invalid_argument
  if (!__libcpp_thread_isnull(&__t_)) e = pthread_join(__t_, nullptr);
  if (e) __throw_system_error(e, "thread::join failed");
  __t_ = _LIBCPP_NULL_THREAD;
}

void thread::detach() {
  int e = EINVAL;
  if (!__libcpp_thread_isnull(&__t_)) e = pthread_detach(__t_);
  if (e) __throw_system_error(e, "thread::detach failed");
  __t_ = _LIBCPP_NULL_THREAD;
}

// Threads share the one wasm thread: one runs at a time.
unsigned thread::hardware_concurrency() noexcept { return 1; }

namespace this_thread {
void sleep_for(const chrono::nanoseconds &ns) {
  if (ns.count() <= 0) return;
  long long s = ns.count() / 1000000000;  // time_t is 64 bits: no overflow
  timespec ts;
  ts.tv_sec = (time_t)s;
  ts.tv_nsec = (long)(ns.count() % 1000000000);
  // A signal handler may cut the sleep short: sleep the rest.
  while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {}
}
}  // namespace this_thread

void notify_all_at_thread_exit(condition_variable &cv, unique_lock<mutex> lk) {
  __thread_specific_ptr<__thread_struct> &tl = __thread_local_data();
  if (!tl.get()) tl.set_pointer(new __thread_struct);  // main, or a thread not made by std::thread
  tl->notify_all_at_thread_exit(&cv, lk.release());
}

_LIBCPP_END_NAMESPACE_STD
