// syslog without a daemon: each message is one line on stderr,
// "ident[pid]: text" (ident defaults to "syslog"; [pid] only with LOG_PID),
// written in a single write so lines from one program never interleave.
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

static const char *ident;
static int options;
static int mask = 0xff;

void openlog(const char *id, int opt, int facility) {
  (void)facility;
  ident = id;
  options = opt;
}

void closelog(void) {
  ident = NULL;
  options = 0;
}

int setlogmask(int m) {
  int old = mask;
  if (m) mask = m;
  return old;
}

void vsyslog(int pri, const char *fmt, va_list ap) {
  if (!(mask & LOG_MASK(LOG_PRI(pri)))) return;
  int saved = errno;  // %m must see the caller's errno
  char line[1024];
  int n;
  const char *id = ident ? ident : "syslog";
  if (options & LOG_PID)
    n = snprintf(line, sizeof line, "%s[%d]: ", id, (int)getpid());
  else
    n = snprintf(line, sizeof line, "%s: ", id);
  if (n < 0) return;
  errno = saved;
  int m = vsnprintf(line + n, sizeof line - n, fmt, ap);
  if (m < 0) return;
  size_t len = (size_t)n + (size_t)m;
  if (len > sizeof line - 2) len = sizeof line - 2;
  if (len == 0 || line[len - 1] != '\n') line[len++] = '\n';
  (void)!write(2, line, len);
  errno = saved;
}

void syslog(int pri, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsyslog(pri, fmt, ap);
  va_end(ap);
}
