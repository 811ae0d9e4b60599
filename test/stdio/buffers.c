// stdio buffering of fopen'ed files and of stdout (src/stdio/stdio_write.c,
// fdopen.c, stdout.c): every byte arrives once and in order, whatever mix of
// fputc, fwrite (small, exactly a buffer, several buffers), fprintf, fflush,
// fseek, setvbuf and "a" mode; a fully buffered file is written in whole
// 4096-byte buffers (nothing reaches the file before the first buffer is
// full, then exactly one buffer); a line-buffered stream writes at each
// newline; errors show up in ferror; fdopen checks the fd and its mode.  Linux (glibc's 4096-byte st_blksize
// buffers) behaves the same: test/stdio/buffers.test.mjs compares both.
//! dir: /data
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static const char *dir = "/data";
static char path[256];

static long size_of(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

// the whole file, read back with read() (no stdio in between)
static char *slurp(const char *p, long *len) {
  int fd = open(p, O_RDONLY);
  if (fd < 0) return NULL;
  char *buf = malloc(1 << 20);
  long n = 0;
  ssize_t r;
  while ((r = read(fd, buf + n, (1 << 20) - n)) > 0) n += r;
  close(fd);
  *len = n;
  return buf;
}

int main(int argc, char **argv) {
  if (argc > 1) dir = argv[1];
  static char expect[300000];
  long elen = 0;

  // 1. a mix of calls; the file is checked byte for byte
  snprintf(path, sizeof path, "%s/mix.txt", dir);
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  for (int i = 0; i < 5000; i++) {           // small pieces: 5000 x 1..3 bytes
    fputc('a' + i % 26, f);
    expect[elen++] = 'a' + i % 26;
    if (i % 7 == 0) { fputs("\n", f); expect[elen++] = '\n'; }
  }
  static char block[20000];
  for (int i = 0; i < (int)sizeof block; i++) block[i] = (char)(i * 31 + 7);
  CHECK(fwrite(block, 1, 4096, f) == 4096);  // exactly one buffer
  memcpy(expect + elen, block, 4096); elen += 4096;
  CHECK(fwrite(block, 1, sizeof block, f) == sizeof block); // several buffers at once
  memcpy(expect + elen, block, sizeof block); elen += sizeof block;
  for (int i = 0; i < 3000; i++) {
    int n = fprintf(f, "line %d of the mix\n", i);
    elen += sprintf(expect + elen, "line %d of the mix\n", i);
    if (n <= 0) { CHECK(n > 0); break; }
  }
  CHECK(fflush(f) == 0);
  CHECK(size_of(path) == elen);              // fflush wrote all of it
  CHECK(fwrite("tail", 1, 4, f) == 4);
  memcpy(expect + elen, "tail", 4); elen += 4;
  CHECK(fclose(f) == 0);
  long got;
  char *data = slurp(path, &got);
  CHECK(data && got == elen && memcmp(data, expect, elen) == 0);
  free(data);

  // 2. whole buffers: nothing before 4096 bytes, then exactly 4096
  snprintf(path, sizeof path, "%s/blocks.txt", dir);
  f = fopen(path, "w");
  for (int i = 0; i < 4095; i++) fputc('x', f);
  CHECK(size_of(path) == 0);
  fputc('y', f);                             // the buffer is full now, not yet written
  CHECK(size_of(path) == 0);
  fputc('z', f);                             // one byte more: one buffer goes out
  CHECK(size_of(path) == 4096);
  for (int i = 0; i < 4095; i++) fputc('w', f);
  CHECK(size_of(path) == 4096);
  fputc('v', f);
  CHECK(size_of(path) == 8192);
  CHECK(fclose(f) == 0);
  CHECK(size_of(path) == 8193);

  // 3. fseek flushes; reading back through the same FILE ("w+")
  snprintf(path, sizeof path, "%s/seek.txt", dir);
  f = fopen(path, "w+");
  fputs("hello, world", f);
  CHECK(fseek(f, 7, SEEK_SET) == 0);
  fputs("there", f);
  rewind(f);
  char line[64] = "";
  CHECK(fgets(line, sizeof line, f) && strcmp(line, "hello, there") == 0);
  fclose(f);

  // 4. "a" appends after what is there
  f = fopen(path, "a");
  fputs("!\n", f);
  fclose(f);
  data = slurp(path, &got);
  CHECK(data && got == 14 && memcmp(data, "hello, there!\n", 14) == 0);
  free(data);

  // 5. line buffering (setvbuf _IOLBF): each newline writes what came before it
  snprintf(path, sizeof path, "%s/lines.txt", dir);
  f = fopen(path, "w");
  CHECK(setvbuf(f, NULL, _IOLBF, 0) == 0);
  fputs("one", f);
  CHECK(size_of(path) == 0);
  fputs(" two\nthree", f);
  CHECK(size_of(path) == 8);
  fputs("\n", f);
  CHECK(size_of(path) == 14);
  fclose(f);

  // 6. unbuffered (_IONBF) and a small user buffer: every byte still arrives
  snprintf(path, sizeof path, "%s/small.txt", dir);
  f = fopen(path, "w");
  static char small[100];
  CHECK(setvbuf(f, small, _IOFBF, sizeof small) == 0);
  for (int i = 0; i < 1000; i++) fprintf(f, "%03d", i);
  fclose(f);
  CHECK(size_of(path) == 3000);
  f = fopen(path, "r");
  int okseq = 1;
  for (int i = 0; i < 1000; i++) { int v; if (fscanf(f, "%3d", &v) != 1 || v != i) { okseq = 0; break; } }
  CHECK(okseq);
  fclose(f);
  f = fopen(path, "w");
  CHECK(setvbuf(f, NULL, _IONBF, 0) == 0);
  fputs("abc", f);
  CHECK(size_of(path) == 3);
  fprintf(f, "%d-%s", 42, "x");
  CHECK(size_of(path) == 7);
  fclose(f);

  // 7. a write error is reported (a pipe nobody reads: EPIPE), and fdopen
  // refuses a mode the fd's access mode does not allow (EINVAL, as glibc)
  signal(SIGPIPE, SIG_IGN);
  int p[2];
  CHECK(pipe(p) == 0);
  close(p[0]);
  f = fdopen(p[1], "w");
  CHECK(f != NULL);
  if (f) {
    for (int i = 0; i < 5000; i++) fputc('e', f);
    CHECK(ferror(f));
    CHECK(fclose(f) == EOF);
  }
  snprintf(path, sizeof path, "%s/mix.txt", dir);
  int fd = open(path, O_RDONLY);
  errno = 0;
  CHECK(fdopen(fd, "w") == NULL && errno == EINVAL);
  close(fd);
  errno = 0;
  CHECK(fdopen(-1, "r") == NULL && errno == EBADF);
  f = fopen(path, "r");
  CHECK(fputc('e', f) == EOF && ferror(f));
  fclose(f);

  // 8. stdout: bytes in order through its buffer, large and small writes mixed
  printf("stdout start\n");
  for (int i = 0; i < 300; i++) printf("%d,", i);
  fwrite(block, 1, 10, stdout);
  printf("\nstdout end\n");
  return CHECK_DONE();
}
