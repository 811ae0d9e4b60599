// gai_strerror gives glibc's texts: Linux programs and their test suites compare them
// (hiredis's suite matches the text of a failed lookup). Each code's text is printed, so
// the Linux-oracle test compares them with glibc line by line.
// oracle: linux
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

int main(void) {
  static const struct { int code; const char *name; } codes[] = {
    { EAI_BADFLAGS, "EAI_BADFLAGS" }, { EAI_NONAME, "EAI_NONAME" }, { EAI_AGAIN, "EAI_AGAIN" },
    { EAI_FAIL, "EAI_FAIL" }, { EAI_FAMILY, "EAI_FAMILY" }, { EAI_SOCKTYPE, "EAI_SOCKTYPE" },
    { EAI_SERVICE, "EAI_SERVICE" }, { EAI_MEMORY, "EAI_MEMORY" }, { EAI_SYSTEM, "EAI_SYSTEM" },
    // (EAI_OVERFLOW: glibc has no text, "Unknown error"; ours says "Argument buffer overflow")
  };
  for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
    const char *t = gai_strerror(codes[i].code);
    printf("%s: %s\n", codes[i].name, t ? t : "(null)");
    CHECK(t && *t && strcmp(t, "Unknown error") != 0, "%s", codes[i].name);
  }
  // the text a failed lookup of a name nobody has produces, as hiredis reports it
  struct addrinfo hints, *res;
  memset(&hints, 0, sizeof hints);
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICHOST;
  int r = getaddrinfo("not-a-number.invalid", "80", &hints, &res);
  printf("AI_NUMERICHOST with a name: %s\n", r ? gai_strerror(r) : "resolved");
  CHECK(r == EAI_NONAME);
  return CHECK_DONE();
}
