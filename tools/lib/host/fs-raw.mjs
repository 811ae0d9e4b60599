// Core-ABI fast paths of wasi:filesystem's hot descriptor calls, for the glue's trampolines (tools/lib/glue-fast.mjs lowers them
// to these when the component imports this host): arguments are the core wasm values, the
// path stays in guest memory, the result goes to the guest's return area. No WIT value is
// made, decoded or lifted on the way, and one Node-API call is made per WASI call. Each
// returns false when the ordinary path must run instead (it then reports, checks or traps
// as the component model says): a descriptor not open, flags with unknown bits, a path
// that is not plain ASCII, a pointer out of bounds. WASIP2_RUN_RAW=0 turns them off (the
// glue's own lowering then serves every call). This is a second lowering of these imports
// beside the glue's: test/host/lowering.test.mjs drives both through every case.
import { N, K, scratch, HDR, FS, FdRef } from './context.mjs';
import { Descriptor, forgetStat, osOpenFlags, childFlags } from './filesystem.mjs';

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
export function install() {
  setCodes();
  FB = K.RAW_FALLBACK;
  dataBytes = new Uint8Array(scratch, HDR);
  Descriptor._wasip2Raw = process.env.WASIP2_RUN_RAW !== '0' ? RAW : undefined;
}
