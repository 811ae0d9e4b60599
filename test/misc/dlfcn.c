// <dlfcn.h>: nothing can be loaded into a component.  dlopen fails (NULL)
// and dlerror says why, once (reading it clears it, as POSIX says); dlsym
// finds nothing, also with RTLD_DEFAULT and RTLD_NEXT; dlclose fails.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static int failures;
#define CHECK(cond, ...) do { if (cond) printf("ok   " __VA_ARGS__); else { printf("FAIL " __VA_ARGS__); failures++; } printf("\n"); } while (0)

int main(void) {
  CHECK(dlerror() == NULL, "no error before any call");
  void *h = dlopen("libz.so.1", RTLD_NOW | RTLD_LOCAL);
  CHECK(h == NULL, "dlopen(\"libz.so.1\") fails");
  const char *e = dlerror();
  CHECK(e && strstr(e, "libz.so.1") && strstr(e, "not supported"), "dlerror names the file and the reason: %s", e ? e : "(null)");
  CHECK(dlerror() == NULL, "reading the message cleared it");
  CHECK(dlopen(NULL, RTLD_LAZY) == NULL && dlerror() != NULL, "dlopen(NULL) (the main program) fails too, with a message");
  CHECK(dlsym(RTLD_DEFAULT, "printf") == NULL, "dlsym(RTLD_DEFAULT, \"printf\") is NULL");
  e = dlerror();
  CHECK(e && strstr(e, "printf"), "  dlerror: %s", e ? e : "(null)");
  CHECK(dlsym(RTLD_NEXT, "malloc") == NULL && dlerror() != NULL, "dlsym(RTLD_NEXT, \"malloc\") is NULL");
  CHECK(dlclose(NULL) != 0 && dlerror() != NULL, "dlclose fails with a message");
  Dl_info info;
  CHECK(dladdr((void *)main, &info) == 0, "dladdr knows no object");
  printf("%s\n", failures ? "FAILED" : "all dlfcn checks passed");
  return failures != 0;
}
