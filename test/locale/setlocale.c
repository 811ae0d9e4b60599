// setlocale/newlocale provide only C, POSIX and C.UTF-8 and say so: any
// other name returns NULL and leaves the locale alone; "" follows
// LC_ALL / LC_<category> / LANG, defaulting to C.UTF-8 (src/locale/locale_map.c).
#define _GNU_SOURCE
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "check.h"

static int is(const char *got, const char *want) { return got && !strcmp(got, want); }

int main(void) {
  // Programs start in the C locale (byte characters).
  CHECK(is(setlocale(LC_ALL, NULL), "C"));
  CHECK(MB_CUR_MAX == 1);

  // Locales we do not have fail, and change nothing.
  CHECK(setlocale(LC_ALL, "fr_FR.UTF-8") == NULL);
  CHECK(setlocale(LC_ALL, "en_US") == NULL);
  CHECK(setlocale(LC_CTYPE, "de_DE") == NULL);
  CHECK(setlocale(LC_ALL, "C.ISO-8859-1") == NULL);
  CHECK(is(setlocale(LC_ALL, NULL), "C"));
  printf("unknown locales: NULL\n");

  CHECK(is(setlocale(LC_ALL, "C.UTF-8"), "C.UTF-8"));
  CHECK(is(setlocale(LC_ALL, NULL), "C.UTF-8"));
  CHECK(MB_CUR_MAX == 4);
  CHECK(is(nl_langinfo(CODESET), "UTF-8"));
  wchar_t wc = 0;
  CHECK(mbtowc(&wc, "\xc3\xa9", 2) == 2 && wc == 0xe9);
  // A failed switch keeps the UTF-8 locale.
  CHECK(setlocale(LC_ALL, "xx_XX.UTF-8") == NULL && MB_CUR_MAX == 4);

  CHECK(is(setlocale(LC_ALL, "POSIX"), "C"));
  CHECK(MB_CUR_MAX == 1);
  CHECK(is(setlocale(LC_CTYPE, "C.utf8"), "C.UTF-8") && MB_CUR_MAX == 4);
  CHECK(is(setlocale(LC_ALL, "C"), "C") && MB_CUR_MAX == 1);
  printf("C, POSIX, C.UTF-8, C.utf8: ok\n");

  // "" reads the environment (which starts empty here).
  unsetenv("LC_ALL"); unsetenv("LC_CTYPE"); unsetenv("LANG");
  CHECK(is(setlocale(LC_ALL, ""), "C.UTF-8"));
  setenv("LANG", "C", 1);
  CHECK(is(setlocale(LC_ALL, ""), "C"));
  setenv("LC_CTYPE", "C.UTF-8", 1);
  CHECK(is(setlocale(LC_CTYPE, ""), "C.UTF-8") && MB_CUR_MAX == 4);
  setenv("LANG", "en_US.UTF-8", 1);
  CHECK(setlocale(LC_ALL, "") == NULL);  // LC_NUMERIC etc. come from LANG
  setenv("LC_ALL", "POSIX", 1);
  CHECK(is(setlocale(LC_ALL, ""), "C"));
  printf("\"\" from LC_ALL / LC_* / LANG: ok\n");

  // newlocale uses the same lookup.
  locale_t l = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
  CHECK(l != (locale_t)0);
  if (l) freelocale(l);
  CHECK(newlocale(LC_ALL_MASK, "ja_JP.UTF-8", (locale_t)0) == (locale_t)0);
  CHECK(newlocale(LC_CTYPE_MASK, "C", (locale_t)0) != (locale_t)0);
  printf("newlocale: ok\n");

  if (check_failures) return 1;
  printf("setlocale ok\n");
  return CHECK_DONE();
}
