// <dlfcn.h>: nothing can be loaded into a component.  dlopen fails (NULL)
// and dlerror says why, once (reading it clears it, as POSIX says); dlsym
// finds nothing, also with RTLD_DEFAULT and RTLD_NEXT; dlclose fails.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

int main(void) {
  OK(dlerror() == NULL, "no error before any call");
  void *h = dlopen("libz.so.1", RTLD_NOW | RTLD_LOCAL);
  OK(h == NULL, "dlopen(\"libz.so.1\") fails");
  const char *e = dlerror();
  OK(e && strstr(e, "libz.so.1") && strstr(e, "not supported"), "dlerror names the file and the reason: %s", e ? e : "(null)");
  OK(dlerror() == NULL, "reading the message cleared it");
  OK(dlopen(NULL, RTLD_LAZY) == NULL && dlerror() != NULL, "dlopen(NULL) (the main program) fails too, with a message");
  OK(dlsym(RTLD_DEFAULT, "printf") == NULL, "dlsym(RTLD_DEFAULT, \"printf\") is NULL");
  e = dlerror();
  OK(e && strstr(e, "printf"), "  dlerror: %s", e ? e : "(null)");
  OK(dlsym(RTLD_NEXT, "malloc") == NULL && dlerror() != NULL, "dlsym(RTLD_NEXT, \"malloc\") is NULL");
  OK(dlclose(NULL) != 0 && dlerror() != NULL, "dlclose fails with a message");
  Dl_info info;
  OK(dladdr((void *)main, &info) == 0, "dladdr knows no object");
  return CHECK_DONE();
}
