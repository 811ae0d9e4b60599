// An object built with upstream's headers reads what our stat, readdir and
// clock_gettime write at upstream's offsets (test/abi/upstream_wasip2.h):
// here the results are read back through raw bytes at those offsets, as such
// an object would, and compared with what we know we created.
//! dir: /data
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define AT(buf, off, type) (*(type *)((char *)(buf) + (off)))

int main(void) {
  int fd = open("/data/abi-file", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0 && write(fd, "0123456789", 10) == 10 && close(fd) == 0);
  REQUIRE(mkdir("/data/abi-dir", 0755) == 0);

  // struct stat: 144 bytes; st_mode at 24 (u32), st_size at 48 (i64), st_mtim at 88
  _Alignas(8) unsigned char st[144 + 16];
  memset(st, 0xee, sizeof st);
  REQUIRE(stat("/data/abi-file", (struct stat *)st) == 0);
  REQUIRE(AT(st, 48, int64_t) == 10);
  REQUIRE((AT(st, 24, uint32_t) & 0xf000) == 0x8000);  // upstream's S_IFREG
  REQUIRE(AT(st, 88, int64_t) > 1600000000);           // st_mtim.tv_sec
  REQUIRE(AT(st, 96, int32_t) >= 0 && AT(st, 96, int32_t) < 1000000000);
  REQUIRE(st[144] == 0xee);                             // nothing written past the struct
  REQUIRE(stat("/data/abi-dir", (struct stat *)st) == 0 && (AT(st, 24, uint32_t) & 0xf000) == 0x4000);
  puts("stat: upstream offsets agree");

  // struct dirent: d_ino at 0 (u64), d_type at 8 (u8: 3 dir, 4 regular), d_name at 9
  DIR *d = opendir("/data");
  REQUIRE(d != NULL);
  int seen = 0;
  for (struct dirent *e; (e = readdir(d));) {
    const unsigned char *raw = (const unsigned char *)e;
    const char *name = (const char *)raw + 9;
    if (!strcmp(name, "abi-file")) { REQUIRE(raw[8] == 4); seen |= 1; }
    if (!strcmp(name, "abi-dir")) { REQUIRE(raw[8] == 3); seen |= 2; }
  }
  REQUIRE(closedir(d) == 0 && seen == 3);
  puts("dirent: upstream offsets agree");

  // struct timespec: 16 bytes, tv_nsec (a 32-bit long) at 8
  _Alignas(8) unsigned char ts[16];
  REQUIRE(clock_gettime(CLOCK_REALTIME, (struct timespec *)ts) == 0);
  REQUIRE(AT(ts, 0, int64_t) > 1600000000 && AT(ts, 8, int32_t) >= 0 && AT(ts, 8, int32_t) < 1000000000);
  puts("timespec: upstream offsets agree");
  // upstream's O_* values, as an upstream object passes them
  fd = open("/data/abi-file", 0x4000000 /* O_RDONLY */);
  REQUIRE(fd >= 0 && close(fd) == 0);
  fd = open("/data/abi-new", 0x10000000 /* O_WRONLY */ | 0x1000 /* O_CREAT */ | 0x4000 /* O_EXCL */, 0644);
  REQUIRE(fd >= 0 && close(fd) == 0);
  REQUIRE(open("/data/abi-new", 0x10000000 | 0x1000 | 0x4000, 0644) == -1);
  puts("files ok");
  return CHECK_DONE();
}
