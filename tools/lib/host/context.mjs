// The native host's shared context: the Node-API module, its constants, the scratch buffer
// results come back in, the host configuration, and the plumbing every interface module uses
// (errno -> WASI error-code, wasi:io/error, the fd reference count). setup() fills it once per
// process (tools/lib/native-host.mjs); the other modules of this folder import its bindings,
// which are live: they see what setup() stored.
//
// No module is imported: an ES module import of node:process builds its ES facade, which reads
// every property of process, process.stdout and process.stderr included (that makes both
// streams: 3-10 ms of start-up).
export const DISPOSE = Symbol.dispose || Symbol.for('dispose');

/** N: wasip2_host.node's functions; K: its constants; config: wasip2-run's host config. */
export let N, K, config;
/** scratch: the native module's result buffer (a header of 64-bit slots, then data bytes). */
export let scratch, HDR, s64, sdv;
/** errno -> error-code name maps of wasi:filesystem (FS) and wasi:sockets (NET). */
export let FS, NET;

export function setup(native, cfg) {
  N = native;
  K = N.constants();
  config = cfg;
  scratch = N.init();
  HDR = K.HDR_SIZE;
  s64 = new BigInt64Array(scratch, 0, HDR / 8);
  sdv = new DataView(scratch, 0, HDR);
  FS = byNum(FS_NAMES);
  NET = byNum(NET_NAMES);
}

export const bytesView = (n) => new Uint8Array(scratch, HDR, n); // valid until the next call
export const bytesCopy = (n) => new Uint8Array(scratch.slice(HDR, HDR + n));

// ------------------------------------------------------------ errno -> error-code
const FS_NAMES = {
  EACCES: 'access', EAGAIN: 'would-block', EALREADY: 'already', EBADF: 'bad-descriptor',
  EBUSY: 'busy', EDEADLK: 'deadlock', EDQUOT: 'quota', EEXIST: 'exist', EFBIG: 'file-too-large',
  EILSEQ: 'illegal-byte-sequence', EINPROGRESS: 'in-progress', EINTR: 'interrupted',
  EINVAL: 'invalid', EIO: 'io', EISDIR: 'is-directory', ELOOP: 'loop', EMLINK: 'too-many-links',
  EMSGSIZE: 'message-size', ENAMETOOLONG: 'name-too-long', ENODEV: 'no-device',
  ENOENT: 'no-entry', ENOLCK: 'no-lock', ENOMEM: 'insufficient-memory', ENOSPC: 'insufficient-space',
  ENOTDIR: 'not-directory', ENOTEMPTY: 'not-empty', ENOTSUP: 'unsupported', EOPNOTSUPP: 'unsupported',
  ENOSYS: 'unsupported', ENOTTY: 'no-tty', ENXIO: 'no-such-device', EOVERFLOW: 'overflow',
  EPERM: 'not-permitted', EPIPE: 'pipe', EROFS: 'read-only', ESPIPE: 'invalid-seek',
  ETXTBSY: 'text-file-busy', EXDEV: 'cross-device', ENOTRECOVERABLE: 'not-recoverable',
};
const NET_NAMES = {
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
};
// errno number -> name, first name wins (EAGAIN and EWOULDBLOCK are one number)
function byNum(table) {
  const m = new Map();
  for (const [name, code] of Object.entries(table)) if (K[name] !== undefined && !m.has(K[name])) m.set(K[name], code);
  return m;
}
export const fsCode = (r) => FS.get(-r) ?? 'io';
export const netCode = (r) => NET.get(-r) ?? 'unknown';
export const fsCheck = (r) => { if (r < 0) throw fsCode(r); return r; };
export const netCheck = (r) => { if (r < 0) throw netCode(r); return r; };

// wasi:io/error.error: what a failed stream operation carries
export class IoError {
  constructor(errno, kind) { this.errno = errno; this.kind = kind; }
  toDebugString() {
    const name = Object.keys(K).find((k) => /^E[A-Z0-9]+$/.test(k) && K[k] === this.errno) ?? `errno ${this.errno}`;
    return `${this.kind} stream: ${name}`;
  }
  [DISPOSE]() {}
}
export const streamError = (r, kind) => ({ tag: 'last-operation-failed', val: new IoError(-r, kind) });
export const CLOSED = { tag: 'closed' };

// ------------------------------------------------------------ fds shared by several resources
// A socket and its two streams (a descriptor and its streams) use one fd; it is closed when
// the last of them is dropped, whatever the order the guest drops them in.
export class FdRef {
  constructor(fd) { this.fd = fd; this.refs = 1; }
  hold() { this.refs++; return this; }
  release() { if (--this.refs === 0 && this.fd >= 0) { N.close(this.fd); this.fd = -1; } }
}
