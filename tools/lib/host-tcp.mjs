// Runner-side fixes for preview2-shim's wasi:sockets/tcp (bugs 3, 4, 11, 13 in docs/host-notes.md).
//
// The shim's TcpSocket is a class whose state lives in private fields and, on the worker thread,
// in a map we cannot reach. The transpiled glue checks `instanceof TcpSocket` and calls methods
// on the instances, so a replacement class would not be accepted for sockets the shim creates.
// We therefore replace individual methods on the shim's TcpSocket.prototype (once per process:
// the runner runs one component) and keep our own per-socket state in a WeakMap (module state,
// as the fixes are installed once per process). Work that needs the real net.Socket runs in
// the shim's worker through its extension hook (host-worker-ext.mjs). The hot paths (stream read/write/poll) are untouched: the only
// per-connection addition is remembering two stream ids, with no extra host round trip.
import { importPkgFile } from './paths.mjs';

const SHIM = '@bytecodealliance/preview2-shim';
const EXT = new URL('./host-worker-ext.mjs', import.meta.url);
const INSTALLED = Symbol.for('wasip2-run.tcp-fixes');
const DISPOSE = Symbol.dispose || Symbol.for('dispose'); // what the shim's resources implement

// Node error code (from the worker's bind probe) -> wasi:sockets error-code.
const BIND_ERRORS = {
  EADDRINUSE: 'address-in-use', EADDRNOTAVAIL: 'address-not-bindable',
  EACCES: 'access-denied', EPERM: 'access-denied', EINVAL: 'invalid-argument',
};

function ipString(addr) {
  if (addr.tag === 'ipv4') return addr.val.address.join('.');
  return addr.val.address.map((s) => s.toString(16)).join(':');
}

function isUnicast(addr) {
  const a = addr.val.address;
  if (addr.tag === 'ipv4') return a[0] < 224 && !(a[0] === 255 && a[1] === 255 && a[2] === 255 && a[3] === 255);
  return a[0] < 0xff00;
}

// socket -> { bind: 'started' | 'done' | null, addr, network, inId, outId }
const state = new WeakMap();
const st = (s) => {
  let v = state.get(s);
  if (!v) state.set(s, (v = { bind: null, addr: null, network: null, inId: 0, outId: 0 }));
  return v;
};

// Bug 13: the probe below releases the port at once, so without bookkeeping a second guest
// socket could bind the same port (Linux: EADDRINUSE) until one of them listens or connects.
// We remember every address the guest bound until that socket is dropped. IPv6 sockets are
// IPv6-only on this host, so only sockets of the same family can clash; a wildcard address
// clashes with every address of its family. Closing the socket frees the port again at once:
// Node binds with SO_REUSEADDR, so a listener's TIME_WAIT connections never block a rebind,
// which is Linux's behaviour for a program that sets SO_REUSEADDR (what servers do).
const bound = new Map(); // socket -> { family, host, port }
const isWildcard = (family, host) => host === (family === 'ipv4' ? '0.0.0.0' : '0:0:0:0:0:0:0:0');
function clashes(family, host, port) {
  for (const b of bound.values()) {
    if (b.family === family && b.port === port
      && (b.host === host || isWildcard(family, host) || isWildcard(family, b.host))) return true;
  }
  return false;
}

// Bug 4: bind without listening. start-bind only probes (the OS picks the port for port 0 and
// reports address-in-use); the shim's own bind (a listening server) happens at listen/connect.
function probeBind(ext, family, host, want) {
  // Port 0: the OS knows nothing of ports the guest holds only in our table and may offer one
  // of them; ask again (a handful of tries is plenty: the ephemeral range is large).
  for (let tries = 0; ; tries++) {
    let got;
    try {
      got = ext('probe-bind', { host, port: want, ipv6Only: family === 'ipv6' });
    } catch (e) {
      throw BIND_ERRORS[typeof e === 'string' ? e : e?.code] ?? 'address-not-bindable';
    }
    if (want !== 0 || !clashes(family, host, got.port)) return got.port;
    if (tries >= 16) throw 'address-in-use';
  }
}

function fixBind(P, orig, ext) {
  P.startBind = function startBind(network, localAddress) {
    const s = st(this);
    if (s.bind) throw 'invalid-state';
    if (localAddress.tag !== this.addressFamily() || !isUnicast(localAddress)
      || (localAddress.tag === 'ipv6' && localAddress.val.address[5] === 0xffff)) throw 'invalid-argument';
    const family = localAddress.tag, host = ipString(localAddress), want = localAddress.val.port;
    if (want !== 0 && clashes(family, host, want)) throw 'address-in-use';
    const port = probeBind(ext, family, host, want);
    const addr = structuredClone(localAddress);
    addr.val.port = port;
    Object.assign(s, { bind: 'started', addr, network });
    bound.set(this, { family, host, port });
  };
  P.finishBind = function finishBind() {
    const s = st(this);
    if (s.bind !== 'started') throw 'not-in-progress';
    s.bind = 'done';
  };
  P.localAddress = function localAddress() {
    const s = state.get(this);
    if (s?.bind === 'done' && s.addr) return structuredClone(s.addr);
    return orig.localAddress.call(this);
  };
}

// Perform the bind we postponed, with the shim's own machinery, and wait for it.
function realizeBind(orig, sock, s) {
  if (s.bind !== 'done' || !s.addr) return;
  const addr = s.addr;
  s.addr = null; // from now on the shim knows the address
  orig.startBind.call(sock, s.network, addr);
  const p = sock.subscribe();
  try { p.block(); } finally { p[DISPOSE](); }
  orig.finishBind.call(sock);
}

function fixListenConnect(P, orig, io) {
  P.startListen = function startListen() {
    const s = st(this);
    if (s.bind === 'started') throw 'invalid-state';
    realizeBind(orig, this, s);
    return orig.startListen.call(this);
  };
  P.startConnect = function startConnect(network, remoteAddress) {
    const s = st(this);
    if (s.bind === 'started') throw 'invalid-state';
    if (s.network && network !== s.network) throw 'invalid-argument';
    realizeBind(orig, this, s);
    return orig.startConnect.call(this, network, remoteAddress);
  };
  // Remember the stream ids: they name the connection's net.Socket on the worker (bug 3).
  P.finishConnect = function finishConnect() {
    const r = orig.finishConnect.call(this);
    const s = st(this);
    s.inId = io.inputStreamId(r[0]);
    s.outId = io.outputStreamId(r[1]);
    return r;
  };
  P.accept = function accept() {
    const r = orig.accept.call(this);
    const s = st(r[0]);
    s.inId = io.inputStreamId(r[1]);
    s.outId = io.outputStreamId(r[2]);
    return r;
  };
}

function fixShutdownAndDrop(P, orig, ext) {
  // Bug 3: half-close instead of destroying the socket. One host call, like the original.
  P.shutdown = function shutdown(type) {
    const s = state.get(this);
    if (!s || !s.outId) throw 'invalid-state';
    for (const id of [s.outId, s.inId]) {
      try {
        ext('shutdown', { outputStreamId: id, type });
        return;
      } catch (e) {
        // the guest may already have dropped that stream (which itself ended the write side);
        // try the other id, which names the same net.Socket
        if (e?.tag !== 'closed' && !(e instanceof Error && /closed/.test(e.message))) {
          if (e?.tag === 'last-operation-failed') throw 'invalid-state';
        }
      }
    }
    // both streams gone: the write side is already closed, which is what shutdown asked for
  };
  // Bug 13: dropping the socket frees its port for the guest's next bind.
  if (orig.dispose) {
    P[DISPOSE] = function dispose() {
      bound.delete(this);
      return orig.dispose.call(this);
    };
  }
}

export async function installTcpFixes(shim, { noDelay = true } = {}) {
  const TcpSocket = shim.sockets?.tcp?.TcpSocket;
  if (!TcpSocket || TcpSocket.prototype[INSTALLED]) return;
  const io = await importPkgFile(SHIM, 'dist/nodejs/io-worker.js');
  const ext = (op, args) => io.callExtension(EXT, op, args);
  // One host round trip at startup, only for components that import wasi:sockets/tcp.
  ext('init', { noDelay });
  const P = TcpSocket.prototype;
  const orig = {
    startBind: P.startBind, finishBind: P.finishBind, startConnect: P.startConnect,
    finishConnect: P.finishConnect, startListen: P.startListen, accept: P.accept,
    localAddress: P.localAddress, shutdown: P.shutdown, dispose: P[DISPOSE],
  };
  fixBind(P, orig, ext);
  fixListenConnect(P, orig, io);
  fixShutdownAndDrop(P, orig, ext);
  Object.defineProperty(P, INSTALLED, { value: true });
}
