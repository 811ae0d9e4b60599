/* wasip2-libc: <sys/errno.h> is <errno.h>, silently, as on Linux (glibc); musl's
 * copy warns, which breaks -Werror builds of code written for Linux. */
#include <errno.h>
