/* wasip2-libc: <sys/poll.h> is <poll.h>, silently, as on Linux (glibc); musl's
 * copy warns, which breaks -Werror builds of code written for Linux. */
#include <poll.h>
