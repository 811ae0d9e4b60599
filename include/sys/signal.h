/* wasip2-libc: <sys/signal.h> is <signal.h>. */
#include <signal.h>
