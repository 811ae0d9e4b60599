/* wasip2-libc <fts.h>: walk file hierarchies (BSD/glibc fts(3)) over our
 * directory and stat calls.  Constants and the FTS/FTSENT fields are
 * glibc's.  Differences: fts never changes the working directory (every
 * walk behaves as with FTS_NOCHDIR: fts_accpath is the same path as
 * fts_path), and each entry keeps its own fts_path for as long as the
 * entry lives (not only until the next fts_read).  FTS_WHITEOUT is
 * accepted and has no effect (no union mounts). */
#ifndef _FTS_H
#define _FTS_H

#ifdef __cplusplus
extern "C" {
#endif

#include <features.h>
#include <sys/types.h>
#include <sys/stat.h>

typedef struct _ftsent FTSENT;

typedef struct {
	FTSENT *fts_cur;       /* the entry fts_read returned last */
	FTSENT *fts_child;     /* the list fts_children built */
	FTSENT **fts_array;    /* scratch array for sorting */
	dev_t fts_dev;         /* device of the root (FTS_XDEV) */
	char *fts_path;        /* unused: each entry owns its path */
	int fts_rfd;           /* unused: fts never changes directory */
	int fts_pathlen;
	int fts_nitems;        /* size of fts_array */
	int (*fts_compar)(const FTSENT **, const FTSENT **);
	int fts_options;
} FTS;

#define FTS_COMFOLLOW 0x0001
#define FTS_LOGICAL   0x0002
#define FTS_NOCHDIR   0x0004
#define FTS_NOSTAT    0x0008
#define FTS_PHYSICAL  0x0010
#define FTS_SEEDOT    0x0020
#define FTS_XDEV      0x0040
#define FTS_WHITEOUT  0x0080
#define FTS_OPTIONMASK 0x00ff
#define FTS_NAMEONLY  0x0100
#define FTS_STOP      0x0200

struct _ftsent {
	struct _ftsent *fts_cycle;  /* the ancestor a FTS_DC entry repeats */
	struct _ftsent *fts_parent;
	struct _ftsent *fts_link;   /* next sibling */
	long fts_number;            /* free for the caller */
	void *fts_pointer;          /* free for the caller */
	char *fts_accpath;          /* path to open it by (= fts_path) */
	char *fts_path;             /* root-relative path */
	int fts_errno;
	int fts_symfd;
	unsigned short fts_pathlen;
	unsigned short fts_namelen;
	ino_t fts_ino;
	dev_t fts_dev;
	nlink_t fts_nlink;
#define FTS_ROOTPARENTLEVEL -1
#define FTS_ROOTLEVEL 0
	short fts_level;
#define FTS_D        1  /* directory, preorder */
#define FTS_DC       2  /* directory that repeats an ancestor */
#define FTS_DEFAULT  3  /* none of the others */
#define FTS_DNR      4  /* directory that cannot be read */
#define FTS_DOT      5  /* "." or ".." (FTS_SEEDOT) */
#define FTS_DP       6  /* directory, postorder */
#define FTS_ERR      7  /* error (fts_errno) */
#define FTS_F        8  /* regular file */
#define FTS_INIT     9
#define FTS_NS      10  /* stat failed (fts_errno) */
#define FTS_NSOK    11  /* not stat'ed (FTS_NOSTAT, FTS_NAMEONLY) */
#define FTS_SL      12  /* symbolic link */
#define FTS_SLNONE  13  /* symbolic link to nothing */
#define FTS_W       14  /* whiteout */
	unsigned short fts_info;
#define FTS_DONTCHDIR 0x01
#define FTS_SYMFOLLOW 0x02
	unsigned short fts_flags;
#define FTS_AGAIN    1
#define FTS_FOLLOW   2
#define FTS_NOINSTR  3
#define FTS_SKIP     4
	unsigned short fts_instr;
	struct stat *fts_statp;
	char fts_name[1];
};

FTS *fts_open(char *const *, int, int (*)(const FTSENT **, const FTSENT **));
FTSENT *fts_read(FTS *);
FTSENT *fts_children(FTS *, int);
int fts_set(FTS *, FTSENT *, int);
int fts_close(FTS *);

#ifdef __cplusplus
}
#endif
#endif
