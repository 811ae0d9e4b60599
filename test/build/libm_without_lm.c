// Math lives in libc.a (as in Debian's wasi-libc), so sin() links without -lm.
#include <math.h>
#include <stdio.h>
#include "check.h"

int main(void) {
    volatile double x = 0.5;
    double s = sin(x), c = cos(x);
    printf("sin(0.5)=%.6f cos(0.5)=%.6f\n", s, c);
    if (fabs(s * s + c * c - 1.0) > 1e-12) return 1;
    if (fabs(s - 0.479426) > 1e-6) return 2;
    printf("ok\n");
    return 0;
}
//! stdout-contains: sin(0.5)=0.479426
