// __h_errno_location: the address of h_errno, the function upstream
// wasi-libc's <netdb.h> reads h_errno through, so an object built with its
// headers links here and sees the resolver's h_errno.
#include <netdb.h>

int *__h_errno_location(void) { return &h_errno; }
