/* hello.c: the wasip2-libc demo (`make demo`).
 * Prints its arguments and a few environment variables, then reads stdin if any. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

extern char **environ;

int main(int argc, char **argv) {
    printf("Hello from a WASI 0.2 component built with wasip2-libc!\n");
    printf("argc = %d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("  argv[%d] = \"%s\"\n", i, argv[i]);

    int n = 0;
    for (char **e = environ; e && *e; e++)
        n++;
    printf("%d environment variables", n);
    const char *who = getenv("HELLO_FROM");
    if (who)
        printf(", HELLO_FROM=%s", who);
    printf("\n");

    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) == 0)
        printf("wall clock: %lld s since the epoch\n", (long long)ts.tv_sec);

    return 0;
}
