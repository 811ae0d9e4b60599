// A throw with no exception runtime: links (default flags), prints the type, terminates.
#include <stdexcept>
#include <cstdio>

int main(int argc, char **) {
  std::puts("before throw");
  std::fflush(stdout);
  if (argc > 0) throw std::out_of_range("index 7");
  return 0;
}
