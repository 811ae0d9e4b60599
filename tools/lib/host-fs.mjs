// Runner-side fixes for preview2-shim's wasi:filesystem (bugs 1, 5, 6, 7 in docs/host-notes.md).
//
// As for TCP (host-tcp.mjs), the glue calls methods on the shim's own Descriptor instances, so
// we replace single methods on Descriptor.prototype and keep what we need (each descriptor's
// host path) in a WeakMap filled from the preopens and from open-at results.
import { lstatSync, statSync, utimesSync, lutimesSync } from 'node:fs';
import { posix } from 'node:path';

const INSTALLED = Symbol.for('wasip2-run.fs-fixes');

// Node error code -> wasi:filesystem error-code, for host exceptions the shim lets through raw.
const FS_ERRORS = {
  EACCES: 'access', EAGAIN: 'would-block', EBADF: 'bad-descriptor', EBUSY: 'busy',
  EEXIST: 'exist', EFBIG: 'file-too-large', EINTR: 'interrupted', EINVAL: 'invalid', EIO: 'io',
  EISDIR: 'is-directory', ELOOP: 'loop', ENAMETOOLONG: 'name-too-long', ENOENT: 'no-entry',
  ENOMEM: 'insufficient-memory', ENOSPC: 'insufficient-space', ENOTDIR: 'not-directory',
  ENOTEMPTY: 'not-empty', ENOTSUP: 'unsupported', ENXIO: 'no-such-device', EOVERFLOW: 'overflow',
  EPERM: 'not-permitted', EPIPE: 'pipe', EROFS: 'read-only', ESPIPE: 'invalid-seek',
  EXDEV: 'cross-device', EDQUOT: 'quota',
};
export function fsErrorCode(e) {
  if (typeof e === 'string') return e; // already a wasi error-code
  return FS_ERRORS[e?.code] ?? 'io';
}

// A WASI datetime or new-timestamp -> seconds as the Number Node's utimes takes.
// (Node rounds to about a microsecond at today's dates; it has no nanosecond setter.)
const dtSeconds = (dt) => Number(dt.seconds) + dt.nanoseconds / 1e9;
function newTimeSeconds(ts, current) {
  switch (ts.tag) {
    case 'no-change': return current;
    case 'now': return Date.now() / 1000;
    case 'timestamp': return dtSeconds(ts.val);
    default: throw 'invalid';
  }
}

export function installFsFixes(shim, preopenHostPaths) {
  const Descriptor = shim.filesystem?.types?.Descriptor;
  if (!Descriptor) return;
  const hostPath = new WeakMap();
  const preopens = new WeakSet();
  // getDirectories() returns [[descriptor, guestPath]] in the order preopens were added.
  shim.filesystem.preopens.getDirectories().forEach(([d], i) => {
    if (preopenHostPaths[i] !== undefined) { hostPath.set(d, preopenHostPaths[i]); preopens.add(d); }
  });
  if (Descriptor.prototype[INSTALLED]) return;
  const P = Descriptor.prototype;
  const orig = { openAt: P.openAt, read: P.read, write: P.write, getFlags: P.getFlags, setTimes: P.setTimes, setTimesAt: P.setTimesAt };

  // Bug 1: mutate-directory answered `unsupported`. The shim has no per-descriptor permission
  // model to honour it with, so asking for it cannot be refused meaningfully: drop the flag.
  // Also records the host path of the result (the shim already checked it stays in the sandbox).
  P.openAt = function openAt(pathFlags, path, openFlags, flags) {
    const wanted = flags?.mutateDirectory ? { ...flags, mutateDirectory: false } : flags;
    const d = orig.openAt.call(this, pathFlags, path, openFlags, wanted);
    const base = hostPath.get(this);
    if (base !== undefined) hostPath.set(d, posix.resolve(base, path));
    return d;
  };

  // Bug 7: a preopen's get-flags returns nothing (its mode is never set), so a library that
  // checks the directory's flags before a write (access W_OK, open for writing) sees read-only.
  // --dir grants full access to the directory: report read + mutate-directory, as wasmtime does.
  P.getFlags = function getFlags() {
    if (preopens.has(this)) return { read: true, mutateDirectory: true };
    return orig.getFlags.call(this);
  };

  // Bug 5: read/write let Node exceptions (EBADF on a write-only fd, EISDIR...) through raw,
  // which the glue cannot lower into error-code: the guest trapped.
  P.read = function read(length, offset) {
    try { return orig.read.call(this, length, offset); } catch (e) { throw fsErrorCode(e); }
  };
  P.write = function write(buffer, offset) {
    try { return orig.write.call(this, buffer, offset); } catch (e) { throw fsErrorCode(e); }
  };

  // Bug 6: the shim gives futimes milliseconds where it wants seconds (so 2^32 s and beyond read
  // back wrong), mixes units for `now`, and answers `no-change` with the stat of the directory.
  // Ours: seconds throughout, current times from the file itself.
  function setTimesPath(p, follow, atime, mtime) {
    let cur = null;
    if (atime.tag === 'no-change' || mtime.tag === 'no-change') {
      try { cur = (follow ? statSync : lstatSync)(p, { bigint: true }); } catch (e) { throw fsErrorCode(e); }
    }
    const ns = (v) => Number(v / 1000000000n) + Number(v % 1000000000n) / 1e9;
    const a = newTimeSeconds(atime, cur && ns(cur.atimeNs));
    const m = newTimeSeconds(mtime, cur && ns(cur.mtimeNs));
    try { (follow ? utimesSync : lutimesSync)(p, a, m); } catch (e) { throw fsErrorCode(e); }
  }
  P.setTimes = function setTimes(atime, mtime) {
    const p = hostPath.get(this);
    if (p === undefined || preopens.has(this)) return orig.setTimes.call(this, atime, mtime);
    return setTimesPath(p, true, atime, mtime);
  };
  P.setTimesAt = function setTimesAt(pathFlags, path, atime, mtime) {
    const base = hostPath.get(this);
    if (base === undefined) return orig.setTimesAt.call(this, pathFlags, path, atime, mtime);
    // let the shim validate the path (sandbox, absolute paths) with a harmless stat first
    this.statAt({ symlinkFollow: false }, path);
    return setTimesPath(posix.resolve(base, path), !!pathFlags.symlinkFollow, atime, mtime);
  };

  Object.defineProperty(P, INSTALLED, { value: true });
}
