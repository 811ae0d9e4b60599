// fds 0-2 cost no host call until used: the fd table reserves them and the
// stdio streams are fetched on first read, write or poll.  Modes (argv[1]),
// run by stdio_calls.test.mjs with --count-calls:
//   open        open + fstat + close of /data/f, nothing else
//   stdout      one write(1) only
//   open-write  open + close of /data/f, then one write(1)
// Without an argument (the harness): /data/f is made and every mode's work
// runs once, checking the fd numbers (the first file is fd 3: 0-2 stay
// reserved) and that fstat(0) and fcntl(1, F_GETFL) answer without a stream.
//! dir: /data
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static int open_fstat_close(void) {
  int fd = open("/data/f", O_RDONLY);
  struct stat st;
  int ok = fd == 3 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  return close(fd) == 0 && ok;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  if (!strcmp(mode, "open")) return open_fstat_close() ? 0 : 1;
  if (!strcmp(mode, "stdout")) return write(1, "x\n", 2) == 2 ? 0 : 1;
  if (!strcmp(mode, "open-write")) {
    int fd = open("/data/f", O_RDONLY);
    int ok = fd == 3 && close(fd) == 0;
    return ok && write(1, "x\n", 2) == 2 ? 0 : 1;
  }
  int fd = open("/data/f", O_CREAT | O_WRONLY, 0644);
  REQUIRE(fd == 3, "the first file is fd 3 (fd %d)", fd);
  close(fd);
  OK(open_fstat_close(), "open + fstat + close of a file: fd 3");
  struct stat st;
  OK(fstat(0, &st) == 0 && S_ISCHR(st.st_mode), "fstat(0): a character device");
  OK((fcntl(1, F_GETFL) & O_ACCMODE) == O_WRONLY, "fcntl(1, F_GETFL): write-only");
  int d = dup(2);
  OK(d == 3, "dup(2) is fd 3");
  close(d);
  return CHECK_DONE();
}
