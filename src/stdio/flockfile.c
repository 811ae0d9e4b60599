// flockfile(3), ftrylockfile, funlockfile: POSIX stream locking.  Debian's
// top half is built without threads, so it ships none of them (its <stdio.h>
// declares them only under _REENTRANT), yet programs call them
// unconditionally -- Lua's io library wraps every line read in
// flockfile/getc_unlocked/funlockfile.  A WASI 0.2 component has exactly one
// thread, so no other thread can ever hold a stream: taking the lock always
// succeeds at once and releasing it has nothing to do.
#include <stdio.h>

void flockfile(FILE *f) { (void)f; }

// 0 = the lock was acquired (it always is: nobody else can hold it).
int ftrylockfile(FILE *f) {
  (void)f;
  return 0;
}

void funlockfile(FILE *f) { (void)f; }
