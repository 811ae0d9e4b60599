// Locale lookup for the top half's setlocale/newlocale, replacing Debian's
// locale_map.o (see tools/replaced-members.txt), which accepted every name
// and so made setlocale(LC_ALL, "fr_FR") "succeed" without providing it.
//
// setlocale.o and newlocale.o stay; both ask __get_locale(category, name)
// for a category's locale map: NULL means the byte-oriented C locale, a
// pointer a map, and (const void *)-1 failure, which they turn into a NULL /
// (locale_t)0 return without changing anything.  The only locales this
// library has are:
//   "C", "POSIX"             -> the C locale (NULL map; MB_CUR_MAX 1)
//   "C.UTF-8" (also C.utf8, C.UTF8, C.utf-8)
//                            -> the top half's built-in C.UTF-8 map, for every
//                               category, so setlocale reports "C.UTF-8"
//   ""                       -> the first non-empty of $LC_ALL, $LC_<CATEGORY>,
//                               $LANG, resolved as above; when all are unset
//                               or empty, C.UTF-8 (the top half's default)
// Any other name fails.  No map has message catalogues, so __lctrans_impl
// (translation through a map) is the kept __lctrans.o's weak identity.
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_top.h"

// struct __locale_map stays opaque here: we only hand out the built-in one.

#define LOC_MAP_FAILED ((const struct __locale_map *)-1)

// Environment variable for each category, indexed like the top half's
// categories (LC_CTYPE 0 ... LC_MESSAGES 5).
static const char *const category_var[] = {
  [LC_CTYPE] = "LC_CTYPE", [LC_NUMERIC] = "LC_NUMERIC", [LC_TIME] = "LC_TIME",
  [LC_COLLATE] = "LC_COLLATE", [LC_MONETARY] = "LC_MONETARY", [LC_MESSAGES] = "LC_MESSAGES",
};

static const char *from_env(int cat) {
  const char *v = getenv("LC_ALL");
  if (v && *v) return v;
  if (cat >= 0 && cat < (int)(sizeof category_var / sizeof *category_var) && category_var[cat]) {
    v = getenv(category_var[cat]);
    if (v && *v) return v;
  }
  v = getenv("LANG");
  if (v && *v) return v;
  return "C.UTF-8";
}

static int ieq(const char *a, const char *b) {
  for (; *a && *b; a++, b++) {
    char x = *a >= 'A' && *a <= 'Z' ? *a + 32 : *a;
    char y = *b >= 'A' && *b <= 'Z' ? *b + 32 : *b;
    if (x != y) return 0;
  }
  return *a == *b;
}

const struct __locale_map *__get_locale(int cat, const char *name) {
  if (!*name) name = from_env(cat);
  if (!strcmp(name, "C") || !strcmp(name, "POSIX")) return NULL;
  if (name[0] == 'C' && name[1] == '.' && (ieq(name + 2, "UTF-8") || ieq(name + 2, "UTF8")))
    return &__c_dot_utf8;
  return LOC_MAP_FAILED;
}
