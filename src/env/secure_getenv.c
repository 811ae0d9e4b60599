// secure_getenv: getenv, since a component never runs with privileges its
// environment's author lacks (no set-user-ID, no capabilities to gain).
#define _GNU_SOURCE
#include <stdlib.h>

char *secure_getenv(const char *name) {
  return getenv(name);
}
