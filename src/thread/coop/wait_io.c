// The wait core's thread hooks (-pthread builds): a thread that blocks in
// any wait of the core (a socket or stream call, poll/select/epoll_wait, a
// sleep, a pipe) is a waiter like any other: it parks with its pollables
// and deadline, the other threads run, and when none can, the scheduler
// (sched.c) makes one host poll over every waiter's pollables and the
// earliest deadline, here.
#include <errno.h>
#include <limits.h>
#include "wasip2_fd.h"
#include "wasip2_thread.h"

int __wasip2_thread_io_waiters;

// With threads, blocking stream I/O waits through the core, which the
// stream paths reference only weakly: link them here.
__attribute__((used)) static int (*const pull_wait)(wasi_io_poll_pollable_t, int64_t, int) = __wasip2_wait_ex;
__attribute__((used)) static ssize_t (*const pull_write)(wasi_io_streams_output_stream_t, const void *, size_t) =
    __wasip2_stream_write_shared;

// Are there threads other than the caller that may still run?
static int others(void) {
  for (struct __pthread *t = &__wasip2_main_thread; t; t = t->next)
    if (t != __wasip2_current && t->state != __WASIP2_DONE) return 1;
  return 0;
}

static unsigned long long sched_deadline(int64_t deadline) {
  if (deadline == WASIP2_NEVER) return 0;  // none
  return deadline > 0 ? (unsigned long long)deadline : 1;
}

static int block(const wasi_io_poll_pollable_t *ps, int n, unsigned char *fired, int64_t deadline) {
  if (!others()) return -1;
  struct __pthread *self = __wasip2_current;
  self->io_ps = ps;
  self->io_n = n;
  self->io_fired = fired;
  self->io_got = 0;
  if (n) __wasip2_thread_io_waiters++;
  // parked on the in-process epoch: a pipe's change wakes it too
  int r = __wasip2_thread_wait(&__wasip2_inproc_epoch, sched_deadline(deadline));
  if (n) __wasip2_thread_io_waiters--;
  int got = self->io_got;
  self->io_ps = 0;
  self->io_n = 0;
  self->io_fired = 0;
  // no memory to switch (EAGAIN), or the process is ending and no thread
  // may run any more (EDEADLK, see __wrap__Exit): wait in the host instead
  if (r == EAGAIN || r == EDEADLK) return -1;
  return got;
}

static int park(const void *obj, int64_t deadline) {
  return __wasip2_thread_wait(obj, sched_deadline(deadline));
}

static void wake(const void *obj) {
  __wasip2_thread_wake(obj, INT_MAX);
}

void __wasip2_thread_wait_register(void) {
  __wasip2_wait_hooks.others = others;
  __wasip2_wait_hooks.block = block;
  __wasip2_wait_hooks.park = park;
  __wasip2_wait_hooks.wake = wake;
}

void __wasip2_thread_poll_io(long long deadline) {
  int n = 0;
  for (struct __pthread *p = &__wasip2_main_thread; p; p = p->next)
    if (p->state == __WASIP2_BLOCKED) n += p->io_n;
  if (!n) return;
  wasi_io_poll_pollable_t small[32];
  unsigned char fsmall[32] = {0};
  wasi_io_poll_pollable_t *list = n <= 32 ? small : __wasip2_malloc(n * sizeof *list);
  unsigned char *fired = n <= 32 ? fsmall : __wasip2_calloc(n, 1);
  if (!list || !fired) {
    if (list != small) __wasip2_free(list);
    if (fired != fsmall) __wasip2_free(fired);
    return;  // the waiters stay blocked; their deadlines still end their waits
  }
  int k = 0;
  for (struct __pthread *p = &__wasip2_main_thread; p; p = p->next)
    if (p->state == __WASIP2_BLOCKED)
      for (int i = 0; i < p->io_n; i++) list[k++] = p->io_ps[i];
  if (__wasip2_host_poll(list, n, fired, deadline) > 0) {
    k = 0;
    for (struct __pthread *p = &__wasip2_main_thread; p; p = p->next) {
      if (p->state != __WASIP2_BLOCKED || !p->io_n) continue;
      int woke = 0;
      for (int i = 0; i < p->io_n; i++, k++)
        if (fired[k]) { p->io_fired[i] = 1; p->io_got++; woke = 1; }
      if (woke) {
        p->state = __WASIP2_READY;
        p->wake_result = 0;
      }
    }
  }
  if (list != small) __wasip2_free(list);
  if (fired != fsmall) __wasip2_free(fired);
}
