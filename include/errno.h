/* wasip2-libc: Debian's <errno.h> (the WASI preview1 numbering, 1-76, which
 * upstream wasi-libc's wasm32-wasip2 objects use too) plus every other
 * errno name Linux defines (asm-generic/errno*.h), so code written for Linux
 * compiles: EHOSTDOWN, ESHUTDOWN, ESOCKTNOSUPPORT... They take the values
 * after the last WASI one (ENOTCAPABLE, 76), in Linux's order, and strerror
 * knows each (src/errno/strerror.c).  No WASI call reports these conditions;
 * this library returns the few that name a real case (socket() with a type
 * it cannot make fails with ESOCKTNOSUPPORT, as Linux). */
#ifndef __WASIP2_ERRNO_H
#define __WASIP2_ERRNO_H
#include_next <errno.h>

/* Objects built with -pthread (atomics on) would reach a thread_local errno
 * through real TLS, but libc.a's errno is a plain global: with the
 * cooperative threads of -pthread (src/thread/coop) one wasm thread runs at
 * a time and the scheduler switches errno per thread.  Such objects reach
 * it through a function instead. */
#ifdef __wasm_atomics__
#ifdef __cplusplus
extern "C"
#endif
int *__wasip2_errno_location(void);
#undef errno
#define errno (*__wasip2_errno_location())
#endif

#ifndef EHOSTDOWN
#define ENOTBLK          77
#define ECHRNG           78
#define EL2NSYNC         79
#define EL3HLT           80
#define EL3RST           81
#define ELNRNG           82
#define EUNATCH          83
#define ENOCSI           84
#define EL2HLT           85
#define EBADE            86
#define EBADR            87
#define EXFULL           88
#define ENOANO           89
#define EBADRQC          90
#define EBADSLT          91
#define EBFONT           92
#define ENOSTR           93
#define ENODATA          94
#define ETIME            95
#define ENOSR            96
#define ENONET           97
#define ENOPKG           98
#define EREMOTE          99
#define EADV             100
#define ESRMNT           101
#define ECOMM            102
#define EDOTDOT          103
#define ENOTUNIQ         104
#define EBADFD           105
#define EREMCHG          106
#define ELIBACC          107
#define ELIBBAD          108
#define ELIBSCN          109
#define ELIBMAX          110
#define ELIBEXEC         111
#define ERESTART         112
#define ESTRPIPE         113
#define EUSERS           114
#define ESOCKTNOSUPPORT  115
#define EPFNOSUPPORT     116
#define ESHUTDOWN        117
#define ETOOMANYREFS     118
#define EHOSTDOWN        119
#define EUCLEAN          120
#define ENOTNAM          121
#define ENAVAIL          122
#define EISNAM           123
#define EREMOTEIO        124
#define ENOMEDIUM        125
#define EMEDIUMTYPE      126
#define ENOKEY           127
#define EKEYEXPIRED      128
#define EKEYREVOKED      129
#define EKEYREJECTED     130
#define ERFKILL          131
#define EHWPOISON        132
#define EDEADLOCK EDEADLK
#endif
#endif
