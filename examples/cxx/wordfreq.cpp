// Word frequencies of stdin, most frequent first: a C++ program using iostream, string, map,
// vector and algorithm, built with Debian's libc++ for wasm32-wasip2.
//   clang++-22 --target=wasm32-wasip2 --sysroot=build/sysroot -O2 -fno-exceptions \
//     examples/cxx/wordfreq.cpp -o wordfreq.wasm
//   echo "a b a c a b" | wasip2-run wordfreq.wasm
#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>
#include <string>
#include <vector>

int main() {
  std::map<std::string, int> counts;
  std::string word;
  while (std::cin >> word) {
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
    counts[word]++;
  }
  std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
  // stable on equal counts, so ties stay in alphabetical order
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
  for (const auto &[w, n] : sorted) std::cout << n << ' ' << w << '\n';
  return 0;
}
