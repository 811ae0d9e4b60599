// Interfaces.  WASI 0.2 names no network interfaces, but every component
// has loopback (127.0.0.1 and ::1 are always reachable), and Linux always
// lists it: one interface, "lo", index 1.  Unknown names are ENODEV and
// unknown indexes ENXIO, as glibc reports them.
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>

unsigned int if_nametoindex(const char *name) {
  if (name && strcmp(name, "lo") == 0) return 1;
  errno = ENODEV;
  return 0;
}

char *if_indextoname(unsigned int index, char *buf) {
  if (index != 1) { errno = ENXIO; return NULL; }
  if (!buf) { errno = EFAULT; return NULL; }
  memcpy(buf, "lo", 3);
  return buf;
}

// One allocation: the entry, the terminating {0, NULL} entry, the name.
struct if_nameindex *if_nameindex(void) {
  struct if_nameindex *v = malloc(2 * sizeof *v + 3);
  if (!v) { errno = ENOBUFS; return NULL; }
  char *name = (char *)(v + 2);
  memcpy(name, "lo", 3);
  v[0] = (struct if_nameindex){ 1, name };
  v[1] = (struct if_nameindex){ 0, NULL };
  return v;
}

void if_freenameindex(struct if_nameindex *p) {
  free(p);
}
