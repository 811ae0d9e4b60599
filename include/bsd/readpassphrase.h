/* wasip2-libc <bsd/readpassphrase.h>: libbsd's path for <readpassphrase.h>. */
#include <readpassphrase.h>
