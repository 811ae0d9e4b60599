// fts(3): walk file hierarchies over opendir/readdir/stat/lstat, with the
// BSD/glibc visiting order: a directory comes in preorder (FTS_D), then
// its children (sorted by the caller's compar, else in readdir order),
// then again in postorder (FTS_DP).  Live entries are the current one, its
// remaining siblings, its ancestors and theirs; each is freed when the walk
// moves past it.  fts never changes the working directory (paths are
// opened whole), so FTS_NOCHDIR is always in effect and fts_accpath is
// fts_path.
#include <dirent.h>
#include <errno.h>
#include <fts.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define BREAD  1  // children for the walk: stat each; cur becomes DP/DNR
#define BCHILD 2  // children for fts_children: stat each, cur unchanged
#define BNAMES 3  // names only (fts_children with FTS_NAMEONLY)

// One allocation per entry: the struct with its name, its struct stat,
// then its path.
static FTSENT *alloc_entry(const char *parent, size_t plen, const char *name, size_t nlen) {
  size_t head = offsetof(FTSENT, fts_name) + nlen + 1;
  head = (head + _Alignof(struct stat) - 1) & ~(_Alignof(struct stat) - 1);
  int slash = plen && parent[plen - 1] != '/';
  size_t pathlen = plen + slash + nlen;
  if (pathlen > 0xffff || nlen > 0xffff) {
    errno = ENAMETOOLONG;
    return NULL;
  }
  FTSENT *p = calloc(1, head + sizeof(struct stat) + pathlen + 1);
  if (!p) return NULL;
  memcpy(p->fts_name, name, nlen);
  p->fts_namelen = (unsigned short)nlen;
  p->fts_statp = (struct stat *)((char *)p + head);
  p->fts_path = (char *)p->fts_statp + sizeof(struct stat);
  memcpy(p->fts_path, parent, plen);
  if (slash) p->fts_path[plen] = '/';
  memcpy(p->fts_path + plen + slash, name, nlen);
  p->fts_pathlen = (unsigned short)pathlen;
  p->fts_accpath = p->fts_path;
  p->fts_instr = FTS_NOINSTR;
  p->fts_symfd = -1;
  return p;
}

static void free_list(FTSENT *p) {
  while (p) {
    FTSENT *next = p->fts_link;
    free(p);
    p = next;
  }
}

static int is_dot(const char *name) {
  return name[0] == '.' && (!name[1] || (name[1] == '.' && !name[2]));
}

// Classify p from stat/lstat, following symlinks when asked.
static unsigned short stat_entry(FTS *sp, FTSENT *p, int follow) {
  struct stat *st = p->fts_statp;
  int saved = errno;
  p->fts_errno = 0;
  if (sp->fts_options & FTS_LOGICAL || follow) {
    if (stat(p->fts_accpath, st)) {
      int err = errno;
      if (err == ENOENT && !lstat(p->fts_accpath, st)) {
        errno = saved;
        return FTS_SLNONE;  // a link to nothing
      }
      p->fts_errno = err;
      memset(st, 0, sizeof *st);
      errno = saved;
      return FTS_NS;
    }
  } else if (lstat(p->fts_accpath, st)) {
    p->fts_errno = errno;
    memset(st, 0, sizeof *st);
    errno = saved;
    return FTS_NS;
  }
  p->fts_dev = st->st_dev;
  p->fts_ino = st->st_ino;
  p->fts_nlink = st->st_nlink;
  if (S_ISDIR(st->st_mode)) {
    if (is_dot(p->fts_name) && p->fts_level > FTS_ROOTLEVEL) return FTS_DOT;
    for (FTSENT *t = p->fts_parent; t && t->fts_level >= FTS_ROOTLEVEL; t = t->fts_parent) {
      if (t->fts_dev == p->fts_dev && t->fts_ino == p->fts_ino) {
        p->fts_cycle = t;
        return FTS_DC;
      }
    }
    return FTS_D;
  }
  if (S_ISLNK(st->st_mode)) return FTS_SL;
  if (S_ISREG(st->st_mode)) return FTS_F;
  return FTS_DEFAULT;
}

// qsort hands compar pointers to the array's FTSENT * elements, which is
// what its const FTSENT ** parameters are.
static int sort_list(FTS *sp, FTSENT **head, size_t n) {
  if (!sp->fts_compar || n < 2) return 0;
  if (n > (size_t)sp->fts_nitems) {
    FTSENT **a = realloc(sp->fts_array, n * sizeof *a);
    if (!a) return -1;
    sp->fts_array = a;
    sp->fts_nitems = (int)n;
  }
  size_t i = 0;
  for (FTSENT *p = *head; p; p = p->fts_link) sp->fts_array[i++] = p;
  qsort(sp->fts_array, n, sizeof *sp->fts_array,
        (int (*)(const void *, const void *))sp->fts_compar);
  for (i = 0; i + 1 < n; i++) sp->fts_array[i]->fts_link = sp->fts_array[i + 1];
  sp->fts_array[n - 1]->fts_link = NULL;
  *head = sp->fts_array[0];
  return 0;
}

// The children of directory cur, or NULL: empty (cur becomes FTS_DP when
// traversing), unreadable (FTS_DNR), or out of memory (FTS_ERR).
static FTSENT *build(FTS *sp, FTSENT *cur, int type) {
  DIR *d = opendir(cur->fts_accpath);
  if (!d) {
    if (type == BREAD) {
      cur->fts_info = FTS_DNR;
      cur->fts_errno = errno;
    }
    return NULL;
  }
  FTSENT *head = NULL, **tail = &head;
  size_t n = 0;
  int saved = errno;
  struct dirent *de;
  for (;;) {
    errno = 0;
    if (!(de = readdir(d))) break;
    if (!(sp->fts_options & FTS_SEEDOT) && is_dot(de->d_name)) continue;
    FTSENT *p = alloc_entry(cur->fts_path, cur->fts_pathlen, de->d_name, strlen(de->d_name));
    if (!p) {
      int err = errno;
      free_list(head);
      closedir(d);
      cur->fts_info = FTS_ERR;
      cur->fts_errno = errno = err;
      sp->fts_options |= FTS_STOP;
      return NULL;
    }
    p->fts_level = cur->fts_level + 1;
    p->fts_parent = cur;
    if (type == BNAMES) {
      p->fts_info = FTS_NSOK;
    } else if (sp->fts_options & FTS_NOSTAT && de->d_type != DT_DIR && de->d_type != DT_UNKNOWN &&
               !(de->d_type == DT_LNK && sp->fts_options & FTS_LOGICAL)) {
      // Not a directory by its type: no stat needed to walk on.
      p->fts_info = FTS_NSOK;
    } else {
      p->fts_info = stat_entry(sp, p, 0);
    }
    *tail = p;
    tail = &p->fts_link;
    n++;
  }
  if (errno) cur->fts_errno = errno;  // readdir failed part way: what we have, and why
  else errno = saved;
  closedir(d);
  if (!n) {
    if (type == BREAD && cur->fts_info == FTS_D) cur->fts_info = FTS_DP;
    return NULL;
  }
  if (sort_list(sp, &head, n)) {
    free_list(head);
    cur->fts_info = FTS_ERR;
    cur->fts_errno = errno;
    sp->fts_options |= FTS_STOP;
    return NULL;
  }
  return head;
}

// A root becomes the current entry: from now on its name is its last
// component (BSD and glibc do the same; "/" stays "/", "d/" becomes "").
static void load_root(FTS *sp, FTSENT *p) {
  char *slash = strrchr(p->fts_name, '/');
  if (slash && (slash != p->fts_name || slash[1])) {
    size_t len = strlen(slash + 1);
    memmove(p->fts_name, slash + 1, len + 1);
    p->fts_namelen = (unsigned short)len;
  }
  sp->fts_dev = p->fts_dev;
}

FTS *fts_open(char *const *argv, int options, int (*compar)(const FTSENT **, const FTSENT **)) {
  if (!argv || options & ~FTS_OPTIONMASK) {
    errno = EINVAL;
    return NULL;
  }
  FTS *sp = calloc(1, sizeof *sp);
  if (!sp) return NULL;
  sp->fts_compar = compar;
  sp->fts_options = options;
  if (options & FTS_LOGICAL) sp->fts_options |= FTS_NOCHDIR;
  sp->fts_rfd = -1;
  FTSENT *parent = alloc_entry("", 0, "", 0);
  if (!parent) goto fail;
  parent->fts_level = FTS_ROOTPARENTLEVEL;
  FTSENT *roots = NULL, **tail = &roots;
  size_t n = 0;
  for (; *argv; argv++) {
    size_t len = strlen(*argv);
    if (!len) {
      errno = ENOENT;  // as BSD and glibc: an empty root fails the open
      goto fail_roots;
    }
    // The root's name is its whole path, as given, until it is visited.
    FTSENT *p = alloc_entry("", 0, *argv, len);
    if (!p) goto fail_roots;
    p->fts_level = FTS_ROOTLEVEL;
    p->fts_parent = parent;
    p->fts_info = stat_entry(sp, p, options & FTS_COMFOLLOW);
    *tail = p;
    tail = &p->fts_link;
    n++;
  }
  if (sort_list(sp, &roots, n)) goto fail_roots;
  // The walk starts from a placeholder whose next sibling is the first root.
  sp->fts_cur = alloc_entry("", 0, "", 0);
  if (!sp->fts_cur) goto fail_roots;
  sp->fts_cur->fts_link = roots;
  sp->fts_cur->fts_info = FTS_INIT;
  sp->fts_cur->fts_level = FTS_ROOTLEVEL;
  sp->fts_cur->fts_parent = parent;
  if (roots) sp->fts_dev = roots->fts_dev;
  return sp;
fail_roots:
  free_list(roots);
  free(parent);
fail:
  free(sp->fts_array);
  free(sp);
  return NULL;
}

FTSENT *fts_read(FTS *sp) {
  FTSENT *p = sp->fts_cur, *tmp;
  if (!p || sp->fts_options & FTS_STOP) return NULL;
  int instr = p->fts_instr;
  p->fts_instr = FTS_NOINSTR;

  if (instr == FTS_AGAIN) {
    p->fts_info = stat_entry(sp, p, 0);
    return p;
  }
  if (instr == FTS_FOLLOW && (p->fts_info == FTS_SL || p->fts_info == FTS_SLNONE)) {
    p->fts_info = stat_entry(sp, p, 1);
    if (p->fts_info == FTS_D) p->fts_flags |= FTS_SYMFOLLOW;
    return p;
  }
  if (p->fts_info == FTS_D) {
    // Skipped, or on another device under FTS_XDEV: straight to postorder.
    if (instr == FTS_SKIP || (sp->fts_options & FTS_XDEV && p->fts_dev != sp->fts_dev)) {
      free_list(sp->fts_child);
      sp->fts_child = NULL;
      p->fts_info = FTS_DP;
      return p;
    }
    // fts_children may have read only the names: read them again.
    if (sp->fts_child && sp->fts_options & FTS_NAMEONLY) {
      sp->fts_options &= ~FTS_NAMEONLY;
      free_list(sp->fts_child);
      sp->fts_child = NULL;
    }
    if (!sp->fts_child && !(sp->fts_child = build(sp, p, BREAD))) {
      if (sp->fts_options & FTS_STOP) return NULL;
      return p;  // empty (now FTS_DP) or unreadable (FTS_DNR)
    }
    p = sp->fts_child;
    sp->fts_child = NULL;
    goto found;
  }

next:
  tmp = p;
  if ((p = p->fts_link)) {
    free(tmp);
    if (p->fts_level == FTS_ROOTLEVEL) {
      load_root(sp, p);
      return sp->fts_cur = p;
    }
    // The caller may have marked a sibling through fts_children.
    if (p->fts_instr == FTS_SKIP) goto next;
    if (p->fts_instr == FTS_FOLLOW) {
      p->fts_info = stat_entry(sp, p, 1);
      if (p->fts_info == FTS_D) p->fts_flags |= FTS_SYMFOLLOW;
      p->fts_instr = FTS_NOINSTR;
    }
  found:
    return sp->fts_cur = p;
  }
  // No more siblings: the parent, in postorder.
  p = tmp->fts_parent;
  free(tmp);
  if (p->fts_level == FTS_ROOTPARENTLEVEL) {
    free(p);
    errno = 0;  // the end, not an error
    return sp->fts_cur = NULL;
  }
  p->fts_info = p->fts_errno ? FTS_ERR : FTS_DP;
  return sp->fts_cur = p;
}

FTSENT *fts_children(FTS *sp, int instr) {
  if (instr && instr != FTS_NAMEONLY) {
    errno = EINVAL;
    return NULL;
  }
  FTSENT *p = sp->fts_cur;
  errno = 0;
  if (!p || sp->fts_options & FTS_STOP) return NULL;
  if (p->fts_info == FTS_INIT) return p->fts_link;  // before the first fts_read: the roots
  if (p->fts_info != FTS_D) return NULL;            // not a directory: no children, errno 0
  free_list(sp->fts_child);
  if (instr == FTS_NAMEONLY) sp->fts_options |= FTS_NAMEONLY;
  else sp->fts_options &= ~FTS_NAMEONLY;
  sp->fts_child = build(sp, p, instr == FTS_NAMEONLY ? BNAMES : BCHILD);
  return sp->fts_child;
}

int fts_set(FTS *sp, FTSENT *p, int instr) {
  (void)sp;
  if (instr != 0 && instr != FTS_AGAIN && instr != FTS_FOLLOW && instr != FTS_NOINSTR && instr != FTS_SKIP) {
    errno = EINVAL;
    return 1;
  }
  p->fts_instr = (unsigned short)(instr ? instr : FTS_NOINSTR);
  return 0;
}

int fts_close(FTS *sp) {
  FTSENT *p = sp->fts_cur;
  if (p) {
    // Walk to the root parent: siblings first, then up.
    while (p->fts_level >= FTS_ROOTLEVEL) {
      FTSENT *f = p;
      p = p->fts_link ? p->fts_link : p->fts_parent;
      free(f);
    }
    free(p);
  }
  free_list(sp->fts_child);
  free(sp->fts_array);
  free(sp);
  return 0;
}
