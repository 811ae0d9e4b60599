/* Open-flag and clock constants must be usable in #if (gzip's util.c has
 * `#if defined F_SETFL && O_NONBLOCK && defined EAGAIN`; gnulib does the like).
 * Debian's headers spelled them as casts of WASI constants: a compile error
 * here.  At run time they must still carry the WASI values the library uses. */
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <wasi/api.h>
#include "check.h"

#if !(O_APPEND && O_DSYNC && O_NONBLOCK && O_RSYNC && O_SYNC)
#error status flags not usable in #if
#endif
#if !(O_CREAT && O_DIRECTORY && O_EXCL && O_TRUNC && O_NDELAY)
#error creation flags not usable in #if
#endif
#if O_NONBLOCK & O_APPEND || (O_CREAT | O_EXCL) != 0x5000 || !TIMER_ABSTIME
#error flag values wrong
#endif

int main(void) {
    struct { const char *name; long got, want; } t[] = {
        {"O_APPEND", O_APPEND, __WASI_FDFLAGS_APPEND},
        {"O_DSYNC", O_DSYNC, __WASI_FDFLAGS_DSYNC},
        {"O_NONBLOCK", O_NONBLOCK, __WASI_FDFLAGS_NONBLOCK},
        {"O_RSYNC", O_RSYNC, __WASI_FDFLAGS_RSYNC},
        {"O_SYNC", O_SYNC, __WASI_FDFLAGS_SYNC},
        {"O_CREAT", O_CREAT, __WASI_OFLAGS_CREAT << 12},
        {"O_DIRECTORY", O_DIRECTORY, __WASI_OFLAGS_DIRECTORY << 12},
        {"O_EXCL", O_EXCL, __WASI_OFLAGS_EXCL << 12},
        {"O_TRUNC", O_TRUNC, __WASI_OFLAGS_TRUNC << 12},
        {"TIMER_ABSTIME", TIMER_ABSTIME, __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME},
    };
    for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++) {
        printf("%-13s %#lx %s\n", t[i].name, t[i].got, t[i].got == t[i].want ? "ok" : "WRONG");
        CHECK(t[i].got == t[i].want, "%s", t[i].name);
    }
    return CHECK_DONE();
}
