// wasip2-run's signals from outside (a Node-API module of its own, loaded by
// tools/lib/signals.mjs): a signal the guest asked for (kill -TERM, Ctrl-C)
// is caught here, on whatever thread of Node it lands, and recorded in a
// pending mask; a byte in a self-pipe wakes the host poll that the guest's
// wait includes it in.  The guest collects the mask at its next wait.
//
// Functions: watch(sig, on) installs our handler (on) or puts back what was
// there before (off); take(sig) tests and clears sig's pending bit; any()
// is the pending mask; fd() the pipe's read end; drain() empties the pipe.
//
// A second SIGTERM/SIGINT/SIGHUP/SIGQUIT while the first is still not
// collected (a guest computing without ever waiting cannot see signals)
// takes the default action: the usual "press Ctrl-C twice" way out.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <node_api.h>
#include "napi_exports.h"
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

static _Atomic unsigned long long pending;
static int pipefd[2] = {-1, -1};
static struct sigaction saved[65];
static unsigned char watched[65];

static int escalates(int sig) {
  return sig == SIGTERM || sig == SIGINT || sig == SIGHUP || sig == SIGQUIT;
}

static void on_signal(int sig, siginfo_t *si, void *ctx) {
  int saved_errno = errno;
  unsigned long long bit = 1ull << (sig - 1);
  unsigned long long was = atomic_fetch_or(&pending, bit);
  if ((was & bit) && escalates(sig)) {
    // the guest never looked: the default action, as without us
    signal(sig, SIG_DFL);
    raise(sig);  // delivered (and deadly) once this handler returns
  }
  if (pipefd[1] >= 0) { char b = (char)sig; (void)!write(pipefd[1], &b, 1); }
  // libuv watches SIGCHLD (child processes) and SIGWINCH (tty size): chain
  struct sigaction *old = &saved[sig];
  if ((sig == SIGCHLD || sig == SIGWINCH) && old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
    if (old->sa_flags & SA_SIGINFO) old->sa_sigaction(sig, si, ctx);
    else old->sa_handler(sig);
  }
  errno = saved_errno;
}

static int32_t arg_i32(napi_env env, napi_callback_info info, size_t i) {
  size_t argc = 2;
  napi_value argv[2];
  int32_t v = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (i < argc) napi_get_value_int32(env, argv[i], &v);
  return v;
}

static napi_value num(napi_env env, double v) {
  napi_value r;
  napi_create_double(env, v, &r);
  return r;
}

static int make_pipe(void) {
  if (pipefd[0] >= 0) return 0;
  if (pipe2(pipefd, O_NONBLOCK | O_CLOEXEC) < 0) return -errno;
  return 0;
}

static napi_value n_watch(napi_env env, napi_callback_info info) {
  int sig = arg_i32(env, info, 0), on = arg_i32(env, info, 1);
  if (sig <= 0 || sig > 64 || sig == SIGKILL || sig == SIGSTOP) return num(env, -EINVAL);
  int e = make_pipe();
  if (e) return num(env, e);
  if (on && !watched[sig]) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;  // Node's own threads restart their calls
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, &saved[sig]) < 0) return num(env, -errno);
    watched[sig] = 1;
  } else if (!on && watched[sig]) {
    sigaction(sig, &saved[sig], NULL);
    watched[sig] = 0;
    atomic_fetch_and(&pending, ~(1ull << (sig - 1)));
  }
  return num(env, 0);
}

static napi_value n_take(napi_env env, napi_callback_info info) {
  int sig = arg_i32(env, info, 0);
  if (sig <= 0 || sig > 64) return num(env, 0);
  unsigned long long bit = 1ull << (sig - 1);
  return num(env, (atomic_fetch_and(&pending, ~bit) & bit) ? 1 : 0);
}

static napi_value n_any(napi_env env, napi_callback_info info) {
  (void)info;
  return num(env, (double)atomic_load(&pending));
}

static napi_value n_fd(napi_env env, napi_callback_info info) {
  (void)info;
  int e = make_pipe();
  return num(env, e ? e : pipefd[0]);
}

static napi_value n_drain(napi_env env, napi_callback_info info) {
  (void)info;
  char buf[64];
  while (pipefd[0] >= 0 && read(pipefd[0], buf, sizeof buf) > 0) {}
  return num(env, 0);
}

static napi_value Init(napi_env env, napi_value exports) {
  static const struct napi_export fns[] = {
    {"watch", n_watch}, {"take", n_take}, {"any", n_any}, {"fd", n_fd}, {"drain", n_drain},
  };
  return napi_export_all(env, exports, fns, sizeof fns / sizeof fns[0]);
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
