// readpassphrase(3) (OpenBSD; libbsd on Linux, which components cannot
// link).  OpenBSD reads from /dev/tty with echo off; a component has no
// /dev/tty and no termios, so the prompt goes to stderr and the line is read
// from stdin, byte by byte so nothing after the newline is consumed.  stdin
// is used only when it is a terminal or the caller passed RPP_STDIN: with
// RPP_REQUIRE_TTY and a non-terminal stdin the call fails with ENOTTY (what
// OpenBSD does when there is no tty), and without it a piped answer is read,
// as OpenBSD falls back to stdin.  Echo cannot be switched off.
#include <ctype.h>
#include <errno.h>
#include <readpassphrase.h>
#include <string.h>
#include <unistd.h>

char *readpassphrase(const char *prompt, char *buf, size_t bufsiz, int flags) {
  if (bufsiz == 0) {
    errno = EINVAL;
    return NULL;
  }
  if (!(flags & RPP_STDIN) && !isatty(STDIN_FILENO) && (flags & RPP_REQUIRE_TTY)) {
    errno = ENOTTY;
    return NULL;
  }
  if (prompt && *prompt && !(flags & RPP_STDIN))
    (void)write(STDERR_FILENO, prompt, strlen(prompt));

  size_t n = 0;
  for (;;) {
    char ch;
    ssize_t r = read(STDIN_FILENO, &ch, 1);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      int e = errno;
      explicit_bzero(buf, bufsiz);  // never leave half a secret behind
      errno = e;
      return NULL;
    }
    if (r == 0 || ch == '\n' || ch == '\r')
      break;
    if (n + 1 < bufsiz) {  // like OpenBSD: excess input is read and dropped
      if (flags & RPP_SEVENBIT)
        ch &= 0x7f;
      if (isalpha((unsigned char)ch)) {
        if (flags & RPP_FORCELOWER)
          ch = (char)tolower((unsigned char)ch);
        if (flags & RPP_FORCEUPPER)
          ch = (char)toupper((unsigned char)ch);
      }
      buf[n++] = ch;
    }
  }
  buf[n] = '\0';
  return buf;
}
