// wasi:io on poll(2) and the fds behind the streams (wasi:io/error's IoError is in
// context.mjs).
//
// poll: a pollable asks its source, at poll time, what it waits for: READY, [fd, events], or a
// monotonic deadline (bigint). Sources can change their answer (a socket that connects, an
// output stream with bytes still queued), so a pollable kept by the guest stays right. Every
// blocking wait also serves the event sources (below).
//
// streams: an input stream reads with pread(2) at its position (files), recv(2) without
// blocking (sockets) or read(2) (stdin); an output stream writes with pwrite(2) (files,
// RWF_APPEND for append-via-stream), send(2) (sockets: what the kernel does not take at once is
// queued here and sent during later waits) or a blocking write(2) (stdio).
import { N, K, DISPOSE, bytesView, streamError, CLOSED } from './context.mjs';

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

// ============================================================ streams
export const MAX_WRITE = 65536; // what check-write grants a socket with nothing queued
export class InputStream {
  // kind: 'file' (pread at a position), 'sock' (recv, never blocking), 'stdin' (read)
  constructor(kind, ref, offset = 0) { this._k = kind; this._ref = ref; this._off = offset; }
  _read(len, blocking) {
    const n = Number(len);
    if (!this._ref) throw CLOSED;
    const fd = this._ref.fd;
    if (n === 0) return new Uint8Array(0);
    for (;;) {
      let r;
      if (this._k === 'file') {
        r = N.pread(fd, n, this._off);
        if (r > 0) { this._off += r; return bytesView(r); }
      } else if (this._k === 'sock') {
        // a stream whose last blocking read had to wait (request/response traffic) waits
        // first: the recv that would say EAGAIN is saved
        if (blocking && this._waited) waitFd(fd, K.POLLIN);
        r = N.recv(fd, n, K.MSG_DONTWAIT);
        if (r > 0) { if (blocking) this._waited = false; return bytesView(r); }
      } else {
        if (!blocking && pollOne(fd, K.POLLIN, 0) <= 0) return new Uint8Array(0);
        r = N.pread(fd, n, -1);
        if (r > 0) return bytesView(r);
      }
      if (r === 0) throw CLOSED;
      if (r === -K.EAGAIN) {
        if (!blocking) return new Uint8Array(0);
        if (this._k === 'sock') { this._waited = true; continue; } // waits at the top
        waitFd(fd, K.POLLIN);
        continue;
      }
      throw streamError(r, this._k);
    }
  }
  read(len) { return this._read(len, false); }
  blockingRead(len) { return this._read(len, true); }
  skip(len) { return BigInt(this._read(len, false).length); }
  blockingSkip(len) { return BigInt(this._read(len, true).length); }
  subscribe() {
    if (this._k === 'file') return readyPollable();
    return new Pollable(() => (this._ref && this._ref.fd >= 0 ? [this._ref.fd, K.POLLIN] : READY));
  }
  [DISPOSE]() { if (this._ref) { this._ref.release(); this._ref = null; } }
}

export class OutputStream {
  // kind: 'file' (pwrite at a position, or appending: offset -2), 'sock' (send, bytes the
  // kernel did not take yet queued here), 'stdio' (blocking write, nothing lost at exit)
  constructor(kind, ref, offset = 0) { this._k = kind; this._ref = ref; this._off = offset; this._q = null; this._full = false; }
  _fd() {
    if (this._err) throw this._err;
    if (!this._ref || this._ref.fd < 0) throw CLOSED;
    return this._ref.fd;
  }
  _fail(r) {
    if (r === -K.EPIPE) throw CLOSED;
    throw streamError(r, this._k);
  }
  // write all of buf; blocking: wait for the fd, else queue what does not fit (sockets)
  _put(buf, blocking) {
    const fd = this._fd();
    let b = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
    if (this._k === 'file') {
      while (b.length) {
        const r = N.pwrite(fd, b, this._off);
        if (r < 0) this._fail(r);
        if (this._off >= 0) this._off += r;
        b = b.subarray(r);
      }
      return;
    }
    while (b.length) {
      const r = this._k === 'sock' ? N.send(fd, b, K.MSG_DONTWAIT) : N.pwrite(fd, b, -1);
      if (r >= 0) { b = b.subarray(r); continue; }
      if (r !== -K.EAGAIN) this._fail(r);
      if (!blocking) { this._q = b.slice(); queued.add(this); this._full = true; return; }
      waitFd(fd, K.POLLOUT);
    }
  }
  _drain(blocking) {
    if (!this._q) return true;
    const q = this._q;
    this._q = null;
    try { this._put(q, blocking); } catch (e) {
      // the peer is gone: the bytes are lost; a live stream reports it at its next call
      this._q = null;
      if (!this._closing) this._err = e;
    }
    if (!this._q) queued.delete(this);
    return !this._q;
  }
  // the guest dropped a socket's output stream: send FIN (wasi:sockets: dropping the output
  // stream shuts the write side down) once queued bytes are out, then let the fd go
  _end() {
    if (this._k === 'sock' && this._ref.fd >= 0) N.sockop(K.S_SHUTDOWN, this._ref.fd, K.SHUT_WR);
    this._ref.release();
    this._ref = null;
  }
  checkWrite() {
    const fd = this._fd();
    // queued bytes are retried here only once the kernel says the socket is writable (a
    // full socket stays full for a non-blocking sender, as send(2) would say EAGAIN);
    // waits retry them more eagerly (pollList)
    if (this._q && pollOne(fd, K.POLLOUT, 0) > 0) this._drain(false);
    this._fd();
    if (this._k !== 'sock') return 1048576n;
    if (this._q) return 0n;
    // Once the socket was full, grant more only when the kernel says it is writable again:
    // the bytes queued here must not stand in for room the connection does not have (a
    // blocking send to a peer that stopped reading blocks, as on Linux).
    if (this._full) {
      if (pollOne(fd, K.POLLOUT, 0) <= 0) return 0n;
      this._full = false;
    }
    return BigInt(MAX_WRITE);
  }
  write(buf) {
    this._fd();
    if (this._k === 'sock' && this._q) { // more than check-write allowed: queue it
      const q = new Uint8Array(this._q.length + buf.length);
      q.set(this._q); q.set(buf, this._q.length);
      this._q = q;
      return;
    }
    this._put(buf, this._k !== 'sock');
  }
  blockingWriteAndFlush(buf) { this._drain(true); this._put(buf, true); }
  flush() { this._fd(); this._drain(false); }
  blockingFlush() { this._fd(); this._drain(true); }
  writeZeroes(n) { this.write(new Uint8Array(Number(n))); }
  blockingWriteZeroesAndFlush(n) { this.blockingWriteAndFlush(new Uint8Array(Number(n))); }
  splice(src, n) { const b = src.read(n); this.write(b); return BigInt(b.length); }
  blockingSplice(src, n) { const b = src.blockingRead(n); this.blockingWriteAndFlush(b); return BigInt(b.length); }
  subscribe() {
    if (this._k !== 'sock') return readyPollable();
    return new Pollable(() => ((this._q || this._full) && this._ref && this._ref.fd >= 0 ? [this._ref.fd, K.POLLOUT] : READY));
  }
  [DISPOSE]() {
    if (!this._ref || this._closing) return;
    if (this._q && !this._drain(false)) { this._closing = true; return; } // flushQueued ends it
    this._end();
  }
}

// ------------------------------------------------------------ bytes still queued
// Bytes a socket's output stream accepted but the kernel did not take yet (a non-blocking
// write may be cut short). They go out during every later wait, also after the guest
// dropped the stream (then FIN follows them), as the kernel sends after close(2).
export const queued = new Set();
function flushQueued() {
  for (const s of queued) {
    if (s._drain(false)) {
      queued.delete(s);
      if (s._closing) s._end();
    }
  }
}
// POLLOUT on TCP waits for a third of the send buffer to be free, while send(2) takes
// bytes as soon as any room is there (and the buffer grows as the kernel tunes it):
// with bytes queued, look again every 10 ms, as a thread blocked in send(2) would.
addEventSource({
  active: () => queued.size > 0,
  watch(add) { for (const q of queued) add(q._ref.fd, K.POLLOUT); },
  maxWaitNs: 10e6,
  handle: flushQueued,
});
// At exit: what is queued still goes out while the peers take it (a peer that stops
// reading for 2 s loses the rest; Linux would keep trying after the process ended).
process.on('exit', () => {
  let idle = 0;
  while (queued.size && idle < 2000) {
    let n = 0;
    for (const s of queued) { pfds[2 * n] = s._ref.fd; pfds[2 * n + 1] = K.POLLOUT; if (++n >= 32) break; }
    const r = N.poll(pfds, n, 100e6);
    idle = r > 0 ? 0 : idle + 100;
    flushQueued();
  }
});

export function imports() {
  return {
    'wasi:io/poll': { Pollable, poll: (list) => pollList(list, false) },
    'wasi:io/streams': { InputStream, OutputStream },
  };
}
