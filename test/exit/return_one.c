// Returning 1 from main gives status 1 on every host: wasip2-run reports the
// status crt1 recorded, other hosts report err as 1.  (Other statuses:
// test/exit/exit_codes.test.mjs.)
//! exit: 1
#include "check.h"
int main(void) { return 1; }
