// __wasip2_malloc, __wasip2_calloc, __wasip2_realloc, __wasip2_free: the
// allocator the bottom half uses for its own state (descriptions, per-kind
// state, preopen and cwd names, the fd table, argv, host-returned lists).
//
// The top half's dlmalloc is about 11 KB of code.  A program that never
// calls malloc/free itself (and links nothing of libc that does) should not
// carry it just because open() needs a few small blocks, so these reach
// malloc and friends through weak references only: when anything else in
// the link pulls in an allocator (dlmalloc, or the program's own malloc),
// every call goes there and memory the library hands out (getcwd(NULL),
// realpath, ...) is free()-able as always.  Otherwise the same calls are
// served by a small power-of-two block allocator on sbrk: one free list per
// size class, blocks are reused and never coalesced.  Which one serves is
// fixed at link time, so the two never see each other's blocks.
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "wasip2_runtime.h"

// weak in this object only: <stdlib.h> has the prototypes
#pragma weak malloc
#pragma weak calloc
#pragma weak realloc
#pragma weak free

// Every block starts with a 16-byte header (keeps the payload aligned to 16
// like malloc's) holding its class while allocated, its free-list link while
// free.  Class c holds payloads of up to 2^c bytes.
#define HDR 16u
#define MIN_CLASS 4
#define MAX_CLASS 30   // 1 GiB: header + block + alignment stay below INTPTR_MAX for sbrk

union hdr {
  union hdr *next;
  unsigned cls;
  char pad[HDR];
};

static union hdr *free_list[MAX_CLASS + 1];

// one copy of the block finder, not one inlined into each entry point
__attribute__((noinline)) static void *small_alloc(size_t n) {
  int c = MIN_CLASS;
  while (c <= MAX_CLASS && ((size_t)1 << c) < n) c++;
  if (c > MAX_CLASS) { errno = ENOMEM; return NULL; }
  union hdr *h = free_list[c];
  if (h) {
    free_list[c] = h->next;
  } else {
    // sbrk's break need not be 16-aligned (another caller may move it)
    uintptr_t cur = (uintptr_t)sbrk(0);
    size_t skip = (HDR - (cur & (HDR - 1))) & (HDR - 1);
    char *p = sbrk((intptr_t)(skip + HDR + ((size_t)1 << c)));
    if (p == (char *)-1) { errno = ENOMEM; return NULL; }
    h = (union hdr *)(p + skip);
  }
  h->cls = (unsigned)c;
  return h + 1;
}

static void small_free(void *p) {
  union hdr *h = (union hdr *)p - 1;
  unsigned c = h->cls;
  h->next = free_list[c];
  free_list[c] = h;
}

void *__wasip2_malloc(size_t n) {
  if (malloc) return malloc(n);
  return small_alloc(n);
}

void *__wasip2_calloc(size_t n, size_t size) {
  if (calloc) return calloc(n, size);
  if (size && n > SIZE_MAX / size) { errno = ENOMEM; return NULL; }
  void *p = small_alloc(n * size);
  // a reused block holds old data
  if (p) memset(p, 0, n * size);
  return p;
}

void *__wasip2_realloc(void *p, size_t n) {
  if (malloc) {
    // a program with a malloc of its own but no realloc: cannot grow
    if (!realloc) { errno = ENOMEM; return NULL; }
    return realloc(p, n);
  }
  if (!p) return small_alloc(n);
  size_t cap = (size_t)1 << ((union hdr *)p - 1)->cls;
  if (n <= cap) return p;
  void *q = small_alloc(n);
  if (!q) return NULL;
  memcpy(q, p, cap);
  small_free(p);
  return q;
}

void __wasip2_free(void *p) {
  if (malloc) {
    if (free) free(p);
    return;
  }
  if (p) small_free(p);
}

char *__wasip2_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = __wasip2_malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}
