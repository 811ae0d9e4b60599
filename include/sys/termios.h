/* wasip2-libc <sys/termios.h>: the old BSD/glibc spelling of <termios.h>. */
#include <termios.h>
