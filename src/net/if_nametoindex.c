// Interfaces: WASI 0.2 exposes none, so every name is unknown (ENXIO).
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>

unsigned int if_nametoindex(const char *name) {
  (void)name;
  errno = ENXIO;
  return 0;
}

char *if_indextoname(unsigned int index, char *buf) {
  (void)index; (void)buf;
  errno = ENXIO;
  return NULL;
}

struct if_nameindex *if_nameindex(void) {
  return calloc(1, sizeof(struct if_nameindex));
}

void if_freenameindex(struct if_nameindex *p) {
  free(p);
}
