// flockfile/ftrylockfile/funlockfile (src/stdio/flockfile.c) are declared by
// <stdio.h> without _REENTRANT and link: Lua's io library (liolib.c
// l_lockfile) calls them around getc_unlocked loops.  One thread, so the
// lock is always free; it must nest and never block.
//! stdin: ab\n
#include <stdio.h>
#include "check.h"

int main(void) {
  flockfile(stdin);
  CHECK(getc_unlocked(stdin) == 'a');
  CHECK(ftrylockfile(stdin) == 0);  // recursive: the owner may take it again
  CHECK(getc_unlocked(stdin) == 'b');
  funlockfile(stdin);
  funlockfile(stdin);
  CHECK(getc(stdin) == '\n');
  CHECK(getc(stdin) == EOF);

  flockfile(stdout);
  putc_unlocked('o', stdout);
  putc_unlocked('k', stdout);
  putc_unlocked('\n', stdout);
  funlockfile(stdout);
  return CHECK_DONE();
}
