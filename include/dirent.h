/* wasip2-libc: Debian's <dirent.h> plus what upstream's wasm32-wasip2 header
 * adds: DT_SOCK (upstream's 20, not Linux's 12: objects built with either
 * SDK compare d_type with the same number) and POSIX 2024's posix_dent. */
#ifndef _WASIP2_DIRENT_H
#define _WASIP2_DIRENT_H
#include_next <dirent.h>

#ifndef DT_SOCK
#define DT_SOCK 20
#endif

#ifndef __wasip2_defined_posix_dent
#define __wasip2_defined_posix_dent
typedef unsigned short reclen_t;
struct posix_dent {
  ino_t d_ino;
  off_t d_off;
  reclen_t d_reclen;
  unsigned char d_type;
  char d_name[];
};
#endif
#endif
