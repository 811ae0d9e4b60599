#include <iostream>
#include <string>
#include <vector>
#include "greet.h"

int main(int argc, char **argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string joined;
  for (const auto &a : args) joined += (joined.empty() ? "" : ",") + a;
  char buf[64];
  greet(buf, sizeof buf, "C++");
  std::cout << buf << "; C++ sees " << args.size() << " args: " << joined << "\n";
  return 0;
}
