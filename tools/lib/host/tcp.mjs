// wasi:sockets/tcp on non-blocking TCP sockets, with the bind/connect/listen state WASI 0.2
// adds on top of a socket (started vs finished) kept per socket.
import { N, K, DISPOSE, config, netCheck, netCode, FdRef } from './context.mjs';
import { Pollable, READY, pollOne } from './poll.mjs';
import { InputStream, OutputStream } from './streams.mjs';
import { encodeAddr, decodeAddr, isMapped, isUnspecified, isUnicast, FAMILY, checkNet, optOps, denied } from './sockets.mjs';

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

export class TcpSocket {
  constructor(family, ref, state = 'unbound') {
    this._family = family; this._ref = ref; this._state = state; this._backlog = 128; this._net = null;
  }
  startBind(network, local) {
    checkNet(network);
    if (this._state !== 'unbound') throw 'invalid-state';
    if (local.tag !== this._family || !isUnicast(local) || isMapped(local)) throw 'invalid-argument';
    const fd = this._fd();
    if (local.val.port !== 0 && tcpClash(local.tag, local.val.address, local.val.port)) throw 'address-in-use';
    N.sockop(K.S_SETOPT, fd, K.SOL_SOCKET, K.SO_REUSEADDR, 1);
    this._bind(local);
    netCheck(N.sockop(K.S_SOCKNAME, fd));
    tcpBound.set(this, { family: local.tag, addr: [...local.val.address], port: decodeAddr().val.port });
    this._bindStarted(network);
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
    if (pollOne(fd, K.POLLOUT, 0) <= 0) throw 'would-block';
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
export function createTcpSocket(family) {
  if (!FAMILY[family]) throw 'not-supported';
  const fd = netCheck(N.socket(FAMILY[family], K.SOCK_STREAM));
  // WASI 0.2 has no TCP_NODELAY option: request/response traffic would stall ~40 ms per
  // exchange on Nagle + delayed ACK, so every TCP socket has Nagle off (libc reports it).
  N.sockop(K.S_SETOPT, fd, K.IPPROTO_TCP, K.TCP_NODELAY, 1);
  return new TcpSocket(family, new FdRef(fd));
}

export function imports() {
  return {
    'wasi:sockets/tcp': { TcpSocket },
    'wasi:sockets/tcp-create-socket': { createTcpSocket: config.denyNetwork ? denied : createTcpSocket },
  };
}
