// wasi:filesystem on *at(2) system calls beneath the preopened directories: descriptors,
// directory entry streams, preopens, and the open-at flag mapping; then the core-ABI fast
// paths of six descriptor calls (they share that mapping).
import { N, K, DISPOSE, config, scratch, HDR, s64, bytesView, fsCheck, fsCode, FS, FdRef, IoError } from './context.mjs';
import { InputStream, OutputStream } from './io.mjs';
let TYPES, DTYPES, ADVICE; // set by imports(), once the constants are known
export const modeType = (mode) => TYPES.get(Number(mode) & K.S_IFMT) ?? 'unknown';
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

// The stat-at just answered, for the metadata-hash-at that follows it. Any other
// filesystem call made in between (one that could rename or replace the file) forgets it.
let lastStat = null;
export const forgetStat = () => { lastStat = null; };

// open-at's flags as bits, WIT order: path-flags symlink-follow 1; open-flags create 1,
// directory 2, exclusive 4, truncate 8; descriptor-flags read 1, write 2,
// file-integrity-sync 4, data-integrity-sync 8, requested-write-sync 16, mutate-directory 32.
// The glue's records become bits once (bitsOf); the core-ABI path gets bits already.
const OPEN_FLAGS = ['create', 'directory', 'exclusive', 'truncate'];
const DESC_FLAGS = ['read', 'write', 'fileIntegritySync', 'dataIntegritySync', 'requestedWriteSync', 'mutateDirectory'];
const bitsOf = (rec, names) => names.reduce((b, n, i) => (rec?.[n] ? b | (1 << i) : b), 0);
// the open(2) flags for them
export const osOpenFlags = (pathFlags, openFlags, flags) => {
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
export const childFlags = (parent, openFlags, flags) => ({
  read: !!(flags & 1), write: !!(flags & 2), fileIntegritySync: !!(flags & 4), dataIntegritySync: !!(flags & 8),
  requestedWriteSync: !!(flags & 16), mutateDirectory: !!((flags & 32) || (parent.mutateDirectory && (openFlags & 2))),
});

export class Descriptor {
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

export class DirectoryEntryStream {
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
function openPreopens() {
  const list = [];
  for (const [guest, host] of config.preopens) {
    const fd = N.openroot(host);
    if (fd < 0) throw new Error(`--dir ${host}: cannot open (errno ${-fd})`);
    list.push([new Descriptor(new FdRef(fd), { read: true, mutateDirectory: true }, true), guest]);
  }
  return list;
}

export function imports() {
  installRaw();
  TYPES = new Map([[K.S_IFDIR, 'directory'], [K.S_IFREG, 'regular-file'], [K.S_IFLNK, 'symbolic-link'],
    [K.S_IFCHR, 'character-device'], [K.S_IFBLK, 'block-device'], [K.S_IFIFO, 'fifo'], [K.S_IFSOCK, 'socket']]);
  DTYPES = new Map([[K.DT_DIR, 'directory'], [K.DT_REG, 'regular-file'], [K.DT_LNK, 'symbolic-link'],
    [K.DT_CHR, 'character-device'], [K.DT_BLK, 'block-device'], [K.DT_FIFO, 'fifo'], [K.DT_SOCK, 'socket']]);
  ADVICE = { normal: K.POSIX_FADV_NORMAL, sequential: K.POSIX_FADV_SEQUENTIAL, random: K.POSIX_FADV_RANDOM,
    'will-need': K.POSIX_FADV_WILLNEED, 'dont-need': K.POSIX_FADV_DONTNEED, 'no-reuse': K.POSIX_FADV_NOREUSE };
  const preopenList = openPreopens();
  return {
    'wasi:filesystem/types': {
      Descriptor, DirectoryEntryStream,
      filesystemErrorCode: (err) => (err instanceof IoError && err.kind === 'file' ? FS.get(err.errno) ?? 'io' : undefined),
    },
    'wasi:filesystem/preopens': { getDirectories: () => preopenList.slice() },
  };
}

// ============================================================ core-ABI fast paths
// The hot descriptor calls, for the glue's trampolines (tools/lib/glue-fast.mjs lowers them
// to these when the component imports this host): arguments are the core wasm values, the
// path stays in guest memory, the result goes to the guest's return area. No WIT value is
// made, decoded or lifted on the way, and one Node-API call is made per WASI call. Each
// returns false when the ordinary path must run instead (it then reports, checks or traps
// as the component model says): a descriptor not open, flags with unknown bits, a path
// that is not plain ASCII, a pointer out of bounds. WASIP2_RUN_RAW=0 turns them off (the
// glue's own lowering then serves every call). This is a second lowering of these imports
// beside the glue's: test/host/lowering.test.mjs drives both through every case.
export const FS_CODES = ['access', 'would-block', 'already', 'bad-descriptor', 'busy', 'deadlock', 'quota',
  'exist', 'file-too-large', 'illegal-byte-sequence', 'in-progress', 'interrupted', 'invalid', 'io',
  'is-directory', 'loop', 'too-many-links', 'message-size', 'name-too-long', 'no-device', 'no-entry',
  'no-lock', 'insufficient-memory', 'insufficient-space', 'not-directory', 'not-empty',
  'not-recoverable', 'unsupported', 'no-tty', 'no-such-device', 'overflow', 'not-permitted', 'pipe',
  'read-only', 'invalid-seek', 'text-file-busy', 'cross-device']; // wasi:filesystem error-code, in WIT order
// errno -> index of its error-code (the C side writes these into return areas)
export let codeByErrno = null;
function setCodes() {
  codeByErrno = new Uint8Array(4096).fill(FS_CODES.indexOf('io'));
  for (const [e, name] of FS) if (e > 0 && e < codeByErrno.length) codeByErrno[e] = FS_CODES.indexOf(name);
  N.set_fs_codes(codeByErrno, FS_CODES.indexOf('io'));
}
// the guest memory's ArrayBuffer, read again only once a memory.grow detached it
let rawMem = null, rawBuf = null;
const memBuf = (mem) => ((mem === rawMem && rawBuf.byteLength !== 0) ? rawBuf : (rawMem = mem, rawBuf = mem.buffer));
const openFd = (d) => (d instanceof Descriptor && d._ref && d._ref.fd >= 0 ? d._ref.fd : -1);
let FB, dataBytes;
const RAW = {
  // [method]descriptor.stat-at(self, path-flags, path) -> result<descriptor-stat, error-code>
  statAt(d, mem, pathFlags, ptr, len, ret) {
    const fd = openFd(d);
    if (fd < 0 || (pathFlags & ~1) !== 0) return false;
    forgetStat();
    return N.statat_raw(memBuf(mem), fd, ptr, len, pathFlags & 1, ret) !== FB;
  },
  // [method]descriptor.metadata-hash-at: from the stat-at just made, when it was of this path
  metadataHashAt(d, mem, pathFlags, ptr, len, ret) {
    const fd = openFd(d);
    if (fd < 0 || (pathFlags & ~1) !== 0) return false;
    forgetStat();
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
    forgetStat();
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

// Offers the fast paths to the glue (Descriptor._wasip2Raw), unless WASIP2_RUN_RAW=0.
function installRaw() {
  setCodes();
  FB = K.RAW_FALLBACK;
  dataBytes = new Uint8Array(scratch, HDR);
  Descriptor._wasip2Raw = process.env.WASIP2_RUN_RAW !== '0' ? RAW : undefined;
}
