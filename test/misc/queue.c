// <sys/queue.h>: every list kind through its operations, each state
// checked against the order queue(3) defines.  native_compare.test.mjs
// also builds this file with gcc against glibc's <sys/queue.h>, which must
// pass the same checks (macros glibc lacks, the _SAFE loops, REMOVE_AFTER,
// REPLACE, STAILQ_LAST, are only checked where they exist).
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>
#include "check.h"

static int checks;
static char buf[256];

static void expect(const char *what, const char *want) {
  checks++;
  CHECK_STR(buf, want, "%s", what);
}
#define DUMP(FOREACH, var, head, field) do { buf[0] = 0; FOREACH(var, head, field) \
  snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%d", (var)->v); } while (0)

struct sl { int v; SLIST_ENTRY(sl) e; };
SLIST_HEAD(slh, sl);
struct li { int v; LIST_ENTRY(li) e; };
LIST_HEAD(lih, li);
struct st { int v; STAILQ_ENTRY(st) e; };
STAILQ_HEAD(sth, st);
struct sq { int v; SIMPLEQ_ENTRY(sq) e; };
SIMPLEQ_HEAD(sqh, sq);
struct tq { int v; TAILQ_ENTRY(tq) e; };
TAILQ_HEAD(tqh, tq);
struct cq { int v; CIRCLEQ_ENTRY(cq) e; };
CIRCLEQ_HEAD(cqh, cq);

int main(void) {
  {
    struct slh h = SLIST_HEAD_INITIALIZER(h);
    struct sl n[6], *p;
    for (int i = 0; i < 6; i++) n[i].v = i;
    CHECK(SLIST_EMPTY(&h), "slist not empty");
    SLIST_INSERT_HEAD(&h, &n[1], e);
    SLIST_INSERT_HEAD(&h, &n[0], e);
    SLIST_INSERT_AFTER(&n[1], &n[3], e);
    SLIST_INSERT_AFTER(&n[1], &n[2], e);
    DUMP(SLIST_FOREACH, p, &h, e); expect("SLIST insert head/after", "0123");
    SLIST_REMOVE(&h, &n[2], sl, e); DUMP(SLIST_FOREACH, p, &h, e); expect("SLIST_REMOVE middle", "013");
    SLIST_REMOVE(&h, &n[0], sl, e); DUMP(SLIST_FOREACH, p, &h, e); expect("SLIST_REMOVE first", "13");
    SLIST_REMOVE_HEAD(&h, e); DUMP(SLIST_FOREACH, p, &h, e); expect("SLIST_REMOVE_HEAD", "3");
    CHECK(!(SLIST_FIRST(&h) != &n[3] || SLIST_NEXT(&n[3], e) != NULL), "slist first/next");
#ifdef SLIST_REMOVE_AFTER
    SLIST_INSERT_AFTER(&n[3], &n[4], e);
    SLIST_INSERT_AFTER(&n[4], &n[5], e);
    SLIST_REMOVE_AFTER(&n[3], e); DUMP(SLIST_FOREACH, p, &h, e); expect("SLIST_REMOVE_AFTER", "35");
#endif
#ifdef SLIST_FOREACH_SAFE
    struct sl *t;
    SLIST_FOREACH_SAFE(p, &h, e, t) SLIST_REMOVE(&h, p, sl, e);
    expect("SLIST_FOREACH_SAFE removing all", SLIST_EMPTY(&h) ? buf : "not empty");
#endif
    SLIST_INIT(&h);
    CHECK(SLIST_EMPTY(&h), "SLIST_INIT");
  }
  {
    struct lih h;
    struct li n[6], *p;
    for (int i = 0; i < 6; i++) n[i].v = i;
    LIST_INIT(&h);
    LIST_INSERT_HEAD(&h, &n[2], e);
    LIST_INSERT_HEAD(&h, &n[0], e);
    LIST_INSERT_AFTER(&n[0], &n[1], e);
    LIST_INSERT_AFTER(&n[2], &n[4], e);
    LIST_INSERT_BEFORE(&n[4], &n[3], e);
    DUMP(LIST_FOREACH, p, &h, e); expect("LIST insert head/after/before", "01234");
    LIST_REMOVE(&n[0], e); LIST_REMOVE(&n[4], e); LIST_REMOVE(&n[2], e);
    DUMP(LIST_FOREACH, p, &h, e); expect("LIST_REMOVE first/last/middle", "13");
    LIST_INSERT_BEFORE(&n[1], &n[5], e); DUMP(LIST_FOREACH, p, &h, e); expect("LIST_INSERT_BEFORE the first", "513");
#ifdef LIST_REPLACE
    LIST_REPLACE(&n[1], &n[2], e); DUMP(LIST_FOREACH, p, &h, e); expect("LIST_REPLACE", "523");
#endif
  }
  {
    struct sth h = STAILQ_HEAD_INITIALIZER(h);
    struct sth h2;
    struct st n[7], *p;
    for (int i = 0; i < 7; i++) n[i].v = i;
    STAILQ_INSERT_TAIL(&h, &n[2], e);
    STAILQ_INSERT_HEAD(&h, &n[1], e);
    STAILQ_INSERT_TAIL(&h, &n[4], e);
    STAILQ_INSERT_AFTER(&h, &n[2], &n[3], e);
    STAILQ_INSERT_AFTER(&h, &n[4], &n[5], e);
    STAILQ_INSERT_HEAD(&h, &n[0], e);
    DUMP(STAILQ_FOREACH, p, &h, e); expect("STAILQ insert head/tail/after", "012345");
    STAILQ_REMOVE_HEAD(&h, e); STAILQ_REMOVE(&h, &n[5], st, e); STAILQ_REMOVE(&h, &n[3], st, e);
    DUMP(STAILQ_FOREACH, p, &h, e); expect("STAILQ_REMOVE head/tail/middle", "124");
    STAILQ_INSERT_TAIL(&h, &n[6], e); DUMP(STAILQ_FOREACH, p, &h, e); expect("STAILQ_INSERT_TAIL after removing the tail", "1246");
#ifdef STAILQ_LAST
    CHECK(STAILQ_LAST(&h, st, e) == &n[6], "STAILQ_LAST");
#endif
    STAILQ_INIT(&h2);
    STAILQ_INSERT_TAIL(&h2, &n[0], e);
    STAILQ_INSERT_TAIL(&h2, &n[3], e);
    STAILQ_CONCAT(&h, &h2);
    DUMP(STAILQ_FOREACH, p, &h, e); expect("STAILQ_CONCAT", "124603");
    CHECK(STAILQ_EMPTY(&h2), "STAILQ_CONCAT leaves the second empty");
    STAILQ_INSERT_TAIL(&h, &n[5], e); DUMP(STAILQ_FOREACH, p, &h, e); expect("STAILQ_INSERT_TAIL after CONCAT", "1246035");
  }
  {
    struct sqh h = SIMPLEQ_HEAD_INITIALIZER(h);
    struct sq n[4], *p;
    for (int i = 0; i < 4; i++) n[i].v = i;
    SIMPLEQ_INSERT_TAIL(&h, &n[1], e);
    SIMPLEQ_INSERT_HEAD(&h, &n[0], e);
    SIMPLEQ_INSERT_AFTER(&h, &n[1], &n[3], e);
    SIMPLEQ_INSERT_AFTER(&h, &n[1], &n[2], e);
    DUMP(SIMPLEQ_FOREACH, p, &h, e); expect("SIMPLEQ inserts", "0123");
    SIMPLEQ_REMOVE(&h, &n[3], sq, e); SIMPLEQ_REMOVE_HEAD(&h, e);
    SIMPLEQ_INSERT_TAIL(&h, &n[0], e);
    DUMP(SIMPLEQ_FOREACH, p, &h, e); expect("SIMPLEQ remove tail/head, insert tail", "120");
  }
  {
    struct tqh h = TAILQ_HEAD_INITIALIZER(h), h2;
    struct tq n[8], *p;
    for (int i = 0; i < 8; i++) n[i].v = i;
    TAILQ_INSERT_TAIL(&h, &n[2], e);
    TAILQ_INSERT_HEAD(&h, &n[0], e);
    TAILQ_INSERT_AFTER(&h, &n[0], &n[1], e);
    TAILQ_INSERT_TAIL(&h, &n[4], e);
    TAILQ_INSERT_BEFORE(&n[4], &n[3], e);
    TAILQ_INSERT_AFTER(&h, &n[4], &n[5], e);
    DUMP(TAILQ_FOREACH, p, &h, e); expect("TAILQ inserts", "012345");
    buf[0] = 0;
    TAILQ_FOREACH_REVERSE(p, &h, tqh, e) snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%d", p->v);
    expect("TAILQ_FOREACH_REVERSE", "543210");
    CHECK(!(TAILQ_LAST(&h, tqh) != &n[5] || TAILQ_PREV(&n[3], tqh, e) != &n[2] || TAILQ_PREV(&n[0], tqh, e) != NULL ||
        TAILQ_FIRST(&h) != &n[0] || TAILQ_NEXT(&n[5], e) != NULL), "TAILQ LAST/PREV/FIRST/NEXT");
    TAILQ_REMOVE(&h, &n[5], e); TAILQ_REMOVE(&h, &n[0], e); TAILQ_REMOVE(&h, &n[3], e);
    DUMP(TAILQ_FOREACH, p, &h, e); expect("TAILQ_REMOVE last/first/middle", "124");
    CHECK(TAILQ_LAST(&h, tqh) == &n[4], "TAILQ_LAST after removing the last");
    TAILQ_INIT(&h2);
    TAILQ_INSERT_TAIL(&h2, &n[6], e);
    TAILQ_INSERT_TAIL(&h2, &n[7], e);
    TAILQ_CONCAT(&h, &h2, e);
    DUMP(TAILQ_FOREACH, p, &h, e); expect("TAILQ_CONCAT", "12467");
    buf[0] = 0;
    TAILQ_FOREACH_REVERSE(p, &h, tqh, e) snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%d", p->v);
    expect("reverse after CONCAT", "76421");
    CHECK(TAILQ_EMPTY(&h2), "TAILQ_CONCAT leaves the second empty");
#ifdef TAILQ_REPLACE
    TAILQ_REPLACE(&h, &n[7], &n[0], e);
    DUMP(TAILQ_FOREACH, p, &h, e); expect("TAILQ_REPLACE the last", "12460");
    CHECK(TAILQ_LAST(&h, tqh) == &n[0], "TAILQ_LAST after REPLACE");
#endif
#ifdef TAILQ_FOREACH_SAFE
    struct tq *t;
    TAILQ_FOREACH_SAFE(p, &h, e, t) if (p->v % 2 == 0) TAILQ_REMOVE(&h, p, e);
    DUMP(TAILQ_FOREACH, p, &h, e); expect("TAILQ_FOREACH_SAFE removing even values", "1");
#endif
  }
  {
    struct cqh h;
    struct cq n[6], *p;
    for (int i = 0; i < 6; i++) n[i].v = i;
    CIRCLEQ_INIT(&h);
    CHECK(CIRCLEQ_EMPTY(&h), "CIRCLEQ_EMPTY");
    CIRCLEQ_INSERT_HEAD(&h, &n[2], e);
    CIRCLEQ_INSERT_HEAD(&h, &n[0], e);
    CIRCLEQ_INSERT_TAIL(&h, &n[4], e);
    CIRCLEQ_INSERT_AFTER(&h, &n[0], &n[1], e);
    CIRCLEQ_INSERT_BEFORE(&h, &n[4], &n[3], e);
    CIRCLEQ_INSERT_AFTER(&h, &n[4], &n[5], e);
    DUMP(CIRCLEQ_FOREACH, p, &h, e); expect("CIRCLEQ inserts", "012345");
    DUMP(CIRCLEQ_FOREACH_REVERSE, p, &h, e); expect("CIRCLEQ_FOREACH_REVERSE", "543210");
    struct cq *first = &n[0], *last = &n[5];  // glibc's LOOP macros need a plain name
    CHECK(!(CIRCLEQ_LOOP_NEXT(&h, last, e) != first || CIRCLEQ_LOOP_PREV(&h, first, e) != last ||
        CIRCLEQ_FIRST(&h) != &n[0] || CIRCLEQ_LAST(&h) != &n[5]), "CIRCLEQ loop/first/last");
    CIRCLEQ_REMOVE(&h, &n[0], e); CIRCLEQ_REMOVE(&h, &n[5], e); CIRCLEQ_REMOVE(&h, &n[2], e);
    DUMP(CIRCLEQ_FOREACH, p, &h, e); expect("CIRCLEQ_REMOVE first/last/middle", "134");
    DUMP(CIRCLEQ_FOREACH_REVERSE, p, &h, e); expect("reverse after removes", "431");
    CIRCLEQ_REMOVE(&h, &n[1], e); CIRCLEQ_REMOVE(&h, &n[3], e); CIRCLEQ_REMOVE(&h, &n[4], e);
    CHECK(CIRCLEQ_EMPTY(&h), "CIRCLEQ empty after removing all");
  }
  printf("%d list states checked\n", checks);
  return CHECK_DONE();
}
