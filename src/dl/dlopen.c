// Dynamic loading (<dlfcn.h>).  A component is a single statically linked
// module and WASI 0.2 offers no way to load or look up code at run time,
// so every call fails and dlerror() says why, once per failure as POSIX
// asks (the message is cleared by reading it).
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>

static char msg[160];
static int have_msg;

static void fail(const char *what, const char *name) {
  if (name) snprintf(msg, sizeof msg, "%s: %s", name, what);
  else snprintf(msg, sizeof msg, "%s", what);
  have_msg = 1;
}

void *dlopen(const char *file, int mode) {
  (void)mode;
  fail("dynamic loading is not supported on WASI 0.2 (a component is one statically linked module)",
       file ? file : "(main program)");
  return NULL;
}

void *dlsym(void *restrict handle, const char *restrict name) {
  (void)handle;
  fail("symbol not found: a WASI component does not export its symbols by name", name);
  return NULL;
}

int dlclose(void *handle) {
  (void)handle;
  fail("invalid handle: dlopen never returns one on WASI 0.2", NULL);
  return -1;
}

int dladdr(const void *addr, Dl_info *info) {
  (void)addr, (void)info;
  return 0;  // no object contains it (dladdr sets no dlerror message)
}

int dlinfo(void *handle, int request, void *arg) {
  (void)handle, (void)request, (void)arg;
  fail("invalid handle: dlopen never returns one on WASI 0.2", NULL);
  return -1;
}

char *dlerror(void) {
  if (!have_msg) return NULL;
  have_msg = 0;
  return msg;
}
