// wasi:io/poll on poll(2): pollables, the wait loop, and the event sources every blocking wait
// also serves.
//
// A pollable asks its source, at poll time, what it waits for: READY, [fd, events], or a
// monotonic deadline (bigint). Sources can change their answer (a socket that connects, an
// output stream with bytes still queued), so a pollable kept by the guest stays right.
import { N, DISPOSE } from './context.mjs';

const { hrtime } = process;
export const READY = 0;
export const now = () => hrtime.bigint();

export class Pollable {
  constructor(need) { this._need = need; }
  ready() { return pollList([this], true).length > 0; }
  block() { pollList([this], false); }
  [DISPOSE]() { this._need = null; }
}
export const readyPollable = () => new Pollable(() => READY);

// The poll(2) array, [fd, events] pairs (revents come back in the events slot).
export let pfds = new Int32Array(64);
function room(nfd) {
  if (2 * nfd + 2 <= pfds.length) return;
  const b = new Int32Array(pfds.length * 2);
  b.set(pfds);
  pfds = b;
}
// poll one fd: > 0 when it is ready within tmo nanoseconds (-1: no limit)
export function pollOne(fd, events, tmo) {
  pfds[0] = fd; pfds[1] = events;
  return N.poll(pfds, 1, tmo);
}

// ------------------------------------------------------------ event sources
// Extension point: something the host must serve while the guest waits, other than the
// guest's pollables (bytes a socket still queues, signals from outside through a signalfd).
// A source is { active(): bool, watch(add(fd, events)), maxWaitNs?: number,
// handle(pfds, from, to) }: during every blocking wait (poll, a blocking read or write) an
// active source's fds are polled beside the guest's, the wait is cut to maxWaitNs, and
// handle() runs after the poll(2) with the revents of its fds at pfds[2*from+1 .. 2*to-1].
// Pollables are asked again after that, so a source can make one ready.
export const eventSources = [];
export function addEventSource(src) { eventSources.push(src); }
const sourcesActive = () => eventSources.some((s) => s.active());

function watchSources(nfd) {
  const on = [];
  let cap = -1;
  for (const src of eventSources) {
    if (!src.active()) continue;
    const from = nfd;
    src.watch((fd, events) => { room(nfd); pfds[2 * nfd] = fd; pfds[2 * nfd + 1] = events; nfd++; });
    on.push([src, from, nfd]);
    if (src.maxWaitNs !== undefined && (cap < 0 || src.maxWaitNs < cap)) cap = src.maxWaitNs;
  }
  return { on, nfd, cap };
}

// ------------------------------------------------------------ the wait
// The guest's pollables: the indexes ready now, the fds to poll (pfds[0 .. nfd-1], slot[k]
// the list index of fd k), the first deadline.
function gather(list) {
  const ready = [], slot = [];
  let nfd = 0, deadline = -1n;
  const t0 = now();
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    if (!p._need) throw new Error('wasi:io/poll: pollable used after drop');
    const w = p._need();
    if (w === READY) { ready.push(i); continue; }
    if (typeof w === 'bigint') {
      if (w <= t0) ready.push(i);
      else if (deadline < 0n || w < deadline) deadline = w;
      continue;
    }
    room(nfd);
    pfds[2 * nfd] = w[0]; pfds[2 * nfd + 1] = w[1];
    slot[nfd++] = i;
  }
  return { ready, slot, nfd, deadline, t0 };
}

function waitOnce(list, once, g) {
  const mine = g.nfd;
  const src = once ? null : watchSources(mine);
  const nfd = src ? src.nfd : mine;
  let tmo = -1;
  if (g.ready.length || once) tmo = 0;
  else if (g.deadline >= 0n) tmo = Number(g.deadline - g.t0);
  if (src && src.cap >= 0 && (tmo < 0 || tmo > src.cap)) tmo = src.cap;
  if (nfd) {
    const r = N.poll(pfds, nfd, tmo);
    if (r > 0) for (let k = 0; k < mine; k++) if (pfds[2 * k + 1] !== 0) g.ready.push(g.slot[k]);
    if (src && src.on.length) {
      for (const [s, from, to] of src.on) s.handle(pfds, from, to);
      for (let k = 0; k < mine; k++) if (list[g.slot[k]]._need() === READY && !g.ready.includes(g.slot[k])) g.ready.push(g.slot[k]);
    }
  } else if (tmo > 0) {
    N.poll(pfds, 0, tmo); // only timers: sleep until the first is due
  }
  if (g.deadline >= 0n) {
    const t1 = now();
    for (let i = 0; i < list.length; i++) {
      const w = list[i]._need();
      if (typeof w === 'bigint' && w <= t1 && !g.ready.includes(i)) g.ready.push(i);
    }
  }
}

// wasi:io/poll.poll (once: the zero-timeout look of pollable.ready)
export function pollList(list, once) {
  if (!list.length) throw new Error('wasi:io/poll.poll: empty list'); // a trap, as the spec says
  for (;;) {
    const g = gather(list);
    if (!g.nfd && (g.ready.length || once)) return g.ready;
    waitOnce(list, once, g);
    if (g.ready.length || once) return g.ready.sort((a, b) => a - b);
  }
}

// Wait for one fd; the event sources are served meanwhile.
export function waitFd(fd, events) {
  if (!sourcesActive()) { pollOne(fd, events, -1); return; }
  pollList([new Pollable(() => [fd, events])], false);
}

export function imports() {
  return { 'wasi:io/poll': { Pollable, poll: (list) => pollList(list, false) } };
}
