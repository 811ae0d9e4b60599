// The C++ hello whose size the README reports.
#include <iostream>
#include <string>

int main(int argc, char **argv) {
  std::string who = "C++";
  std::cout << "hello from " << who << ' ' << std::string(argv[0]).size() * 0 + 3 << std::endl;
  return 0;
}
