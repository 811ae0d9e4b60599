// cuserid: the login name of the (one) user, as getpwuid(geteuid()) has it;
// with a NULL buffer, a static one of L_cuserid bytes.
#define _GNU_SOURCE
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *cuserid(char *buf) {
  static char own[L_cuserid];
  struct passwd *pw = getpwuid(geteuid());
  if (!buf) buf = own;
  if (!pw || strlen(pw->pw_name) >= L_cuserid) {
    buf[0] = 0;
    return buf == own ? NULL : buf;
  }
  strcpy(buf, pw->pw_name);
  return buf;
}
