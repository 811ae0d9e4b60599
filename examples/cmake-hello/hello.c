#include <stdio.h>
#include "greet.h"

int main(int argc, char **argv) {
  char buf[64];
  greet(buf, sizeof buf, argc > 1 ? argv[1] : "world");
  // The two flags come from CMake (Platform/WASI.cmake) and prove the platform file was used.
  printf("%s (WASI=%d UNIX=%d)\n", buf, CMAKE_WASI, CMAKE_UNIX);
  return 0;
}
