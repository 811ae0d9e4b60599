// wasip2-run's native host: wasi:io, wasi:filesystem, wasi:sockets, stdio and the monotonic
// clock's pollables on Linux system calls made on this thread by build/native/wasip2_host.node
// (tools/native/wasip2_host.c), instead of preview2-shim's round trip to its worker thread.
//
// The transpiled glue checks `instanceof` against the classes it is given and then calls
// methods on the instances, so every interface whose resources meet another's (a stream made
// by a socket, a pollable made by a stream or a clock) comes from here, as one set. What the
// kernel decides (half-close, queued datagrams, bind without listen, address in use, error
// codes) is simply passed on: errno maps to the WASI error-code of the interface.
//
// buildNativeImports(config, native) returns the import object (unversioned interface names,
// as host.mjs's). The state WASI 0.2 adds on top of a socket (bind/connect/listen started vs
// finished) is kept here, per socket.
//
// No module is imported: an ES module import of node:process builds its ES facade, which reads
// every property of process, process.stdout and process.stderr included (that makes both
// streams: 3-10 ms of start-up); node:module would load the CommonJS loader for one require.
import { makeSignalRequests } from './signals.mjs';
const { hrtime } = process;

const DISPOSE = Symbol.dispose || Symbol.for('dispose');

// ---------------------------------------------------------------- loading
export function loadNative(file) {
  const module = { exports: {} };
  process.dlopen(module, file);
  return module.exports;
}

export function buildNativeImports(config, N) {
  const K = N.constants();
  const scratch = N.init();
  const HDR = K.HDR_SIZE;
  const s64 = new BigInt64Array(scratch, 0, HDR / 8);
  const sdv = new DataView(scratch, 0, HDR);
  const bytesView = (n) => new Uint8Array(scratch, HDR, n);      // valid until the next call
  const bytesCopy = (n) => new Uint8Array(scratch.slice(HDR, HDR + n));

  // ------------------------------------------------------------ errno -> error-code
  const byNum = (table) => {
    const m = new Map();
    for (const [name, code] of Object.entries(table)) if (K[name] !== undefined && !m.has(K[name])) m.set(K[name], code);
    return m;
  };
  const FS = byNum({
    EACCES: 'access', EAGAIN: 'would-block', EALREADY: 'already', EBADF: 'bad-descriptor',
    EBUSY: 'busy', EDEADLK: 'deadlock', EDQUOT: 'quota', EEXIST: 'exist', EFBIG: 'file-too-large',
    EILSEQ: 'illegal-byte-sequence', EINPROGRESS: 'in-progress', EINTR: 'interrupted',
    EINVAL: 'invalid', EIO: 'io', EISDIR: 'is-directory', ELOOP: 'loop', EMLINK: 'too-many-links',
    EMSGSIZE: 'message-size', ENAMETOOLONG: 'name-too-long', ENODEV: 'no-device',
    ENOENT: 'no-entry', ENOLCK: 'no-lock', ENOMEM: 'insufficient-memory', ENOSPC: 'insufficient-space',
    ENOTDIR: 'not-directory', ENOTEMPTY: 'not-empty', ENOTSUP: 'unsupported', EOPNOTSUPP: 'unsupported',
    ENOSYS: 'unsupported', ENOTTY: 'no-tty', ENXIO: 'no-such-device', EOVERFLOW: 'overflow',
    EPERM: 'not-permitted', EPIPE: 'pipe', EROFS: 'read-only', ESPIPE: 'invalid-seek',
    ETXTBSY: 'text-file-busy', EXDEV: 'cross-device',
  });
  const NET = byNum({
    EACCES: 'access-denied', EPERM: 'access-denied', EOPNOTSUPP: 'not-supported',
    EAFNOSUPPORT: 'not-supported', EPROTONOSUPPORT: 'not-supported', ENOPROTOOPT: 'not-supported',
    EINVAL: 'invalid-argument', EDESTADDRREQ: 'invalid-argument', EFAULT: 'invalid-argument',
    ENOMEM: 'out-of-memory', ENOBUFS: 'out-of-memory', ETIMEDOUT: 'timeout', EAGAIN: 'would-block',
    EALREADY: 'invalid-state', EISCONN: 'invalid-state', ENOTCONN: 'invalid-state',
    EMFILE: 'new-socket-limit', ENFILE: 'new-socket-limit', EADDRNOTAVAIL: 'address-not-bindable',
    EADDRINUSE: 'address-in-use', ENETUNREACH: 'remote-unreachable', EHOSTUNREACH: 'remote-unreachable',
    ENETDOWN: 'remote-unreachable', EHOSTDOWN: 'remote-unreachable', ECONNREFUSED: 'connection-refused',
    ECONNRESET: 'connection-reset', ENETRESET: 'connection-reset', EPIPE: 'connection-reset',
    ECONNABORTED: 'connection-aborted', EMSGSIZE: 'datagram-too-large',
  });
  const fsCode = (r) => FS.get(-r) ?? 'io';
  const netCode = (r) => NET.get(-r) ?? 'unknown';
  const fsCheck = (r) => { if (r < 0) throw fsCode(r); return r; };
  const netCheck = (r) => { if (r < 0) throw netCode(r); return r; };

  // wasi:io/error.error: what a failed stream operation carries
  class IoError {
    constructor(errno, kind) { this.errno = errno; this.kind = kind; }
    toDebugString() {
      const name = Object.keys(K).find((k) => /^E[A-Z0-9]+$/.test(k) && K[k] === this.errno) ?? `errno ${this.errno}`;
      return `${this.kind} stream: ${name}`;
    }
    [DISPOSE]() {}
  }
  const streamError = (r, kind) => ({ tag: 'last-operation-failed', val: new IoError(-r, kind) });
  const CLOSED = { tag: 'closed' };

  // ------------------------------------------------------------ fds shared by several resources
  // A socket and its two streams (a descriptor and its streams) use one fd; it is closed when
  // the last of them is dropped, whatever the order the guest drops them in.
  class FdRef {
    constructor(fd) { this.fd = fd; this.refs = 1; }
    hold() { this.refs++; return this; }
    release() { if (--this.refs === 0 && this.fd >= 0) { N.close(this.fd); this.fd = -1; } }
  }

  // ------------------------------------------------------------ pollables and poll
  // A pollable asks its source, at poll time, what it waits for: READY, [fd, events], or a
  // monotonic deadline (bigint). Sources can change their answer (a socket that connects, an
  // output stream with bytes still queued), so a pollable kept by the guest stays right.
  const READY = 0;
  const now = () => hrtime.bigint();
  class Pollable {
    constructor(need) { this._need = need; }
    ready() { return pollList([this], true).length > 0; }
    block() { pollList([this], false); }
    [DISPOSE]() { this._need = null; }
  }
  const readyPollable = () => new Pollable(() => READY);
  const sigRequest = makeSignalRequests(Pollable, READY, DISPOSE);
  let pfds = new Int32Array(64);
  function pollList(list, once) {
    if (!list.length) throw new Error('wasi:io/poll.poll: empty list'); // a trap, as the spec says
    for (;;) {
      const ready = [];
      let nfd = 0, deadline = -1n;
      const slot = [];
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
        if (2 * nfd + 2 > pfds.length) { const b = new Int32Array(pfds.length * 2); b.set(pfds); pfds = b; }
        pfds[2 * nfd] = w[0]; pfds[2 * nfd + 1] = w[1];
        slot[nfd++] = i;
      }
      if (!nfd && (ready.length || once)) return ready;
      const mine = nfd;
      if (queued.size && !once) {
        for (const q of queued) {
          if (2 * nfd + 2 > pfds.length) { const b = new Int32Array(pfds.length * 2); b.set(pfds); pfds = b; }
          pfds[2 * nfd] = q._ref.fd; pfds[2 * nfd + 1] = K.POLLOUT; nfd++;
        }
      }
      let tmo = -1;
      if (ready.length || once) tmo = 0;
      else if (deadline >= 0n) tmo = Number(deadline - t0);
      // POLLOUT on TCP waits for a third of the send buffer to be free, while send(2) takes
      // bytes as soon as any room is there (and the buffer grows as the kernel tunes it):
      // with bytes queued, look again every 10 ms, as a thread blocked in send(2) would.
      if (nfd > mine && (tmo < 0 || tmo > 10e6)) tmo = 10e6;
      if (nfd) {
        const r = N.poll(pfds, nfd, tmo);
        if (r > 0) for (let k = 0; k < mine; k++) if (pfds[2 * k + 1] !== 0) ready.push(slot[k]);
        if (nfd > mine) {
          flushQueued();
          for (let k = 0; k < mine; k++) if (list[slot[k]]._need() === READY && !ready.includes(slot[k])) ready.push(slot[k]);
        }
      } else if (tmo > 0) {
        N.poll(pfds, 0, tmo); // only timers: sleep until the first is due
      }
      if (deadline >= 0n) {
        const t1 = now();
        for (let i = 0; i < list.length; i++) {
          const w = list[i]._need();
          if (typeof w === 'bigint' && w <= t1 && !ready.includes(i)) ready.push(i);
        }
      }
      if (ready.length || once) return ready.sort((a, b) => a - b);
    }
  }
  // Wait for one fd; the bytes other sockets still queue here keep flowing meanwhile.
  const waitFd = (fd, events) => {
    if (!queued.size) { pfds[0] = fd; pfds[1] = events; N.poll(pfds, 1, -1); return; }
    pollList([new Pollable(() => [fd, events])], false);
  };

  // Bytes a socket's output stream accepted but the kernel did not take yet (a non-blocking
  // write may be cut short). They go out during every later wait, also after the guest
  // dropped the stream (then FIN follows them), as the kernel sends after close(2).
  const queued = new Set();
  function flushQueued() {
    for (const s of queued) {
      if (s._drain(false)) {
        queued.delete(s);
        if (s._closing) s._end();
      }
    }
  }
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

  // ------------------------------------------------------------ streams
  const MAX_WRITE = 65536; // what check-write grants a socket with nothing queued
  class InputStream {
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
          if (!blocking) { pfds[0] = fd; pfds[1] = K.POLLIN; if (N.poll(pfds, 1, 0) <= 0) return new Uint8Array(0); }
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

  class OutputStream {
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
      if (this._q) { pfds[0] = fd; pfds[1] = K.POLLOUT; if (N.poll(pfds, 1, 0) > 0) this._drain(false); }
      this._fd();
      if (this._k !== 'sock') return 1048576n;
      if (this._q) return 0n;
      // Once the socket was full, grant more only when the kernel says it is writable again:
      // the bytes queued here must not stand in for room the connection does not have (a
      // blocking send to a peer that stopped reading blocks, as on Linux).
      if (this._full) {
        pfds[0] = fd; pfds[1] = K.POLLOUT;
        if (N.poll(pfds, 1, 0) <= 0) return 0n;
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

  // ------------------------------------------------------------ stdio, terminals, environment
  const stdioRef = (fd) => ({ fd, refs: Infinity, hold() { return this; }, release() {} });
  class TerminalInput { [DISPOSE]() {} }
  class TerminalOutput { [DISPOSE]() {} }
  const tty = (fd) => N.fdop(K.FD_ISATTY, fd, 0, 0) === 1;

  // ------------------------------------------------------------ filesystem
  const TYPES = new Map([[K.S_IFDIR, 'directory'], [K.S_IFREG, 'regular-file'], [K.S_IFLNK, 'symbolic-link'],
    [K.S_IFCHR, 'character-device'], [K.S_IFBLK, 'block-device'], [K.S_IFIFO, 'fifo'], [K.S_IFSOCK, 'socket']]);
  const DTYPES = new Map([[K.DT_DIR, 'directory'], [K.DT_REG, 'regular-file'], [K.DT_LNK, 'symbolic-link'],
    [K.DT_CHR, 'character-device'], [K.DT_BLK, 'block-device'], [K.DT_FIFO, 'fifo'], [K.DT_SOCK, 'socket']]);
  const modeType = (mode) => TYPES.get(Number(mode) & K.S_IFMT) ?? 'unknown';
  const ts = (i) => ({ seconds: s64[i], nanoseconds: Number(s64[i + 1]) });
  const statResult = () => ({
    type: modeType(s64[0]), linkCount: s64[1], size: s64[2],
    dataAccessTimestamp: ts(3), dataModificationTimestamp: ts(5), statusChangeTimestamp: ts(7),
  });
  const hashResult = () => ({ lower: BigInt.asUintN(64, s64[10]), upper: BigInt.asUintN(64, s64[9]) });
  // new-timestamp -> [seconds, nanoseconds], -1: now, -2: no change (tools/native's utimens)
  const newTime = (t) => {
    switch (t.tag) {
      case 'no-change': return [0, -2];
      case 'now': return [0, -1];
      case 'timestamp': return [Number(t.val.seconds), t.val.nanoseconds];
      default: throw 'invalid';
    }
  };
  const ADVICE = { normal: K.POSIX_FADV_NORMAL, sequential: K.POSIX_FADV_SEQUENTIAL, random: K.POSIX_FADV_RANDOM,
    'will-need': K.POSIX_FADV_WILLNEED, 'dont-need': K.POSIX_FADV_DONTNEED, 'no-reuse': K.POSIX_FADV_NOREUSE };

  // The stat-at just answered, for the metadata-hash-at that follows it. Any other
  // filesystem call made in between (one that could rename or replace the file) forgets it.
  let lastStat = null;

  // open-at's flags as bits, WIT order: path-flags symlink-follow 1; open-flags create 1,
  // directory 2, exclusive 4, truncate 8; descriptor-flags read 1, write 2,
  // file-integrity-sync 4, data-integrity-sync 8, requested-write-sync 16, mutate-directory 32.
  // The glue's records become bits once (bitsOf); the core-ABI path gets bits already.
  const OPEN_FLAGS = ['create', 'directory', 'exclusive', 'truncate'];
  const DESC_FLAGS = ['read', 'write', 'fileIntegritySync', 'dataIntegritySync', 'requestedWriteSync', 'mutateDirectory'];
  const bitsOf = (rec, names) => names.reduce((b, n, i) => (rec?.[n] ? b | (1 << i) : b), 0);
  // the open(2) flags for them
  const osOpenFlags = (pathFlags, openFlags, flags) => {
    const rd = flags & 1, wr = flags & 2;
    let of = rd && wr ? K.O_RDWR : wr ? K.O_WRONLY : rd || (openFlags & 9) ? K.O_RDONLY : K.O_PATH;
    if (openFlags & 1) of |= K.O_CREAT;
    if (openFlags & 2) of |= K.O_DIRECTORY;
    if (openFlags & 4) of |= K.O_EXCL;
    if (openFlags & 8) of |= K.O_TRUNC;
    if (!(pathFlags & 1)) of |= K.O_NOFOLLOW;
    if (flags & 20) of |= K.O_SYNC; // file-integrity-sync, requested-write-sync
    else if (flags & 8) of |= K.O_DSYNC;
    return of | K.O_NOCTTY;
  };
  // the new descriptor's flags (a directory opened from one that may mutate may mutate too)
  const childFlags = (parent, openFlags, flags) => ({
    read: !!(flags & 1), write: !!(flags & 2), fileIntegritySync: !!(flags & 4), dataIntegritySync: !!(flags & 8),
    requestedWriteSync: !!(flags & 16), mutateDirectory: !!((flags & 32) || (parent.mutateDirectory && (openFlags & 2))),
  });

  class Descriptor {
    constructor(ref, flags, preopen = false) { this._ref = ref; this._flags = flags; this._pre = preopen; this._type = null; }
    _fd() { if (!this._ref || this._ref.fd < 0) throw 'bad-descriptor'; return this._ref.fd; }
    readViaStream(offset) { this._fd(); return new InputStream('file', this._ref.hold(), Number(offset)); }
    writeViaStream(offset) { this._fd(); return new OutputStream('file', this._ref.hold(), Number(offset)); }
    // appends with RWF_APPEND: each write lands at the end, as with O_APPEND, even with several writers
    appendViaStream() { this._fd(); return new OutputStream('file', this._ref.hold(), -2); }
    advise(offset, length, advice) {
      fsCheck(N.fdop(K.FD_ADVISE, this._fd(), Number(offset), Number(length), ADVICE[advice] ?? K.POSIX_FADV_NORMAL));
    }
    syncData() { fsCheck(N.fdop(K.FD_FDATASYNC, this._fd(), 0, 0)); }
    sync() { fsCheck(N.fdop(K.FD_FSYNC, this._fd(), 0, 0)); }
    getFlags() { this._fd(); return { ...this._flags }; }
    getType() {
      if (this._type === null) { fsCheck(N.fstat(this._fd())); this._type = modeType(s64[0]); }
      return this._type;
    }
    setSize(size) { fsCheck(N.fdop(K.FD_FTRUNCATE, this._fd(), Number(size), 0)); }
    setTimes(a, m) {
      const [as, an] = newTime(a), [ms, mn] = newTime(m);
      fsCheck(N.utimens(this._fd(), null, false, as, an, ms, mn));
    }
    read(length, offset) {
      const n = fsCheck(N.pread(this._fd(), Number(length), Number(offset)));
      return [bytesView(n), n === 0 && Number(length) > 0];
    }
    write(buffer, offset) { return BigInt(fsCheck(N.pwrite(this._fd(), buffer, Number(offset)))); }
    readDirectory() {
      const r = N.readdir(this._fd());
      if (typeof r === 'number') throw fsCode(r);
      return new DirectoryEntryStream(r);
    }
    createDirectoryAt(path) { lastStat = null; fsCheck(N.pathop(K.OP_MKDIR, this._fd(), path)); }
    stat() { fsCheck(N.fstat(this._fd())); return statResult(); }
    statAt(pathFlags, path) {
      const follow = !!pathFlags?.symlinkFollow;
      fsCheck(N.statat(this._fd(), path, follow));
      // libc asks metadata-hash-at of the same path next (st_ino): answer it from this stat
      lastStat = { d: this, path, follow, hash: hashResult() };
      return statResult();
    }
    setTimesAt(pathFlags, path, a, m) {
      const [as, an] = newTime(a), [ms, mn] = newTime(m);
      fsCheck(N.utimens(this._fd(), path, !!pathFlags?.symlinkFollow, as, an, ms, mn));
    }
    linkAt(oldPathFlags, oldPath, newDescriptor, newPath) {
      lastStat = null;
      // following: the kernel resolves the source beneath this directory (OP_LINK_FOLLOW)
      fsCheck(N.pathop(oldPathFlags?.symlinkFollow ? K.OP_LINK_FOLLOW : K.OP_LINK, this._fd(), oldPath, descFd(newDescriptor), newPath));
    }
    openAt(pathFlags, path, openFlags, flags) {
      lastStat = null;
      const fd = this._fd();
      const ob = bitsOf(openFlags, OPEN_FLAGS), fb = bitsOf(flags, DESC_FLAGS);
      const nfd = fsCheck(N.open(fd, path, osOpenFlags(pathFlags?.symlinkFollow ? 1 : 0, ob, fb), 0o666));
      return new Descriptor(new FdRef(nfd), childFlags(this._flags, ob, fb));
    }
    readlinkAt(path) {
      const n = fsCheck(N.pathop(K.OP_READLINK, this._fd(), path));
      return Buffer.from(scratch, HDR, n).toString('utf8');
    }
    removeDirectoryAt(path) { lastStat = null; fsCheck(N.pathop(K.OP_RMDIR, this._fd(), path)); }
    renameAt(oldPath, newDescriptor, newPath) { lastStat = null; fsCheck(N.pathop(K.OP_RENAME, this._fd(), oldPath, descFd(newDescriptor), newPath)); }
    symlinkAt(target, path) {
      lastStat = null;
      // a link out of the sandbox (absolute, or climbing above the preopen) is refused, as by
      // other WASI hosts; following one would be refused anyway
      if (target.startsWith('/')) throw 'not-permitted';
      fsCheck(N.pathop(K.OP_SYMLINK, this._fd(), target, path));
    }
    unlinkFileAt(path) { lastStat = null; fsCheck(N.pathop(K.OP_UNLINK, this._fd(), path)); }
    isSameObject(other) {
      fsCheck(N.fstat(this._fd()));
      const a = [s64[9], s64[10]];
      fsCheck(N.fstat(descFd(other)));
      return a[0] === s64[9] && a[1] === s64[10];
    }
    metadataHash() { fsCheck(N.fstat(this._fd())); return hashResult(); }
    metadataHashAt(pathFlags, path) {
      const follow = !!pathFlags?.symlinkFollow;
      const last = lastStat;
      lastStat = null;
      if (last && last.d === this && last.path === path && last.follow === follow) return last.hash;
      fsCheck(N.statat(this._fd(), path, follow));
      return hashResult();
    }
    [DISPOSE]() { if (this._ref && !this._pre) { this._ref.release(); this._ref = null; } }
  }
  const descFd = (d) => { if (!(d instanceof Descriptor)) throw 'bad-descriptor'; return d._fd(); };

  // ------------------------------------------------------------ core-ABI fast paths
  // The hot descriptor calls, for the glue's trampolines (tools/lib/glue-fast.mjs lowers them
  // to these when the component imports this host): arguments are the core wasm values, the
  // path stays in guest memory, the result goes to the guest's return area. No WIT value is
  // made, decoded or lifted on the way, and one Node-API call is made per WASI call. Each
  // returns false when the ordinary path must run instead (it then reports, checks or traps
  // as the component model says): a descriptor not open, flags with unknown bits, a path
  // that is not plain ASCII, a pointer out of bounds. WASIP2_RUN_RAW=0 turns them off (the
  // glue's own lowering then serves every call: tests compare the two).
  const FS_CODES = ['access', 'would-block', 'already', 'bad-descriptor', 'busy', 'deadlock', 'quota',
    'exist', 'file-too-large', 'illegal-byte-sequence', 'in-progress', 'interrupted', 'invalid', 'io',
    'is-directory', 'loop', 'too-many-links', 'message-size', 'name-too-long', 'no-device', 'no-entry',
    'no-lock', 'insufficient-memory', 'insufficient-space', 'not-directory', 'not-empty',
    'not-recoverable', 'unsupported', 'no-tty', 'no-such-device', 'overflow', 'not-permitted', 'pipe',
    'read-only', 'invalid-seek', 'text-file-busy', 'cross-device']; // wasi:filesystem error-code, in WIT order
  const codeByErrno = new Uint8Array(4096).fill(FS_CODES.indexOf('io'));
  for (const [e, name] of FS) if (e > 0 && e < codeByErrno.length) codeByErrno[e] = FS_CODES.indexOf(name);
  N.set_fs_codes(codeByErrno, FS_CODES.indexOf('io'));
  // the guest memory's ArrayBuffer, read again only once a memory.grow detached it
  let rawMem = null, rawBuf = null;
  const memBuf = (mem) => ((mem === rawMem && rawBuf.byteLength !== 0) ? rawBuf : (rawMem = mem, rawBuf = mem.buffer));
  const openFd = (d) => (d instanceof Descriptor && d._ref && d._ref.fd >= 0 ? d._ref.fd : -1);
  const FB = K.RAW_FALLBACK;
  const dataBytes = new Uint8Array(scratch, HDR);
  if (process.env.WASIP2_RUN_RAW !== '0') Descriptor._wasip2Raw = {
    // [method]descriptor.stat-at(self, path-flags, path) -> result<descriptor-stat, error-code>
    statAt(d, mem, pathFlags, ptr, len, ret) {
      const fd = openFd(d);
      if (fd < 0 || (pathFlags & ~1) !== 0) return false;
      lastStat = null;
      return N.statat_raw(memBuf(mem), fd, ptr, len, pathFlags & 1, ret) !== FB;
    },
    // [method]descriptor.metadata-hash-at: from the stat-at just made, when it was of this path
    metadataHashAt(d, mem, pathFlags, ptr, len, ret) {
      const fd = openFd(d);
      if (fd < 0 || (pathFlags & ~1) !== 0) return false;
      lastStat = null;
      return N.hashat_raw(memBuf(mem), fd, ptr, len, pathFlags & 1, ret) !== FB;
    },
    stat(d, mem, ret) {
      const fd = openFd(d);
      return fd >= 0 && N.fstat_raw(memBuf(mem), fd, ret, 0) !== FB;
    },
    metadataHash(d, mem, ret) {
      const fd = openFd(d);
      return fd >= 0 && N.fstat_raw(memBuf(mem), fd, ret, 1) !== FB;
    },
    // [method]descriptor.open-at(self, path-flags, path, open-flags, descriptor-flags)
    //   -> result<descriptor, error-code>: the new Descriptor (the glue gives it its handle),
    //   true when the error was written, false for the ordinary path
    openAt(d, mem, pathFlags, ptr, len, openFlags, flags, ret) {
      const fd = openFd(d);
      if (fd < 0 || (pathFlags & ~1) !== 0 || (openFlags & ~15) !== 0 || (flags & ~63) !== 0) return false;
      lastStat = null;
      const nfd = N.openat_raw(memBuf(mem), fd, ptr, len, osOpenFlags(pathFlags, openFlags, flags), ret);
      if (nfd === FB) return false;
      if (nfd < 0) return true;
      return new Descriptor(new FdRef(nfd), childFlags(d._flags, openFlags, flags));
    },
    // [method]descriptor.read(self, length: u64, offset: u64) -> result<tuple<list<u8>, bool>, error-code>:
    // n >= 0: n bytes are in bytes(n) (the glue allocates the list and writes the result);
    // -1: the error was written; FB: the ordinary path (an offset past 2^53)
    read(d, length, offset, mem, ret) {
      const fd = openFd(d);
      if (fd < 0 || offset < 0n || offset > 0x1fffffffffffffn) return FB;
      const n = N.pread(fd, length < 0n || length > 0x7fffffffn ? 0x7fffffff : Number(length), Number(offset));
      if (n >= 0) return n;
      const dv = new DataView(memBuf(mem));
      dv.setUint8(ret, 1);
      dv.setUint8(ret + 4, codeByErrno[-n] ?? codeByErrno[K.EIO]);
      return -1;
    },
    bytes: (n) => dataBytes.subarray(0, n),
  };

  class DirectoryEntryStream {
    constructor(list) { this._l = list; this._i = 0; }
    readDirectoryEntry() {
      if (this._i >= this._l.length) return undefined;
      const type = DTYPES.get(this._l[this._i]) ?? 'unknown';
      const name = this._l[this._i + 1];
      this._i += 2;
      return { type, name };
    }
    [DISPOSE]() { this._l = []; }
  }

  // The guest sees only these directories; each is opened once, and the guest can never
  // close it (its drop is a no-op), so relative paths always resolve beneath a real --dir.
  const preopenList = [];
  for (const [guest, host] of config.preopens) {
    const fd = N.openroot(host);
    if (fd < 0) throw new Error(`--dir ${host}: cannot open (errno ${-fd})`);
    preopenList.push([new Descriptor(new FdRef(fd), { read: true, mutateDirectory: true }, true), guest]);
  }

  // ------------------------------------------------------------ sockets: addresses
  function encodeAddr(a) {
    if (a.tag === 'ipv4') {
      const b = new Uint8Array(16);
      const dv = new DataView(b.buffer);
      dv.setUint16(0, K.AF_INET, true);
      dv.setUint16(2, a.val.port, false);
      b.set(a.val.address, 4);
      return b;
    }
    const b = new Uint8Array(28);
    const dv = new DataView(b.buffer);
    dv.setUint16(0, K.AF_INET6, true);
    dv.setUint16(2, a.val.port, false);
    dv.setUint32(4, a.val.flowInfo ?? 0, false);
    a.val.address.forEach((w, i) => dv.setUint16(8 + 2 * i, w, false));
    dv.setUint32(24, a.val.scopeId ?? 0, true);
    return b;
  }
  function decodeAddr() {
    const o = K.SA_OFF;
    const fam = sdv.getUint16(o, true);
    const port = sdv.getUint16(o + 2, false);
    if (fam === K.AF_INET) {
      return { tag: 'ipv4', val: { port, address: [sdv.getUint8(o + 4), sdv.getUint8(o + 5), sdv.getUint8(o + 6), sdv.getUint8(o + 7)] } };
    }
    const address = [];
    for (let i = 0; i < 8; i++) address.push(sdv.getUint16(o + 8 + 2 * i, false));
    return { tag: 'ipv6', val: { port, flowInfo: sdv.getUint32(o + 4, false), address, scopeId: sdv.getUint32(o + 24, true) } };
  }
  const isMapped = (a) => a.tag === 'ipv6' && a.val.address.slice(0, 5).every((w) => w === 0) && a.val.address[5] === 0xffff;
  const isUnspecified = (a) => a.val.address.every((w) => w === 0);
  function isUnicast(a) {
    const x = a.val.address;
    if (a.tag === 'ipv4') return x[0] < 224 && !(x[0] === 255 && x[1] === 255 && x[2] === 255 && x[3] === 255);
    return x[0] < 0xff00;
  }
  const FAMILY = { ipv4: K.AF_INET, ipv6: K.AF_INET6 };

  // ------------------------------------------------------------ sockets: network
  class Network { [DISPOSE]() {} }
  const theNetwork = new Network();
  const denied = () => { throw 'access-denied'; };
  const checkNet = (n) => { if (!(n instanceof Network)) throw 'invalid-argument'; };

  // socket options common to TCP and UDP
  const optOps = (base) => ({
    _opt(level, name) { return netCheck(N.sockop(K.S_GETOPT, this._fd(), level, name)); },
    _set(level, name, v) { netCheck(N.sockop(K.S_SETOPT, this._fd(), level, name, v)); },
    _hopOpt() { return this._family === 'ipv4' ? [K.IPPROTO_IP, K.IP_TTL] : [K.IPPROTO_IPV6, K.IPV6_UNICAST_HOPS]; },
    receiveBufferSize() { return BigInt(this._opt(K.SOL_SOCKET, K.SO_RCVBUF)); },
    setReceiveBufferSize(v) { if (v === 0n) throw 'invalid-argument'; this._set(K.SOL_SOCKET, K.SO_RCVBUF, Number(v > 0x3fffffffn ? 0x3fffffffn : v)); },
    sendBufferSize() { return BigInt(this._opt(K.SOL_SOCKET, K.SO_SNDBUF)); },
    setSendBufferSize(v) { if (v === 0n) throw 'invalid-argument'; this._set(K.SOL_SOCKET, K.SO_SNDBUF, Number(v > 0x3fffffffn ? 0x3fffffffn : v)); },
    addressFamily() { return this._family; },
    ...base,
  });

  // ------------------------------------------------------------ sockets: TCP
  // states: unbound, bind-started, bound, connecting, connected, listen-started, listening,
  // closed (a failed connect; WASI 0.2 allows nothing more on it)
  // Every TCP socket binds with SO_REUSEADDR (so a server can take its port again while old
  // connections sit in TIME_WAIT, as servers ask for and other WASI hosts do), which would
  // also let two of the guest's sockets bind one port while neither listens. WASI 0.2 cannot
  // say whether the program set SO_REUSEADDR, so the guest's own bound ports are kept here
  // and a second bind of one is address-in-use (clashes with listeners and with other
  // processes are the kernel's).
  const tcpBound = new Map(); // socket -> { family, addr, port }
  const wild = (a) => a.every((w) => w === 0);
  function tcpClash(family, addr, port) {
    for (const b of tcpBound.values()) {
      if (b.family === family && b.port === port
        && (wild(addr) || wild(b.addr) || b.addr.every((w, i) => w === addr[i]))) return true;
    }
    return false;
  }

  class TcpSocket {
    constructor(family, ref, state = 'unbound') {
      this._family = family; this._ref = ref; this._state = state; this._backlog = 128; this._net = null;
    }
    _fd() { if (!this._ref || this._ref.fd < 0) throw 'invalid-state'; return this._ref.fd; }
    startBind(network, local) {
      checkNet(network);
      if (this._state !== 'unbound') throw 'invalid-state';
      if (local.tag !== this._family || !isUnicast(local) || isMapped(local)) throw 'invalid-argument';
      const fd = this._fd();
      if (local.val.port !== 0 && tcpClash(local.tag, local.val.address, local.val.port)) throw 'address-in-use';
      N.sockop(K.S_SETOPT, fd, K.SOL_SOCKET, K.SO_REUSEADDR, 1);
      const r = N.sockop(K.S_BIND, fd, encodeAddr(local));
      if (r === -K.EINVAL) throw 'invalid-state'; // already bound (an implicit bind)
      netCheck(r);
      netCheck(N.sockop(K.S_SOCKNAME, fd));
      tcpBound.set(this, { family: local.tag, addr: [...local.val.address], port: decodeAddr().val.port });
      this._net = network;
      this._state = 'bind-started';
    }
    finishBind() {
      if (this._state !== 'bind-started') throw 'not-in-progress';
      this._state = 'bound';
    }
    startConnect(network, remote) {
      checkNet(network);
      if (this._state !== 'unbound' && this._state !== 'bound') throw 'invalid-state';
      if (this._net && network !== this._net) throw 'invalid-argument';
      if (remote.tag !== this._family || isUnspecified(remote) || !isUnicast(remote) || isMapped(remote) || remote.val.port === 0) throw 'invalid-argument';
      const r = N.sockop(K.S_CONNECT, this._fd(), encodeAddr(remote));
      if (r < 0 && r !== -K.EINPROGRESS) { this._state = 'closed'; throw netCode(r); }
      this._state = 'connecting';
    }
    finishConnect() {
      if (this._state !== 'connecting') throw 'not-in-progress';
      const fd = this._fd();
      pfds[0] = fd; pfds[1] = K.POLLOUT;
      if (N.poll(pfds, 1, 0) <= 0) throw 'would-block';
      const err = N.sockop(K.S_ERROR, fd);
      if (err !== 0) { this._state = 'closed'; throw err > 0 ? netCode(-err) : netCode(err); }
      this._state = 'connected';
      return [new InputStream('sock', this._ref.hold()), new OutputStream('sock', this._ref.hold())];
    }
    startListen() {
      if (this._state !== 'bound') throw 'invalid-state';
      netCheck(N.sockop(K.S_LISTEN, this._fd(), this._backlog));
      this._state = 'listen-started';
    }
    finishListen() {
      if (this._state !== 'listen-started') throw 'not-in-progress';
      this._state = 'listening';
    }
    accept() {
      if (this._state !== 'listening') throw 'invalid-state';
      const fd = N.sockop(K.S_ACCEPT, this._fd());
      if (fd < 0) throw netCode(fd);
      N.sockop(K.S_SETOPT, fd, K.IPPROTO_TCP, K.TCP_NODELAY, 1);
      const s = new TcpSocket(this._family, new FdRef(fd), 'connected');
      return [s, new InputStream('sock', s._ref.hold()), new OutputStream('sock', s._ref.hold())];
    }
    localAddress() {
      if (this._state === 'unbound') throw 'invalid-state';
      netCheck(N.sockop(K.S_SOCKNAME, this._fd()));
      return decodeAddr();
    }
    remoteAddress() {
      if (this._state !== 'connected') throw 'invalid-state';
      netCheck(N.sockop(K.S_PEERNAME, this._fd()));
      return decodeAddr();
    }
    isListening() { return this._state === 'listening'; }
    setListenBacklogSize(v) {
      if (v === 0n) throw 'invalid-argument';
      this._backlog = Number(v > 0x7fffffffn ? 0x7fffffffn : v);
      if (this._state === 'listening') netCheck(N.sockop(K.S_LISTEN, this._fd(), this._backlog));
      else if (this._state !== 'unbound' && this._state !== 'bound' && this._state !== 'bind-started') throw 'invalid-state';
    }
    keepAliveEnabled() { return this._opt(K.SOL_SOCKET, K.SO_KEEPALIVE) !== 0; }
    setKeepAliveEnabled(v) { this._set(K.SOL_SOCKET, K.SO_KEEPALIVE, v ? 1 : 0); }
    _secs(v) { if (v === 0n) throw 'invalid-argument'; return Number((v + 999999999n) / 1000000000n > 32767n ? 32767n : (v + 999999999n) / 1000000000n); }
    keepAliveIdleTime() { return BigInt(this._opt(K.IPPROTO_TCP, K.TCP_KEEPIDLE)) * 1000000000n; }
    setKeepAliveIdleTime(v) { this._set(K.IPPROTO_TCP, K.TCP_KEEPIDLE, this._secs(v)); }
    keepAliveInterval() { return BigInt(this._opt(K.IPPROTO_TCP, K.TCP_KEEPINTVL)) * 1000000000n; }
    setKeepAliveInterval(v) { this._set(K.IPPROTO_TCP, K.TCP_KEEPINTVL, this._secs(v)); }
    keepAliveCount() { return this._opt(K.IPPROTO_TCP, K.TCP_KEEPCNT); }
    setKeepAliveCount(v) { if (!v) throw 'invalid-argument'; this._set(K.IPPROTO_TCP, K.TCP_KEEPCNT, Math.min(v, 127)); }
    hopLimit() { return this._opt(...this._hopOpt()); }
    setHopLimit(v) { if (!v) throw 'invalid-argument'; this._set(...this._hopOpt(), v); }
    subscribe() {
      return new Pollable(() => {
        if (!this._ref || this._ref.fd < 0) return READY;
        if (this._state === 'connecting') return [this._ref.fd, K.POLLOUT];
        if (this._state === 'listening') return [this._ref.fd, K.POLLIN];
        return READY;
      });
    }
    shutdown(type) {
      if (this._state !== 'connected') throw 'invalid-state';
      const how = type === 'receive' ? K.SHUT_RD : type === 'send' ? K.SHUT_WR : K.SHUT_RDWR;
      netCheck(N.sockop(K.S_SHUTDOWN, this._fd(), how));
    }
    [DISPOSE]() { tcpBound.delete(this); if (this._ref) { this._ref.release(); this._ref = null; } }
  }
  Object.assign(TcpSocket.prototype, optOps({}));
  function createTcpSocket(family) {
    if (!FAMILY[family]) throw 'not-supported';
    const fd = netCheck(N.socket(FAMILY[family], K.SOCK_STREAM));
    // WASI 0.2 has no TCP_NODELAY option: request/response traffic would stall ~40 ms per
    // exchange on Nagle + delayed ACK, so every TCP socket has Nagle off (libc reports it).
    N.sockop(K.S_SETOPT, fd, K.IPPROTO_TCP, K.TCP_NODELAY, 1);
    return new TcpSocket(family, new FdRef(fd));
  }

  // ------------------------------------------------------------ sockets: UDP
  class UdpSocket {
    constructor(family, ref) { this._family = family; this._ref = ref; this._state = 'unbound'; this._remote = null; this._net = null; }
    _fd() { if (!this._ref || this._ref.fd < 0) throw 'invalid-state'; return this._ref.fd; }
    startBind(network, local) {
      checkNet(network);
      if (this._state !== 'unbound') throw 'invalid-state';
      if (local.tag !== this._family || isMapped(local)) throw 'invalid-argument';
      const r = N.sockop(K.S_BIND, this._fd(), encodeAddr(local));
      if (r === -K.EINVAL) throw 'invalid-state';
      netCheck(r);
      this._net = network;
      this._state = 'bind-started';
    }
    finishBind() {
      if (this._state !== 'bind-started') throw 'not-in-progress';
      this._state = 'bound';
    }
    stream(remote) {
      if (this._state !== 'bound') throw 'invalid-state';
      const fd = this._fd();
      if (remote) {
        if (remote.tag !== this._family || isUnspecified(remote) || isMapped(remote) || remote.val.port === 0) throw 'invalid-argument';
        netCheck(N.sockop(K.S_CONNECT, fd, encodeAddr(remote)));
        this._remote = remote;
      } else if (this._remote) {
        N.sockop(K.S_DISCONNECT, fd);
        this._remote = null;
      }
      return [new IncomingDatagramStream(this), new OutgoingDatagramStream(this)];
    }
    localAddress() {
      if (this._state === 'unbound') throw 'invalid-state';
      netCheck(N.sockop(K.S_SOCKNAME, this._fd()));
      return decodeAddr();
    }
    remoteAddress() {
      if (!this._remote) throw 'invalid-state';
      netCheck(N.sockop(K.S_PEERNAME, this._fd()));
      return decodeAddr();
    }
    unicastHopLimit() { return this._opt(...this._hopOpt()); }
    setUnicastHopLimit(v) { if (!v) throw 'invalid-argument'; this._set(...this._hopOpt(), v); }
    subscribe() { return readyPollable(); }
    [DISPOSE]() { if (this._ref) { this._ref.release(); this._ref = null; } }
  }
  Object.assign(UdpSocket.prototype, optOps({}));
  class IncomingDatagramStream {
    constructor(sock) { this._s = sock; this._ref = sock._ref.hold(); }
    receive(max) {
      const out = [];
      const n = Number(max > 1024n ? 1024n : max);
      while (out.length < n) {
        const r = N.recv(this._ref.fd, 65536, K.MSG_DONTWAIT);
        if (r < 0) {
          if (r === -K.EAGAIN || out.length) break;
          throw netCode(r);
        }
        out.push({ data: bytesCopy(r), remoteAddress: decodeAddr() });
      }
      return out;
    }
    subscribe() { return new Pollable(() => (this._ref && this._ref.fd >= 0 ? [this._ref.fd, K.POLLIN] : READY)); }
    [DISPOSE]() { if (this._ref) { this._ref.release(); this._ref = null; } }
  }
  class OutgoingDatagramStream {
    constructor(sock) { this._s = sock; this._ref = sock._ref.hold(); }
    checkSend() {
      pfds[0] = this._ref.fd; pfds[1] = K.POLLOUT;
      return N.poll(pfds, 1, 0) > 0 ? 64n : 0n;
    }
    send(datagrams) {
      let sent = 0;
      for (const d of datagrams) {
        let addr;
        if (d.remoteAddress) {
          const ra = d.remoteAddress;
          if (ra.tag !== this._s._family || isUnspecified(ra) || isMapped(ra) || ra.val.port === 0) { if (sent) break; throw 'invalid-argument'; }
          if (this._s._remote) {
            const cur = this._s._remote;
            if (ra.val.port !== cur.val.port || ra.val.address.some((w, i) => w !== cur.val.address[i])) { if (sent) break; throw 'invalid-argument'; }
          } else addr = encodeAddr(ra);
        } else if (!this._s._remote) { if (sent) break; throw 'invalid-argument'; }
        const r = N.send(this._ref.fd, d.data, K.MSG_DONTWAIT, addr);
        if (r < 0) {
          if (sent || r === -K.EAGAIN) break;
          throw netCode(r);
        }
        sent++;
      }
      return BigInt(sent);
    }
    subscribe() { return new Pollable(() => (this._ref && this._ref.fd >= 0 ? [this._ref.fd, K.POLLOUT] : READY)); }
    [DISPOSE]() { if (this._ref) { this._ref.release(); this._ref = null; } }
  }
  function createUdpSocket(family) {
    if (!FAMILY[family]) throw 'not-supported';
    return new UdpSocket(family, new FdRef(netCheck(N.socket(FAMILY[family], K.SOCK_DGRAM))));
  }

  // ------------------------------------------------------------ sockets: name lookup
  class ResolveAddressStream {
    constructor(list) { this._l = list; }
    resolveNextAddress() { return this._l.shift(); }
    subscribe() { return readyPollable(); }
    [DISPOSE]() { this._l = []; }
  }
  const EAI = new Map([[K.EAI_NONAME, 'name-unresolvable'], [K.EAI_NODATA, 'name-unresolvable'],
    [K.EAI_AGAIN, 'temporary-resolver-failure']]);
  function resolveAddresses(network, name) {
    checkNet(network);
    if (!name || name.length > 253 || /[\s\0/]/.test(name)) throw 'invalid-argument';
    const host = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
    const r = N.lookup(host);
    if (typeof r === 'number') {
      if (r <= -1000 + 0 && r > -2000) throw EAI.get(r + 1000) ?? 'permanent-resolver-failure';
      throw netCode(r);
    }
    const list = [], seen = new Set();
    for (let i = 0; i < r.length;) {
      const fam = r[i++];
      const address = fam === 4 ? r.slice(i, i + 4) : r.slice(i, i + 8);
      i += fam === 4 ? 4 : 8;
      const key = `${fam}:${address.join('.')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      list.push({ tag: fam === 4 ? 'ipv4' : 'ipv6', val: address });
    }
    return new ResolveAddressStream(list);
  }

  // ------------------------------------------------------------ random and clocks
  // Web Crypto's generator (the kernel's CSPRNG), 64 KiB per call at most
  const rand = (len) => {
    const n = Number(len), b = new Uint8Array(n);
    for (let i = 0; i < n; i += 65536) globalThis.crypto.getRandomValues(b.subarray(i, Math.min(n, i + 65536)));
    return b;
  };
  const randU64 = () => new BigUint64Array(rand(8).buffer)[0];
  let seed = null;

  const networkErrorCode = (err) => (err instanceof IoError && err.kind === 'sock' ? NET.get(err.errno) ?? 'unknown' : undefined);
  const deny = !!config.denyNetwork;
  return {
    'wasi:cli/environment': {
      getEnvironment: () => Object.entries(config.env),
      getArguments: () => config.args,
      initialCwd: () => (config.preopens.length ? config.preopens[0][0] : undefined),
    },
    'wasi:cli/stdin': { getStdin: () => new InputStream('stdin', stdioRef(0)) },
    'wasi:cli/stdout': { getStdout: () => new OutputStream('stdio', stdioRef(1)) },
    'wasi:cli/stderr': { getStderr: () => new OutputStream('stdio', stdioRef(2)) },
    'wasi:cli/terminal-input': { TerminalInput },
    'wasi:cli/terminal-output': { TerminalOutput },
    'wasi:cli/terminal-stdin': { getTerminalStdin: () => (tty(0) ? new TerminalInput() : undefined) },
    'wasi:cli/terminal-stdout': { getTerminalStdout: () => (tty(1) ? new TerminalOutput() : undefined) },
    'wasi:cli/terminal-stderr': { getTerminalStderr: () => (tty(2) ? new TerminalOutput() : undefined) },
    'wasi:clocks/monotonic-clock': {
      now,
      resolution: () => 1n,
      subscribeInstant: (when) => { const w = BigInt(when); return new Pollable(() => w); },
      // signals from outside ride on reserved durations (tools/lib/signals.mjs)
      subscribeDuration: (d) => { const w = now() + BigInt(d); return sigRequest(BigInt(d)) ?? new Pollable(() => w); },
    },
    'wasi:clocks/wall-clock': {
      now: () => { N.realtime(); return { seconds: s64[12], nanoseconds: Number(s64[13]) }; },
      resolution: () => ({ seconds: 0n, nanoseconds: 1 }),
    },
    'wasi:filesystem/types': {
      Descriptor, DirectoryEntryStream,
      filesystemErrorCode: (err) => (err instanceof IoError && err.kind === 'file' ? FS.get(err.errno) ?? 'io' : undefined),
    },
    'wasi:filesystem/preopens': { getDirectories: () => preopenList.slice() },
    'wasi:io/error': { Error: IoError },
    'wasi:io/poll': { Pollable, poll: (list) => pollList(list, false) },
    'wasi:io/streams': { InputStream, OutputStream },
    'wasi:random/random': { getRandomBytes: rand, getRandomU64: randU64 },
    'wasi:random/insecure': { getInsecureRandomBytes: rand, getInsecureRandomU64: randU64 },
    'wasi:random/insecure-seed': { insecureSeed: () => (seed ??= [randU64(), randU64()]) },
    'wasi:sockets/network': { Network, networkErrorCode },
    'wasi:sockets/instance-network': { instanceNetwork: () => theNetwork },
    'wasi:sockets/ip-name-lookup': { ResolveAddressStream, resolveAddresses: deny ? denied : resolveAddresses },
    'wasi:sockets/tcp': { TcpSocket },
    'wasi:sockets/tcp-create-socket': { createTcpSocket: deny ? denied : createTcpSocket },
    'wasi:sockets/udp': { UdpSocket, IncomingDatagramStream, OutgoingDatagramStream },
    'wasi:sockets/udp-create-socket': { createUdpSocket: deny ? denied : createUdpSocket },
  };
}
