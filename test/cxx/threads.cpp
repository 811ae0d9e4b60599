// C++ threads with -pthread: std::thread, std::mutex with lock_guard and
// unique_lock, std::condition_variable (producer/consumer, wait_for timing
// out), std::this_thread::sleep_for overlapping across threads,
// recursive_mutex, timed_mutex, shared_mutex, std::async and promise/future,
// packaged_task, notify_all_at_thread_exit, detach, ids, and C++20's atomic
// wait/notify, latch, barrier, semaphores and jthread; call_once and a
// function-local static with a second thread arriving mid-initialization.  (A promise destroyed
// unsatisfied terminates here: no exception runtime to store broken_promise.)  Prints only what does not
// depend on timing, so the same program built with g++ on Linux prints the
// same lines (test/cxx/threads.test.mjs compares them).
#include <atomic>
#include <barrier>
#include <latch>
#include <semaphore>
#include <stop_token>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <future>
#include <mutex>
#include <shared_mutex>
#include <system_error>
#include <thread>
#include <vector>

static int failures;
#define CHECK(c, what) \
  do { \
    if (c) std::printf("ok %s\n", what); \
    else { std::printf("FAIL %s (line %d)\n", what, __LINE__); failures++; } \
  } while (0)

using namespace std::chrono;

// 4 threads contending on one mutex; each yields inside its critical section,
// so lost updates would show without mutual exclusion.
static void contention() {
  std::mutex m;
  long counter = 0;
  int inside = 0, max_inside = 0;
  std::vector<std::thread> ts;
  for (int id = 0; id < 4; id++)
    ts.emplace_back([&] {
      for (int i = 0; i < 300; i++) {
        std::lock_guard<std::mutex> g(m);
        if (++inside > max_inside) max_inside = inside;
        long v = counter;
        std::this_thread::yield();
        counter = v + 1;
        inside--;
      }
    });
  for (auto &t : ts) t.join();
  CHECK(counter == 1200, "4 threads x 300 increments under std::mutex: 1200");
  CHECK(max_inside == 1, "never two threads inside the lock_guard");
  CHECK(!ts[0].joinable(), "a joined thread is not joinable");
}

// A bounded queue: one producer, two consumers, condition variables both ways.
static void producer_consumer() {
  std::mutex m;
  std::condition_variable not_empty, not_full;
  std::deque<int> q;
  bool done = false;
  long sum = 0;
  int got = 0;
  auto consumer = [&] {
    for (;;) {
      std::unique_lock<std::mutex> lk(m);
      not_empty.wait(lk, [&] { return !q.empty() || done; });
      if (q.empty()) return;
      sum += q.front();
      q.pop_front();
      got++;
      not_full.notify_one();
    }
  };
  std::thread c1(consumer), c2(consumer);
  std::thread p([&] {
    for (int i = 1; i <= 1000; i++) {
      std::unique_lock<std::mutex> lk(m);
      not_full.wait(lk, [&] { return q.size() < 4; });
      q.push_back(i);
      not_empty.notify_one();
    }
    std::lock_guard<std::mutex> g(m);
    done = true;
    not_empty.notify_all();
  });
  p.join();
  c1.join();
  c2.join();
  CHECK(got == 1000 && sum == 500500, "producer/consumer: 1000 items, sum 500500");

  std::unique_lock<std::mutex> lk(m);
  auto t0 = steady_clock::now();
  bool woke = not_empty.wait_for(lk, milliseconds(30), [] { return false; });
  auto waited = steady_clock::now() - t0;
  CHECK(!woke && waited >= milliseconds(30) && waited < milliseconds(5000), "wait_for with a false predicate times out after 30 ms");
}

// Five threads sleeping 200 ms each at the same time take about 200 ms.
static void overlapping_sleeps() {
  auto t0 = steady_clock::now();
  std::vector<std::thread> ts;
  std::atomic<int> woke{0};
  for (int i = 0; i < 5; i++)
    ts.emplace_back([&] {
      std::this_thread::sleep_for(milliseconds(200));
      woke++;
    });
  for (auto &t : ts) t.join();
  auto took = steady_clock::now() - t0;
  CHECK(woke == 5, "five sleeping threads woke");
  CHECK(took >= milliseconds(200) && took < milliseconds(900), "five overlapping 200 ms sleep_for in well under 1 s");
}

static void other_mutexes() {
  std::recursive_mutex rm;
  {
    std::lock_guard<std::recursive_mutex> a(rm);
    std::lock_guard<std::recursive_mutex> b(rm);
    bool other = true;
    std::thread([&] { other = rm.try_lock(); }).join();
    CHECK(!other, "recursive_mutex nests for its owner, try_lock fails in another thread");
  }

  std::timed_mutex tm;
  tm.lock();
  bool got = true;
  std::thread([&] { got = tm.try_lock_for(milliseconds(20)); }).join();
  CHECK(!got, "timed_mutex::try_lock_for times out while held");
  tm.unlock();
  std::thread([&] {
    got = tm.try_lock_for(milliseconds(20));
    if (got) tm.unlock();
  }).join();
  CHECK(got, "and succeeds once released");

  std::shared_mutex sm;
  std::atomic<int> readers{0};
  int max_readers = 0;
  bool writer_saw_readers = false;
  std::vector<std::thread> ts;
  for (int i = 0; i < 3; i++)
    ts.emplace_back([&] {
      std::shared_lock<std::shared_mutex> l(sm);
      if (++readers > max_readers) max_readers = readers;
      // Stay until all three are in (bounded, in case they cannot be).
      for (int k = 0; k < 2000 && readers < 3; k++) std::this_thread::sleep_for(milliseconds(1));
      if (readers > max_readers) max_readers = readers;
      readers--;
    });
  ts.emplace_back([&] {
    std::this_thread::sleep_for(milliseconds(2));
    std::unique_lock<std::shared_mutex> l(sm);
    writer_saw_readers = readers != 0;
  });
  for (auto &t : ts) t.join();
  CHECK(max_readers == 3, "shared_mutex: three readers at once");
  CHECK(!writer_saw_readers, "the writer excludes readers");
}

static void futures() {
  auto f = std::async(std::launch::async, [] {
    std::this_thread::sleep_for(milliseconds(10));
    return 42;
  });
  CHECK(f.get() == 42, "std::async(launch::async) result through future::get");
  auto d = std::async(std::launch::deferred, [] { return 7; });
  CHECK(d.wait_for(seconds(0)) == std::future_status::deferred && d.get() == 7, "std::async(launch::deferred) runs at get");

  std::promise<void> ready;
  std::future<void> rf = ready.get_future();
  std::promise<int> answer;
  std::future<int> af = answer.get_future();
  std::thread t([&] {
    rf.wait();
    answer.set_value(99);
  });
  CHECK(af.wait_for(milliseconds(10)) == std::future_status::timeout, "future::wait_for times out before set_value");
  ready.set_value();
  CHECK(af.get() == 99, "promise<void> releases a waiting thread, promise<int> hands back a value");
  t.join();

  std::shared_future<int> sf = std::async(std::launch::async, [] { return 5; }).share();
  int a = 0, b = 0;
  std::thread t1([&] { a = sf.get(); }), t2([&] { b = sf.get(); });
  t1.join();
  t2.join();
  CHECK(a == 5 && b == 5, "shared_future read by two threads");

  std::packaged_task<int(int)> task([](int x) { return x * 2; });
  std::future<int> tf = task.get_future();
  std::thread(std::move(task), 21).join();
  CHECK(tf.get() == 42, "packaged_task run in a thread");
}

static void at_exit_and_errors() {
  std::mutex m;
  std::condition_variable cv;
  bool flag = false;
  std::thread t([&] {
    std::unique_lock<std::mutex> lk(m);
    flag = true;
    std::notify_all_at_thread_exit(cv, std::move(lk));
  });
  {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk, [&] { return flag; });
  }
  t.join();
  CHECK(flag, "notify_all_at_thread_exit wakes the waiter");

  std::thread d([] { std::this_thread::sleep_for(milliseconds(5)); });
  std::thread::id did = d.get_id();
  d.detach();
  CHECK(!d.joinable() && did != std::this_thread::get_id(), "a detached thread had its own id");
  std::this_thread::sleep_for(milliseconds(20));  // it finishes

  CHECK(std::thread::hardware_concurrency() >= 1, "hardware_concurrency is at least 1");
  std::thread::id main_id = std::this_thread::get_id(), seen;
  std::thread([&] { seen = std::this_thread::get_id(); }).join();
  CHECK(seen != main_id && seen != std::thread::id(), "threads have distinct ids");
}

// One-time initialization while another thread is inside it: call_once and a
// function-local static whose initializer sleeps; the second thread waits.
struct Slow {
  int v;
  Slow() {
    std::this_thread::sleep_for(milliseconds(20));
    v = 7;
  }
};
static std::atomic<int> slow_ctor_runs{0};
static int slow_value() {
  static Slow s;
  static int counted = ++slow_ctor_runs;
  (void)counted;
  return s.v;
}

static void once() {
  std::once_flag f;
  std::atomic<int> runs{0};
  int seen = -1;
  std::thread t([&] { std::call_once(f, [&] { std::this_thread::sleep_for(milliseconds(20)); runs++; }); });
  std::this_thread::sleep_for(milliseconds(5));
  std::call_once(f, [&] { runs += 10; });
  seen = runs;
  t.join();
  CHECK(runs == 1 && seen == 1, "call_once: a second caller waits for the running one, the function runs once");

  int a = 0, b = 0;
  std::thread t1([&] { a = slow_value(); });
  std::this_thread::sleep_for(milliseconds(5));
  b = slow_value();
  t1.join();
  CHECK(a == 7 && b == 7 && slow_ctor_runs == 1, "a function-local static initialized once while a second thread waits");
}

// C++20 waiting: atomic wait/notify, latch, barrier, semaphores, jthread.
static void sync20() {
  std::atomic<int> flag{0};
  std::atomic<long long> big{0};
  std::thread t([&] {
    std::this_thread::sleep_for(milliseconds(5));
    flag = 1;
    flag.notify_one();
    big = 2;
    big.notify_all();
  });
  flag.wait(0);
  big.wait(0);
  t.join();
  CHECK(flag == 1 && big == 2, "atomic<int>/<long long>::wait returns after another thread's notify");

  std::latch done(3);
  std::barrier round(3);
  std::atomic<int> phase_sum[2] = {0, 0};
  std::vector<std::thread> ts;
  for (int i = 0; i < 3; i++)
    ts.emplace_back([&, i] {
      for (int ph = 0; ph < 2; ph++) {
        phase_sum[ph] += i + 1;
        round.arrive_and_wait();
        if (phase_sum[ph] != 6) phase_sum[ph] = -100;  // everyone must see the full phase
      }
      done.count_down();
    });
  done.wait();
  for (auto &x : ts) x.join();
  CHECK(phase_sum[0] == 6 && phase_sum[1] == 6, "std::barrier: 3 threads x 2 phases, std::latch waits for all");

  std::counting_semaphore<8> items(0);
  std::binary_semaphore ack(0);
  int received = 0;
  std::thread c([&] {
    for (int i = 0; i < 5; i++) {
      items.acquire();
      received++;
    }
    ack.release();
  });
  for (int i = 0; i < 5; i++) items.release();
  ack.acquire();
  c.join();
  std::counting_semaphore<1> none(0);
  CHECK(received == 5 && !none.try_acquire_for(milliseconds(5)), "semaphores: 5 items handed over, try_acquire_for times out");

  int spins = 0;
  {
    std::jthread j([&](std::stop_token st) {
      while (!st.stop_requested()) {
        spins++;
        std::this_thread::sleep_for(milliseconds(1));
      }
    });
    std::this_thread::sleep_for(milliseconds(10));
  }  // requests stop and joins
  CHECK(spins > 0, "std::jthread stops at its stop_token and is joined by its destructor");
}

int main() {
  contention();
  producer_consumer();
  overlapping_sleeps();
  other_mutexes();
  futures();
  at_exit_and_errors();
  once();
  sync20();
  std::printf("threads failed: %d\n", failures);
  return failures != 0;
}
