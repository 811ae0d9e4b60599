/* wasip2-libc <sys/queue.h>: the BSD intrusive list macros (singly-linked
 * lists SLIST, doubly-linked lists LIST, singly-linked tail queues STAILQ
 * and their older name SIMPLEQ, tail queues TAILQ, circular queues
 * CIRCLEQ), with the field names and semantics of the BSD and glibc
 * manuals (queue(3)).  Header only: no function behind them. */
#ifndef _SYS_QUEUE_H
#define _SYS_QUEUE_H

#define __QUEUE_OFFSETOF(type, field) __builtin_offsetof(type, field)

/* ---- singly-linked list: head -> a -> b -> NULL */
#define SLIST_HEAD(name, type) struct name { struct type *slh_first; }
#define SLIST_HEAD_INITIALIZER(head) { 0 }
#define SLIST_ENTRY(type) struct { struct type *sle_next; }

#define SLIST_FIRST(head) ((head)->slh_first)
#define SLIST_END(head) 0
#define SLIST_EMPTY(head) (SLIST_FIRST(head) == 0)
#define SLIST_NEXT(elm, field) ((elm)->field.sle_next)

#define SLIST_FOREACH(var, head, field) \
	for ((var) = SLIST_FIRST(head); (var); (var) = SLIST_NEXT(var, field))
#define SLIST_FOREACH_SAFE(var, head, field, tvar) \
	for ((var) = SLIST_FIRST(head); \
	     (var) && ((tvar) = SLIST_NEXT(var, field), 1); (var) = (tvar))

#define SLIST_INIT(head) do { SLIST_FIRST(head) = 0; } while (0)
#define SLIST_INSERT_HEAD(head, elm, field) do { \
	SLIST_NEXT(elm, field) = SLIST_FIRST(head); \
	SLIST_FIRST(head) = (elm); \
} while (0)
#define SLIST_INSERT_AFTER(slistelm, elm, field) do { \
	SLIST_NEXT(elm, field) = SLIST_NEXT(slistelm, field); \
	SLIST_NEXT(slistelm, field) = (elm); \
} while (0)
#define SLIST_REMOVE_HEAD(head, field) do { \
	SLIST_FIRST(head) = SLIST_NEXT(SLIST_FIRST(head), field); \
} while (0)
#define SLIST_REMOVE_AFTER(elm, field) do { \
	SLIST_NEXT(elm, field) = SLIST_NEXT(SLIST_NEXT(elm, field), field); \
} while (0)
#define SLIST_REMOVE(head, elm, type, field) do { \
	if (SLIST_FIRST(head) == (elm)) { \
		SLIST_REMOVE_HEAD(head, field); \
	} else { \
		struct type *__qcur = SLIST_FIRST(head); \
		while (SLIST_NEXT(__qcur, field) != (elm)) \
			__qcur = SLIST_NEXT(__qcur, field); \
		SLIST_REMOVE_AFTER(__qcur, field); \
	} \
} while (0)

/* ---- doubly-linked list: each element knows the pointer that points at it */
#define LIST_HEAD(name, type) struct name { struct type *lh_first; }
#define LIST_HEAD_INITIALIZER(head) { 0 }
#define LIST_ENTRY(type) struct { struct type *le_next; struct type **le_prev; }

#define LIST_FIRST(head) ((head)->lh_first)
#define LIST_END(head) 0
#define LIST_EMPTY(head) (LIST_FIRST(head) == 0)
#define LIST_NEXT(elm, field) ((elm)->field.le_next)

#define LIST_FOREACH(var, head, field) \
	for ((var) = LIST_FIRST(head); (var); (var) = LIST_NEXT(var, field))
#define LIST_FOREACH_SAFE(var, head, field, tvar) \
	for ((var) = LIST_FIRST(head); \
	     (var) && ((tvar) = LIST_NEXT(var, field), 1); (var) = (tvar))

#define LIST_INIT(head) do { LIST_FIRST(head) = 0; } while (0)
#define LIST_INSERT_HEAD(head, elm, field) do { \
	if ((LIST_NEXT(elm, field) = LIST_FIRST(head)) != 0) \
		LIST_FIRST(head)->field.le_prev = &LIST_NEXT(elm, field); \
	LIST_FIRST(head) = (elm); \
	(elm)->field.le_prev = &LIST_FIRST(head); \
} while (0)
#define LIST_INSERT_AFTER(listelm, elm, field) do { \
	if ((LIST_NEXT(elm, field) = LIST_NEXT(listelm, field)) != 0) \
		LIST_NEXT(listelm, field)->field.le_prev = &LIST_NEXT(elm, field); \
	LIST_NEXT(listelm, field) = (elm); \
	(elm)->field.le_prev = &LIST_NEXT(listelm, field); \
} while (0)
#define LIST_INSERT_BEFORE(listelm, elm, field) do { \
	(elm)->field.le_prev = (listelm)->field.le_prev; \
	LIST_NEXT(elm, field) = (listelm); \
	*(listelm)->field.le_prev = (elm); \
	(listelm)->field.le_prev = &LIST_NEXT(elm, field); \
} while (0)
#define LIST_REMOVE(elm, field) do { \
	if (LIST_NEXT(elm, field) != 0) \
		LIST_NEXT(elm, field)->field.le_prev = (elm)->field.le_prev; \
	*(elm)->field.le_prev = LIST_NEXT(elm, field); \
} while (0)
#define LIST_REPLACE(elm, elm2, field) do { \
	if ((LIST_NEXT(elm2, field) = LIST_NEXT(elm, field)) != 0) \
		LIST_NEXT(elm2, field)->field.le_prev = &LIST_NEXT(elm2, field); \
	(elm2)->field.le_prev = (elm)->field.le_prev; \
	*(elm2)->field.le_prev = (elm2); \
} while (0)

/* ---- singly-linked tail queue: the head also points at the last link */
#define STAILQ_HEAD(name, type) struct name { struct type *stqh_first; struct type **stqh_last; }
#define STAILQ_HEAD_INITIALIZER(head) { 0, &(head).stqh_first }
#define STAILQ_ENTRY(type) struct { struct type *stqe_next; }

#define STAILQ_FIRST(head) ((head)->stqh_first)
#define STAILQ_END(head) 0
#define STAILQ_EMPTY(head) (STAILQ_FIRST(head) == 0)
#define STAILQ_NEXT(elm, field) ((elm)->field.stqe_next)
#define STAILQ_LAST(head, type, field) \
	(STAILQ_EMPTY(head) ? 0 : \
	 (struct type *)(void *)((char *)((head)->stqh_last) - __QUEUE_OFFSETOF(struct type, field)))

#define STAILQ_FOREACH(var, head, field) \
	for ((var) = STAILQ_FIRST(head); (var); (var) = STAILQ_NEXT(var, field))
#define STAILQ_FOREACH_SAFE(var, head, field, tvar) \
	for ((var) = STAILQ_FIRST(head); \
	     (var) && ((tvar) = STAILQ_NEXT(var, field), 1); (var) = (tvar))

#define STAILQ_INIT(head) do { \
	STAILQ_FIRST(head) = 0; \
	(head)->stqh_last = &STAILQ_FIRST(head); \
} while (0)
#define STAILQ_INSERT_HEAD(head, elm, field) do { \
	if ((STAILQ_NEXT(elm, field) = STAILQ_FIRST(head)) == 0) \
		(head)->stqh_last = &STAILQ_NEXT(elm, field); \
	STAILQ_FIRST(head) = (elm); \
} while (0)
#define STAILQ_INSERT_TAIL(head, elm, field) do { \
	STAILQ_NEXT(elm, field) = 0; \
	*(head)->stqh_last = (elm); \
	(head)->stqh_last = &STAILQ_NEXT(elm, field); \
} while (0)
#define STAILQ_INSERT_AFTER(head, listelm, elm, field) do { \
	if ((STAILQ_NEXT(elm, field) = STAILQ_NEXT(listelm, field)) == 0) \
		(head)->stqh_last = &STAILQ_NEXT(elm, field); \
	STAILQ_NEXT(listelm, field) = (elm); \
} while (0)
#define STAILQ_REMOVE_HEAD(head, field) do { \
	if ((STAILQ_FIRST(head) = STAILQ_NEXT(STAILQ_FIRST(head), field)) == 0) \
		(head)->stqh_last = &STAILQ_FIRST(head); \
} while (0)
#define STAILQ_REMOVE_AFTER(head, elm, field) do { \
	if ((STAILQ_NEXT(elm, field) = STAILQ_NEXT(STAILQ_NEXT(elm, field), field)) == 0) \
		(head)->stqh_last = &STAILQ_NEXT(elm, field); \
} while (0)
#define STAILQ_REMOVE(head, elm, type, field) do { \
	if (STAILQ_FIRST(head) == (elm)) { \
		STAILQ_REMOVE_HEAD(head, field); \
	} else { \
		struct type *__qcur = STAILQ_FIRST(head); \
		while (STAILQ_NEXT(__qcur, field) != (elm)) \
			__qcur = STAILQ_NEXT(__qcur, field); \
		STAILQ_REMOVE_AFTER(head, __qcur, field); \
	} \
} while (0)
/* append all of head2 to head1, leaving head2 empty */
#define STAILQ_CONCAT(head1, head2) do { \
	if (!STAILQ_EMPTY(head2)) { \
		*(head1)->stqh_last = STAILQ_FIRST(head2); \
		(head1)->stqh_last = (head2)->stqh_last; \
		STAILQ_INIT(head2); \
	} \
} while (0)

/* ---- SIMPLEQ: the NetBSD/OpenBSD name of the same structure */
#define SIMPLEQ_HEAD(name, type) struct name { struct type *sqh_first; struct type **sqh_last; }
#define SIMPLEQ_HEAD_INITIALIZER(head) { 0, &(head).sqh_first }
#define SIMPLEQ_ENTRY(type) struct { struct type *sqe_next; }

#define SIMPLEQ_FIRST(head) ((head)->sqh_first)
#define SIMPLEQ_END(head) 0
#define SIMPLEQ_EMPTY(head) (SIMPLEQ_FIRST(head) == 0)
#define SIMPLEQ_NEXT(elm, field) ((elm)->field.sqe_next)

#define SIMPLEQ_FOREACH(var, head, field) \
	for ((var) = SIMPLEQ_FIRST(head); (var); (var) = SIMPLEQ_NEXT(var, field))
#define SIMPLEQ_FOREACH_SAFE(var, head, field, tvar) \
	for ((var) = SIMPLEQ_FIRST(head); \
	     (var) && ((tvar) = SIMPLEQ_NEXT(var, field), 1); (var) = (tvar))

#define SIMPLEQ_INIT(head) do { \
	SIMPLEQ_FIRST(head) = 0; \
	(head)->sqh_last = &SIMPLEQ_FIRST(head); \
} while (0)
#define SIMPLEQ_INSERT_HEAD(head, elm, field) do { \
	if ((SIMPLEQ_NEXT(elm, field) = SIMPLEQ_FIRST(head)) == 0) \
		(head)->sqh_last = &SIMPLEQ_NEXT(elm, field); \
	SIMPLEQ_FIRST(head) = (elm); \
} while (0)
#define SIMPLEQ_INSERT_TAIL(head, elm, field) do { \
	SIMPLEQ_NEXT(elm, field) = 0; \
	*(head)->sqh_last = (elm); \
	(head)->sqh_last = &SIMPLEQ_NEXT(elm, field); \
} while (0)
#define SIMPLEQ_INSERT_AFTER(head, listelm, elm, field) do { \
	if ((SIMPLEQ_NEXT(elm, field) = SIMPLEQ_NEXT(listelm, field)) == 0) \
		(head)->sqh_last = &SIMPLEQ_NEXT(elm, field); \
	SIMPLEQ_NEXT(listelm, field) = (elm); \
} while (0)
#define SIMPLEQ_REMOVE_HEAD(head, field) do { \
	if ((SIMPLEQ_FIRST(head) = SIMPLEQ_NEXT(SIMPLEQ_FIRST(head), field)) == 0) \
		(head)->sqh_last = &SIMPLEQ_FIRST(head); \
} while (0)
#define SIMPLEQ_REMOVE(head, elm, type, field) do { \
	if (SIMPLEQ_FIRST(head) == (elm)) { \
		SIMPLEQ_REMOVE_HEAD(head, field); \
	} else { \
		struct type *__qcur = SIMPLEQ_FIRST(head); \
		while (SIMPLEQ_NEXT(__qcur, field) != (elm)) \
			__qcur = SIMPLEQ_NEXT(__qcur, field); \
		if ((SIMPLEQ_NEXT(__qcur, field) = SIMPLEQ_NEXT(elm, field)) == 0) \
			(head)->sqh_last = &SIMPLEQ_NEXT(__qcur, field); \
	} \
} while (0)

/* ---- tail queue: doubly linked, O(1) at both ends.  A head has the
 * layout of an entry ({next, pointer to the previous link}), which is how
 * LAST and PREV step backwards. */
#define TAILQ_HEAD(name, type) struct name { struct type *tqh_first; struct type **tqh_last; }
#define TAILQ_HEAD_INITIALIZER(head) { 0, &(head).tqh_first }
#define TAILQ_ENTRY(type) struct { struct type *tqe_next; struct type **tqe_prev; }

#define TAILQ_FIRST(head) ((head)->tqh_first)
#define TAILQ_END(head) 0
#define TAILQ_EMPTY(head) (TAILQ_FIRST(head) == 0)
#define TAILQ_NEXT(elm, field) ((elm)->field.tqe_next)
#define TAILQ_LAST(head, headname) (*(((struct headname *)((head)->tqh_last))->tqh_last))
#define TAILQ_PREV(elm, headname, field) (*(((struct headname *)((elm)->field.tqe_prev))->tqh_last))

#define TAILQ_FOREACH(var, head, field) \
	for ((var) = TAILQ_FIRST(head); (var); (var) = TAILQ_NEXT(var, field))
#define TAILQ_FOREACH_SAFE(var, head, field, tvar) \
	for ((var) = TAILQ_FIRST(head); \
	     (var) && ((tvar) = TAILQ_NEXT(var, field), 1); (var) = (tvar))
#define TAILQ_FOREACH_REVERSE(var, head, headname, field) \
	for ((var) = TAILQ_LAST(head, headname); (var); (var) = TAILQ_PREV(var, headname, field))
#define TAILQ_FOREACH_REVERSE_SAFE(var, head, headname, field, tvar) \
	for ((var) = TAILQ_LAST(head, headname); \
	     (var) && ((tvar) = TAILQ_PREV(var, headname, field), 1); (var) = (tvar))

#define TAILQ_INIT(head) do { \
	TAILQ_FIRST(head) = 0; \
	(head)->tqh_last = &TAILQ_FIRST(head); \
} while (0)
#define TAILQ_INSERT_HEAD(head, elm, field) do { \
	if ((TAILQ_NEXT(elm, field) = TAILQ_FIRST(head)) != 0) \
		TAILQ_FIRST(head)->field.tqe_prev = &TAILQ_NEXT(elm, field); \
	else \
		(head)->tqh_last = &TAILQ_NEXT(elm, field); \
	TAILQ_FIRST(head) = (elm); \
	(elm)->field.tqe_prev = &TAILQ_FIRST(head); \
} while (0)
#define TAILQ_INSERT_TAIL(head, elm, field) do { \
	TAILQ_NEXT(elm, field) = 0; \
	(elm)->field.tqe_prev = (head)->tqh_last; \
	*(head)->tqh_last = (elm); \
	(head)->tqh_last = &TAILQ_NEXT(elm, field); \
} while (0)
#define TAILQ_INSERT_AFTER(head, listelm, elm, field) do { \
	if ((TAILQ_NEXT(elm, field) = TAILQ_NEXT(listelm, field)) != 0) \
		TAILQ_NEXT(elm, field)->field.tqe_prev = &TAILQ_NEXT(elm, field); \
	else \
		(head)->tqh_last = &TAILQ_NEXT(elm, field); \
	TAILQ_NEXT(listelm, field) = (elm); \
	(elm)->field.tqe_prev = &TAILQ_NEXT(listelm, field); \
} while (0)
#define TAILQ_INSERT_BEFORE(listelm, elm, field) do { \
	(elm)->field.tqe_prev = (listelm)->field.tqe_prev; \
	TAILQ_NEXT(elm, field) = (listelm); \
	*(listelm)->field.tqe_prev = (elm); \
	(listelm)->field.tqe_prev = &TAILQ_NEXT(elm, field); \
} while (0)
#define TAILQ_REMOVE(head, elm, field) do { \
	if (TAILQ_NEXT(elm, field) != 0) \
		TAILQ_NEXT(elm, field)->field.tqe_prev = (elm)->field.tqe_prev; \
	else \
		(head)->tqh_last = (elm)->field.tqe_prev; \
	*(elm)->field.tqe_prev = TAILQ_NEXT(elm, field); \
} while (0)
#define TAILQ_REPLACE(head, elm, elm2, field) do { \
	if ((TAILQ_NEXT(elm2, field) = TAILQ_NEXT(elm, field)) != 0) \
		TAILQ_NEXT(elm2, field)->field.tqe_prev = &TAILQ_NEXT(elm2, field); \
	else \
		(head)->tqh_last = &TAILQ_NEXT(elm2, field); \
	(elm2)->field.tqe_prev = (elm)->field.tqe_prev; \
	*(elm2)->field.tqe_prev = (elm2); \
} while (0)
/* append all of head2 to head1, leaving head2 empty */
#define TAILQ_CONCAT(head1, head2, field) do { \
	if (!TAILQ_EMPTY(head2)) { \
		*(head1)->tqh_last = TAILQ_FIRST(head2); \
		TAILQ_FIRST(head2)->field.tqe_prev = (head1)->tqh_last; \
		(head1)->tqh_last = (head2)->tqh_last; \
		TAILQ_INIT(head2); \
	} \
} while (0)

/* ---- circular queue: the head itself is the end marker in both
 * directions (compare with (void *)head, or use CIRCLEQ_END) */
#define CIRCLEQ_HEAD(name, type) struct name { struct type *cqh_first; struct type *cqh_last; }
#define CIRCLEQ_HEAD_INITIALIZER(head) { (void *)&(head), (void *)&(head) }
#define CIRCLEQ_ENTRY(type) struct { struct type *cqe_next; struct type *cqe_prev; }

#define CIRCLEQ_FIRST(head) ((head)->cqh_first)
#define CIRCLEQ_LAST(head) ((head)->cqh_last)
#define CIRCLEQ_END(head) ((const void *)(head))
#define CIRCLEQ_EMPTY(head) ((const void *)CIRCLEQ_FIRST(head) == CIRCLEQ_END(head))
#define CIRCLEQ_NEXT(elm, field) ((elm)->field.cqe_next)
#define CIRCLEQ_PREV(elm, field) ((elm)->field.cqe_prev)
/* the neighbour with the head skipped, for walking round and round */
#define CIRCLEQ_LOOP_NEXT(head, elm, field) \
	((const void *)CIRCLEQ_NEXT(elm, field) == CIRCLEQ_END(head) ? CIRCLEQ_FIRST(head) : CIRCLEQ_NEXT(elm, field))
#define CIRCLEQ_LOOP_PREV(head, elm, field) \
	((const void *)CIRCLEQ_PREV(elm, field) == CIRCLEQ_END(head) ? CIRCLEQ_LAST(head) : CIRCLEQ_PREV(elm, field))

#define CIRCLEQ_FOREACH(var, head, field) \
	for ((var) = CIRCLEQ_FIRST(head); (const void *)(var) != CIRCLEQ_END(head); \
	     (var) = CIRCLEQ_NEXT(var, field))
#define CIRCLEQ_FOREACH_REVERSE(var, head, field) \
	for ((var) = CIRCLEQ_LAST(head); (const void *)(var) != CIRCLEQ_END(head); \
	     (var) = CIRCLEQ_PREV(var, field))

#define CIRCLEQ_INIT(head) do { \
	CIRCLEQ_FIRST(head) = (void *)(head); \
	CIRCLEQ_LAST(head) = (void *)(head); \
} while (0)
#define CIRCLEQ_INSERT_AFTER(head, listelm, elm, field) do { \
	CIRCLEQ_NEXT(elm, field) = CIRCLEQ_NEXT(listelm, field); \
	CIRCLEQ_PREV(elm, field) = (listelm); \
	if ((const void *)CIRCLEQ_NEXT(listelm, field) == CIRCLEQ_END(head)) \
		CIRCLEQ_LAST(head) = (elm); \
	else \
		CIRCLEQ_PREV(CIRCLEQ_NEXT(listelm, field), field) = (elm); \
	CIRCLEQ_NEXT(listelm, field) = (elm); \
} while (0)
#define CIRCLEQ_INSERT_BEFORE(head, listelm, elm, field) do { \
	CIRCLEQ_NEXT(elm, field) = (listelm); \
	CIRCLEQ_PREV(elm, field) = CIRCLEQ_PREV(listelm, field); \
	if ((const void *)CIRCLEQ_PREV(listelm, field) == CIRCLEQ_END(head)) \
		CIRCLEQ_FIRST(head) = (elm); \
	else \
		CIRCLEQ_NEXT(CIRCLEQ_PREV(listelm, field), field) = (elm); \
	CIRCLEQ_PREV(listelm, field) = (elm); \
} while (0)
#define CIRCLEQ_INSERT_HEAD(head, elm, field) do { \
	CIRCLEQ_NEXT(elm, field) = CIRCLEQ_FIRST(head); \
	CIRCLEQ_PREV(elm, field) = (void *)(head); \
	if ((const void *)CIRCLEQ_LAST(head) == CIRCLEQ_END(head)) \
		CIRCLEQ_LAST(head) = (elm); \
	else \
		CIRCLEQ_PREV(CIRCLEQ_FIRST(head), field) = (elm); \
	CIRCLEQ_FIRST(head) = (elm); \
} while (0)
#define CIRCLEQ_INSERT_TAIL(head, elm, field) do { \
	CIRCLEQ_NEXT(elm, field) = (void *)(head); \
	CIRCLEQ_PREV(elm, field) = CIRCLEQ_LAST(head); \
	if ((const void *)CIRCLEQ_FIRST(head) == CIRCLEQ_END(head)) \
		CIRCLEQ_FIRST(head) = (elm); \
	else \
		CIRCLEQ_NEXT(CIRCLEQ_LAST(head), field) = (elm); \
	CIRCLEQ_LAST(head) = (elm); \
} while (0)
#define CIRCLEQ_REMOVE(head, elm, field) do { \
	if ((const void *)CIRCLEQ_NEXT(elm, field) == CIRCLEQ_END(head)) \
		CIRCLEQ_LAST(head) = CIRCLEQ_PREV(elm, field); \
	else \
		CIRCLEQ_PREV(CIRCLEQ_NEXT(elm, field), field) = CIRCLEQ_PREV(elm, field); \
	if ((const void *)CIRCLEQ_PREV(elm, field) == CIRCLEQ_END(head)) \
		CIRCLEQ_FIRST(head) = CIRCLEQ_NEXT(elm, field); \
	else \
		CIRCLEQ_NEXT(CIRCLEQ_PREV(elm, field), field) = CIRCLEQ_NEXT(elm, field); \
} while (0)
#define CIRCLEQ_REPLACE(head, elm, elm2, field) do { \
	if ((const void *)(CIRCLEQ_NEXT(elm2, field) = CIRCLEQ_NEXT(elm, field)) == CIRCLEQ_END(head)) \
		CIRCLEQ_LAST(head) = (elm2); \
	else \
		CIRCLEQ_PREV(CIRCLEQ_NEXT(elm2, field), field) = (elm2); \
	if ((const void *)(CIRCLEQ_PREV(elm2, field) = CIRCLEQ_PREV(elm, field)) == CIRCLEQ_END(head)) \
		CIRCLEQ_FIRST(head) = (elm2); \
	else \
		CIRCLEQ_NEXT(CIRCLEQ_PREV(elm2, field), field) = (elm2); \
} while (0)

#endif
