// Every library name a Makefile may pass links: they are empty archives and the code
// is in libc.a. Long double printf needs Debian's -lc-printscan-long-double (copied over).
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

int main(void) {
    volatile double x = 2.0;
    printf("sqrt(2)=%.5f pow(2,10)=%.0f\n", sqrt(x), pow(x, 10.0));
    char buf[64];
    snprintf(buf, sizeof buf, "%Lg", (long double)1.5);
    printf("long double: %s\n", buf);
    return strcmp(buf, "1.5") == 0 ? 0 : 1;
}
//! cflags: -lc-printscan-long-double -lm -lpthread -lrt -ldl -lsetjmp -lutil -lxnet -lresolv -lcrypt -lwasi-emulated-getpid -lwasi-emulated-mman -lwasi-emulated-process-clocks -lwasi-emulated-signal
//! stdout-contains: sqrt(2)=1.41421 pow(2,10)=1024
