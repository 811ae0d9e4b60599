/* wasip2-libc: <sys/fcntl.h> is <fcntl.h>, silently, as on Linux (glibc); musl's
 * copy warns, which breaks -Werror builds of code written for Linux. */
#include <fcntl.h>
