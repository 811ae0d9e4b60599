// <sys/sysmacros.h>: Linux's dev_t encoding.  Prints major/minor/makedev
// over small and large numbers and the st_rdev of /dev/null and
// /dev/urandom; native_compare.test.mjs compares the lines with gcc's.
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include "check.h"

int main(void) {
  static const unsigned ma[] = {0, 1, 8, 255, 256, 4095, 4096, 0xfffff, 0xfffffffu};
  static const unsigned mi[] = {0, 3, 255, 256, 0xfffff, 0xffffffffu};
  for (size_t i = 0; i < sizeof ma / sizeof *ma; i++)
    for (size_t j = 0; j < sizeof mi / sizeof *mi; j++) {
      dev_t d = makedev(ma[i], mi[j]);
      printf("makedev(%#x, %#x) = %#llx -> %#x %#x\n", ma[i], mi[j], (unsigned long long)d, major(d), minor(d));
      CHECK(major(d) == ma[i] && minor(d) == mi[j], "round trip");
    }
  struct stat st;
  if (stat("/dev/null", &st) == 0) printf("/dev/null: %u,%u\n", major(st.st_rdev), minor(st.st_rdev));
  if (stat("/dev/urandom", &st) == 0) printf("/dev/urandom: %u,%u\n", major(st.st_rdev), minor(st.st_rdev));
  return CHECK_DONE();
}
