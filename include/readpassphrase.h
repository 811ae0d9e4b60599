/* wasip2-libc <readpassphrase.h>: readpassphrase(3) as OpenBSD declares it
 * (src/bsd/readpassphrase.c). A component has no /dev/tty and no termios:
 * the prompt goes to stderr and the answer comes from stdin, and only when
 * stdin is a terminal or RPP_STDIN is given; with RPP_REQUIRE_TTY and a
 * non-terminal stdin it fails with ENOTTY, as OpenBSD does without a tty.
 * Echo cannot be turned off (RPP_ECHO_OFF is accepted, not enforced). */
#ifndef _READPASSPHRASE_H_
#define _READPASSPHRASE_H_
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif

#define RPP_ECHO_OFF    0x00  /* Turn off echo (default). */
#define RPP_ECHO_ON     0x01  /* Leave echo on. */
#define RPP_REQUIRE_TTY 0x02  /* Fail if there is no tty. */
#define RPP_FORCELOWER  0x04  /* Force input to lower case. */
#define RPP_FORCEUPPER  0x08  /* Force input to upper case. */
#define RPP_SEVENBIT    0x10  /* Strip the high bit from input. */
#define RPP_STDIN       0x20  /* Read from stdin, not /dev/tty */

char *readpassphrase(const char *, char *, size_t, int);

#ifdef __cplusplus
}
#endif
#endif
