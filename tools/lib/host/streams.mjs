// wasi:io/streams on file, socket and stdio fds (wasi:io/error's IoError is in context.mjs).
//
// An input stream reads with pread(2) at its position (files), recv(2) without blocking
// (sockets) or read(2) (stdin); an output stream writes with pwrite(2) (files, RWF_APPEND for
// append-via-stream), send(2) (sockets: what the kernel does not take at once is queued here
// and sent during later waits) or a blocking write(2) (stdio).
import { N, K, DISPOSE, bytesView, streamError, CLOSED } from './context.mjs';
import { Pollable, READY, readyPollable, pfds, pollOne, waitFd, addEventSource } from './poll.mjs';

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
  return { 'wasi:io/streams': { InputStream, OutputStream } };
}
