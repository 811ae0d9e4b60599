// The pollables one poll()/select()/epoll_wait gathers from the kinds'
// ops->poll, each tagged with the pollfd it belongs to.
#include <string.h>
#include "wasip2_fd.h"

void __wasip2_poll_ctx_init(struct __wasip2_poll_ctx *ctx) {
  ctx->cur = 0;
  ctx->recheck = 0;
  ctx->n = 0;
  ctx->cap = 16;
  ctx->ents = ctx->small;
}

void __wasip2_poll_ctx_free(struct __wasip2_poll_ctx *ctx) {
  if (ctx->ents != ctx->small) __wasip2_free(ctx->ents);
  ctx->ents = ctx->small;
  ctx->cap = 16;
}

static void add(struct __wasip2_poll_ctx *ctx, wasi_io_poll_pollable_t p, short revents, int recheck) {
  if (!ctx || ctx->recheck) return;
  if (ctx->n == ctx->cap) {
    int cap = ctx->cap * 2;
    struct __wasip2_poll_ent *e = ctx->ents == ctx->small ? __wasip2_malloc(cap * sizeof *e)
                                                          : __wasip2_realloc(ctx->ents, cap * sizeof *e);
    if (!e) return; // the fd is then just not waited on; poll stays correct, less eager
    if (ctx->ents == ctx->small) memcpy(e, ctx->small, sizeof ctx->small);
    ctx->ents = e;
    ctx->cap = cap;
  }
  ctx->ents[ctx->n].p = p;
  ctx->ents[ctx->n].idx = ctx->cur;
  ctx->ents[ctx->n].revents = revents;
  ctx->ents[ctx->n].recheck = (unsigned char)recheck;
  ctx->n++;
}

void __wasip2_poll_add(struct __wasip2_poll_ctx *ctx, wasi_io_poll_pollable_t p, short revents) {
  add(ctx, p, revents, 0);
}

void __wasip2_poll_add_recheck(struct __wasip2_poll_ctx *ctx, wasi_io_poll_pollable_t p, short revents) {
  add(ctx, p, revents, 1);
}
