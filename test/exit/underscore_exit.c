// _exit(2) ends the program with its status at once: atexit handlers do not
// run and stdio buffers are not flushed (POSIX).  It used to be a link error:
// Debian's _exit lived in the _Exit.o member we drop.
//! exit: 5
//! stdout-contains: before _exit
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
// If the handler ran, the status would be 9, not 5.
static void bye(void) { const char *m = "FAIL atexit ran\n"; write(1, m, strlen(m)); _Exit(9); }
int main(void) {
  atexit(bye);
  const char *m = "before _exit\n";
  write(1, m, strlen(m));
  printf("FAIL buffered stdio was flushed");   // no newline: stays in the buffer
  _exit(5);
}
