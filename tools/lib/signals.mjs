// Signals from outside for the native host (tools/native/wasip2_signals.c).
//
// The guest asks through wasi:clocks/monotonic-clock.subscribe-duration, which every WASI
// 0.2.0 host has: durations BASE + k (about 24.85 days, never used for real waits) are
// requests, not timers, on this host. On any other host they are plain far-off timers that
// never fire before the guest drops them, so nothing happens there.
//   BASE + 0       probe: ready at once here (a plain timer elsewhere: not ready)
//   BASE + sig     (1..64) catch sig while this pollable lives; ready() tells, and clears,
//                  whether sig arrived since the last look
//   BASE + 65      wake: ready while any caught signal is still to be collected; the guest
//                  puts it in every wait
export const SIG_BASE = 2147000000000000n;
const WAKE = 65;

let native;
function load() {
  if (native !== undefined) return native;
  native = null;
  for (const rel of ['../../build/native/wasip2_signals.node', '../native/wasip2_signals.node']) {
    try {
      const module = { exports: {} };
      process.dlopen(module, new URL(rel, import.meta.url).pathname);
      native = module.exports;
      break;
    } catch { /* not built there */ }
  }
  return native;
}

// subscribe(k): the pollable for request k, or null when this is not a request (or the
// signal module is missing: then the durations are ordinary timers, as on other hosts).
export function makeSignalRequests(Pollable, READY, DISPOSE) {
  const never = 1n << 62n; // a deadline that never comes: "not ready" without a system call
  const counts = new Map();
  class SignalPollable extends Pollable {
    constructor(need, sig) { super(need); this._sig = sig; }
    [DISPOSE]() {
      const S = native, sig = this._sig;
      if (sig && this._need) {
        const c = counts.get(sig) - 1;
        counts.set(sig, c);
        if (c === 0) S.watch(sig, 0);
      }
      super[DISPOSE]();
    }
  }
  return function subscribe(d) {
    if (d < SIG_BASE || d > SIG_BASE + BigInt(WAKE)) return null;
    const S = load();
    if (!S) return null;
    const k = Number(d - SIG_BASE);
    if (k === 0) return new SignalPollable(() => READY, 0);
    if (k === WAKE) {
      const fd = S.fd();
      return new SignalPollable(() => { S.drain(); return S.any() ? READY : [fd, 1 /* POLLIN */]; }, 0);
    }
    if (S.watch(k, 1) < 0) return new SignalPollable(() => never, 0);
    counts.set(k, (counts.get(k) || 0) + 1);
    return new SignalPollable(() => (S.take(k) ? READY : never), k);
  };
}
