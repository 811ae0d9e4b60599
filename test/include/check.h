// Helpers shared by every C test (compiled for wasm32-wasip2 and, for the
// Linux-oracle tests and `//! native:` peers, with gcc): checks that report
// file, line, the failed condition and errno, and loopback socket helpers.
// Output is the same on both builds (no addresses, ports or times), so oracle
// runs compare it.  Every test under test/ includes this header and defines
// no CHECK of its own (test/build/check_header.test.mjs keeps it so).
//
//   CHECK(cond[, fmt, ...])     on failure print "FAIL file:line: cond (errno N: text) msg",
//                               count it and go on
//   REQUIRE(cond[, fmt, ...])   as CHECK, but exit(1) at once (later code depends on it)
//   OK(cond[, fmt, ...])        as CHECK, and print "ok msg" (or "ok cond") when it holds
//   CHECK_EQ(a, b[, fmt, ...])  a == b as integers; a failure prints both values
//   CHECK_ERRNO(call, E)        call returns -1 with errno E; a failure prints what it got
//   CHECK_ERRNO_NULL(call, E)   call returns NULL with errno E (fopen, opendir...)
//   CHECK_RET(call, v)          call returns v and leaves errno alone
//   CHECK_STR(a, b)             strcmp(a, b) == 0; a failure prints both strings
//   CHECK_SKIP(fmt, ...)        print "skip: msg" and exit 77: the harness reports a skip
//                               (the environment lacks something; nothing was checked)
//   return CHECK_DONE();        end of main: "passed: 0 failed" / "FAILED: N failed",
//                               status 1 if anything failed
//   check_failures              failures so far (for tests that report in their own words)
//   check_lo4/lo6(port), check_port(fd), check_listen(family, &port),
//   check_connect(family, port): loopback addresses and TCP sockets
//
// Message arguments start with a string literal ("fmt", ...).
#ifndef WASIP2_TEST_CHECK_H
#define WASIP2_TEST_CHECK_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

// Failed checks so far; CHECK_DONE() turns it into main's status.
static int check_failures __attribute__((unused));

// CHECK(cond) or CHECK(cond, "fmt", ...): on failure print
// "FAIL file:line: cond (errno N: text) [message]" and count it; go on.
#define CHECK(c, ...) \
  do { if (!(c)) { int e_ = errno; \
    printf("FAIL %s:%d: %s (errno %d: %s)", __FILE__, __LINE__, #c, e_, strerror(e_)); \
    check_note_(" " __VA_ARGS__); printf("\n"); check_failures++; errno = e_; } } while (0)
// REQUIRE: as CHECK, but a failure ends the test at once (exit 1), for
// checks later code depends on (a socket that must exist).
#define REQUIRE(c, ...) \
  do { int f_ = check_failures; CHECK(c, __VA_ARGS__); \
    if (f_ != check_failures) { fflush(stdout); exit(1); } } while (0)
// OK(cond) or OK(cond, "fmt", ...): as CHECK, and prints "ok fmt..." (or
// "ok cond" without a message) when it holds, for tests whose output lists
// what they checked.
#define OK(c, ...) do { int f_ = check_failures; CHECK(c, __VA_ARGS__); \
    if (f_ == check_failures) check_ok_(#c, " " __VA_ARGS__); } while (0)
// CHECK_EQ(a, b): compared as long long; a failure shows both values.
#define CHECK_EQ(a, b, ...) \
  do { long long a_ = (long long)(a), b_ = (long long)(b); if (a_ != b_) { \
    printf("FAIL %s:%d: %s == %s (%lld != %lld)", __FILE__, __LINE__, #a, #b, a_, b_); \
    check_note_(" " __VA_ARGS__); printf("\n"); check_failures++; } } while (0)
// CHECK_ERRNO(call, E): the call fails with -1 and sets errno to E.  errno is
// cleared first so a stale value cannot pass.
#define CHECK_ERRNO(call, E) \
  do { errno = 0; long r_ = (long)(call); int e_ = errno; if (r_ != -1 || e_ != (E)) { \
    printf("FAIL %s:%d: %s = %ld errno %d (%s), want -1 errno %s\n", __FILE__, __LINE__, \
           #call, r_, e_, strerror(e_), #E); check_failures++; } errno = e_; } while (0)
// CHECK_ERRNO_NULL(call, E): the pointer-returning call fails with NULL and errno E.
#define CHECK_ERRNO_NULL(call, E) \
  do { errno = 0; const void *p_ = (const void *)(call); int e_ = errno; if (p_ || e_ != (E)) { \
    printf("FAIL %s:%d: %s = %s errno %d (%s), want NULL errno %s\n", __FILE__, __LINE__, \
           #call, p_ ? "non-NULL" : "NULL", e_, strerror(e_), #E); check_failures++; } errno = e_; } while (0)
// CHECK_RET(call, v): the call returns v and does not touch errno (POSIX
// sets it only on failure); errno is primed with a value no call sets.
#define CHECK_RET(call, v) \
  do { errno = 4321; long r_ = (long)(call); int e_ = errno; if (r_ != (long)(v) || e_ != 4321) { \
    printf("FAIL %s:%d: %s = %ld errno %d, want %ld errno unchanged\n", __FILE__, __LINE__, \
           #call, r_, e_, (long)(v)); check_failures++; } } while (0)
// CHECK_STR(a, b): both strings equal (a NULL fails); a failure shows both.
#define CHECK_STR(a, b, ...) \
  do { const char *a_ = (a), *b_ = (b); if (!a_ || !b_ || strcmp(a_, b_)) { \
    printf("FAIL %s:%d: %s == %s (\"%s\" != \"%s\")", __FILE__, __LINE__, #a, #b, \
           a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
    check_note_(" " __VA_ARGS__); printf("\n"); check_failures++; } } while (0)
// CHECK_SKIP("why", ...): nothing can be checked here (a missing host
// feature); say so and end with status 77, which the harness reports as a
// skip with that reason (as a JS test's exit 77), never as a pass.
#define CHECK_SKIP(...) \
  do { printf("skip:"); check_note_(" " __VA_ARGS__); printf("\n"); fflush(stdout); exit(77); } while (0)
// End of main: prints a summary line and returns 0 only if nothing failed.
#define CHECK_DONE() \
  (printf("%s: %d failed\n", check_failures ? "FAILED" : "passed", check_failures), \
   check_failures ? 1 : 0)

static inline void check_note_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline void check_ok_(const char *cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
// fmt starts with the space CHECK puts before the caller's message.
static inline void check_note_(const char *fmt, ...) {
  if (!fmt[1]) return;
  va_list ap;
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
}
// "ok <message>", or "ok <cond>" when there is no message.
static inline void check_ok_(const char *cond, const char *fmt, ...) {
  printf("ok ");
  if (!fmt[1]) { printf("%s\n", cond); return; }
  va_list ap;
  va_start(ap, fmt);
  vprintf(fmt + 1, ap);
  va_end(ap);
  printf("\n");
}

// 127.0.0.1:port (port in host order).
static inline struct sockaddr_in check_lo4(int port) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((unsigned short)port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

// [::1]:port.
static inline struct sockaddr_in6 check_lo6(int port) {
  struct sockaddr_in6 a;
  memset(&a, 0, sizeof a);
  a.sin6_family = AF_INET6;
  a.sin6_port = htons((unsigned short)port);
  a.sin6_addr = in6addr_loopback;
  return a;
}

// Port (host order) a socket is bound to, -1 on error.
static inline int check_port(int fd) {
  struct sockaddr_storage ss;
  socklen_t n = sizeof ss;
  if (getsockname(fd, (struct sockaddr *)&ss, &n) != 0) return -1;
  if (ss.ss_family == AF_INET) return ntohs(((struct sockaddr_in *)&ss)->sin_port);
  if (ss.ss_family == AF_INET6) return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
  return -1;
}

// A TCP listener on the loopback of `family` (AF_INET or AF_INET6) at an
// ephemeral port; *port gets it.  -1 on error (errno from the failed call).
static inline int check_listen(int family, int *port) {
  int s = socket(family, SOCK_STREAM, 0);
  if (s < 0) return -1;
  int r;
  if (family == AF_INET6) { struct sockaddr_in6 a = check_lo6(0); r = bind(s, (struct sockaddr *)&a, sizeof a); }
  else { struct sockaddr_in a = check_lo4(0); r = bind(s, (struct sockaddr *)&a, sizeof a); }
  if (r != 0 || listen(s, 16) != 0) { int e = errno; close(s); errno = e; return -1; }
  if (port) *port = check_port(s);
  return s;
}

// A blocking TCP connection to the loopback of `family` at port.
static inline int check_connect(int family, int port) {
  int s = socket(family, SOCK_STREAM, 0);
  if (s < 0) return -1;
  int r;
  if (family == AF_INET6) { struct sockaddr_in6 a = check_lo6(port); r = connect(s, (struct sockaddr *)&a, sizeof a); }
  else { struct sockaddr_in a = check_lo4(port); r = connect(s, (struct sockaddr *)&a, sizeof a); }
  if (r != 0) { int e = errno; close(s); errno = e; return -1; }
  return s;
}

#endif
