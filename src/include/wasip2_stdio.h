// The FILE layout of the top half (Debian's musl-based wasi-libc, built
// without threads: no lock fields) and what our stdio pieces share.  Only the
// objects that build a FILE (src/stdio/stdout.c, stdin.c, fdopen.c) and the
// write function they install (src/stdio/stdio_write.c) look inside one;
// every other stdio function is the top half's.  The offsets were read from
// the DWARF of the top half's stdout.o (sizeof 112); keep them identical.
#ifndef WASIP2_STDIO_H
#define WASIP2_STDIO_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include "wasip2_top.h"

struct __wasip2_file {
  unsigned flags;
  unsigned char *rpos, *rend;
  int (*close)(FILE *);
  unsigned char *wend, *wpos, *wbase;
  size_t (*read)(FILE *, unsigned char *, size_t);
  size_t (*write)(FILE *, const unsigned char *, size_t);
  off_t (*seek)(FILE *, off_t, int);
  unsigned char *buf;
  size_t buf_size;
  FILE *prev, *next;
  int fd;
  int mode;
  int lbf;            // '\n': line buffered; -1 (EOF): fully buffered
  void *cookie;
  off_t off;
  char *getln_buf;
  unsigned char *shend;
  off_t shlim, shcnt;
  struct __locale_struct *locale;
};

_Static_assert(sizeof(struct __wasip2_file) == 112, "FILE layout of the top half");
_Static_assert(offsetof(struct __wasip2_file, lbf) == 0x40, "FILE layout of the top half");
_Static_assert(offsetof(struct __wasip2_file, locale) == 0x68, "FILE layout of the top half");

// flag bits the top half uses
#define WASIP2_F_PERM 1
#define WASIP2_F_NORD 4
#define WASIP2_F_NOWR 8
#define WASIP2_F_EOF 16
#define WASIP2_F_ERR 32
#define WASIP2_F_SVB 64   // setvbuf was called: keep the buffering it chose
#define WASIP2_F_APP 128

// bytes kept before the buffer for ungetc, as the top half expects
#define WASIP2_UNGET 8
// Buffer of stdin, stdout and fopen'ed files: one blocking-write-and-flush
// takes at most 4096 bytes, so a full buffer is exactly one host call.
#define WASIP2_STDIO_BUFSIZ 4096

// The write function of our buffered FILEs (src/stdio/stdio_write.c).
size_t __wasip2_stdio_write(FILE *f, const unsigned char *s, size_t len);

// The standard FILEs (src/stdio/std{in,out,err}.c), under the names the
// top half's stdio uses for them; each __*_used is what the top half's
// exit-time flush (__stdio_exit) and freopen look at.
extern struct __wasip2_file __stdin_FILE, __stdout_FILE, __stderr_FILE;
extern FILE *volatile __stdin_used, *volatile __stdout_used, *volatile __stderr_used;
// A FILE over an open fd (src/stdio/fdopen.c): fdopen, and the top half's
// fopen and tmpfile.
FILE *__fdopen(int fd, const char *mode);

// the top half's
size_t __stdio_read(FILE *, unsigned char *, size_t);
off_t __stdio_seek(FILE *, off_t, int);
int __stdio_close(FILE *);
FILE *__ofl_add(FILE *);

#endif
