// C++ through Debian's libc++ on our C library: the standard library features a typical
// program uses.  Built by cxx.test.mjs with clang++-22 -fno-exceptions (Debian's libc++abi has
// no exception runtime), run with a preopened /data.  Prints one line per check; the exit
// status is the number of failed checks.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <format>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <typeinfo>
#include <unordered_map>
#include <vector>
#include <unistd.h>

static int failed;
static void check(bool ok, const std::string &what) {
  std::cout << (ok ? "ok   " : "FAIL ") << what << '\n';
  if (!ok) failed++;
}

struct Shape { virtual ~Shape() = default; virtual double area() const = 0; };
struct Square : Shape { double s; explicit Square(double s) : s(s) {} double area() const override { return s * s; } };
struct Circle : Shape { double r; explicit Circle(double r) : r(r) {} double area() const override { return 3.0 * r * r; } };

// A global with a constructor and destructor: static initialisation must run before main,
// and the destructor at exit (it prints after main returns; the test looks for the line).
struct Global {
  int value;
  Global() : value(42) {}
  ~Global() { std::printf("global destructor ran\n"); }
} global;

int main() {
  check(global.value == 42, "static constructor ran before main");

  std::vector<int> v(1000);
  std::iota(v.begin(), v.end(), 0);
  std::reverse(v.begin(), v.end());
  std::sort(v.begin(), v.end());
  check(v.front() == 0 && v.back() == 999 && std::accumulate(v.begin(), v.end(), 0L) == 499500, "<vector> + <algorithm> + <numeric>");

  std::string s = "hello";
  s += ", " + std::string(3, 'x');
  s.append(100, 'y');
  check(s.size() == 110 && s.substr(0, 10) == "hello, xxx" && s.find('y') == 10, "<string> (heap growth, find, substr)");

  std::map<std::string, int> m;
  for (int i = 0; i < 100; i++) m["k" + std::to_string(i)] = i;
  std::unordered_map<int, std::string> um;
  for (int i = 0; i < 100; i++) um[i] = std::to_string(i * i);
  check(m.size() == 100 && m["k42"] == 42 && m.begin()->first == "k0" && um[12] == "144", "<map> and <unordered_map>");

  std::ostringstream os;
  os << std::setw(6) << std::setfill('0') << 42 << ' ' << std::fixed << std::setprecision(3) << 3.14159 << ' ' << std::hex << 255;
  std::istringstream is("17 2.5 word");
  int a = 0; double b = 0; std::string w;
  is >> a >> b >> w;
  check(os.str() == "000042 3.142 ff" && a == 17 && b == 2.5 && w == "word", "<sstream> + <iomanip> formatting and parsing");

  check(std::format("{}-{:>4}-{:.2f}", "x", 7, 1.005) == "x-   7-1.00" || std::format("{}-{:>4}-{:.2f}", "x", 7, 1.005) == "x-   7-1.01", "<format> (C++20)");

  std::vector<std::unique_ptr<Shape>> shapes;
  shapes.push_back(std::make_unique<Square>(2));
  shapes.push_back(std::make_unique<Circle>(1));
  auto sp = std::make_shared<Square>(3);
  std::weak_ptr<Square> wp = sp;
  double total = 0;
  for (auto &p : shapes) total += p->area();
  double locked = wp.lock()->area(); // the temporary shared_ptr dies here, before use_count
  check(total == 7.0 && locked == 9.0 && sp.use_count() == 1, "virtual calls, unique_ptr, shared_ptr/weak_ptr");
  check(dynamic_cast<Circle *>(shapes[1].get()) != nullptr && dynamic_cast<Circle *>(shapes[0].get()) == nullptr
        && typeid(*shapes.front().get()) == typeid(Square), "RTTI: dynamic_cast and typeid");

  std::function<int(int)> twice = [](int x) { return 2 * x; };
  check(twice(21) == 42, "<functional> and lambdas");

  // <fstream> on a preopened directory: write, append, read back.
  {
    std::ofstream out("/data/cxx.txt");
    out << "line one\n" << 12345 << '\n';
  }
  {
    std::ofstream out("/data/cxx.txt", std::ios::app);
    out << "appended\n";
  }
  std::ifstream in("/data/cxx.txt");
  std::string l1, l3; int n = 0;
  std::getline(in, l1);
  in >> n;
  in.ignore();
  std::getline(in, l3);
  check(in.good() && l1 == "line one" && n == 12345 && l3 == "appended", "<fstream> write, append, read in /data");
  std::ifstream missing("/data/no-such-file");
  check(!missing.is_open(), "<fstream> opening a missing file fails cleanly");

  auto t0 = std::chrono::steady_clock::now();
  // libc++ is built without threads, so no std::this_thread: sleep through POSIX instead.
  usleep(20000);
  auto dt = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  auto now = std::chrono::system_clock::now();
  auto year = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)).year();
  check(dt >= 20 && dt < 2000 && int(year) >= 2024, "std::chrono steady_clock across usleep, system_clock (" + std::to_string(dt) + " ms)");

  std::random_device rd;
  std::mt19937 gen(rd());
  std::uniform_int_distribution<int> dist(1, 6);
  int roll = dist(gen);
  check(roll >= 1 && roll <= 6, "<random> with random_device");

  std::cout << "features failed: " << failed << std::endl;
  return failed;
}
