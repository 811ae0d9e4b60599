// wasi:sockets on non-blocking sockets: addresses to and from struct sockaddr, the network
// resource, what TCP and UDP share, TCP (with the bind/connect/listen state WASI 0.2 adds on top
// of a socket, started vs finished, kept per socket), UDP (datagram streams over recv(2)/send(2))
// and ip-name-lookup. Network access denied (--deny-network): socket creation and lookup fail
// with access-denied.
import { N, K, DISPOSE, config, sdv, NET, netCheck, netCode, bytesCopy, FdRef, IoError } from './context.mjs';
import { Pollable, READY, readyPollable, pollOne, InputStream, OutputStream } from './io.mjs';
// ------------------------------------------------------------ addresses
export function encodeAddr(a) {
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
export function decodeAddr() {
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
export const isMapped = (a) => a.tag === 'ipv6' && a.val.address.slice(0, 5).every((w) => w === 0) && a.val.address[5] === 0xffff;
export const isUnspecified = (a) => a.val.address.every((w) => w === 0);
export function isUnicast(a) {
  const x = a.val.address;
  if (a.tag === 'ipv4') return x[0] < 224 && !(x[0] === 255 && x[1] === 255 && x[2] === 255 && x[3] === 255);
  return x[0] < 0xff00;
}
export let FAMILY; // set by imports()

// ------------------------------------------------------------ network
export class Network { [DISPOSE]() {} }
export const theNetwork = new Network();
export const denied = () => { throw 'access-denied'; };
export const checkNet = (n) => { if (!(n instanceof Network)) throw 'invalid-argument'; };

// what TCP and UDP sockets share: the fd, binding (start-bind's checks are each one's own),
// the local address, and the socket options of both
export const optOps = (base) => ({
  _fd() { if (!this._ref || this._ref.fd < 0) throw 'invalid-state'; return this._ref.fd; },
  // bind(2); EINVAL: already bound (an implicit bind)
  _bind(local) {
    const r = N.sockop(K.S_BIND, this._fd(), encodeAddr(local));
    if (r === -K.EINVAL) throw 'invalid-state';
    netCheck(r);
  },
  _bindStarted(network) {
    this._net = network;
    this._state = 'bind-started';
  },
  finishBind() {
    if (this._state !== 'bind-started') throw 'not-in-progress';
    this._state = 'bound';
  },
  localAddress() {
    if (this._state === 'unbound') throw 'invalid-state';
    netCheck(N.sockop(K.S_SOCKNAME, this._fd()));
    return decodeAddr();
  },
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

// ------------------------------------------------------------ name lookup
export class ResolveAddressStream {
  constructor(list) { this._l = list; }
  resolveNextAddress() { return this._l.shift(); }
  subscribe() { return readyPollable(); }
  [DISPOSE]() { this._l = []; }
}
let EAI;
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

// ============================================================ TCP
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

// ============================================================ UDP
export class UdpSocket {
  constructor(family, ref) { this._family = family; this._ref = ref; this._state = 'unbound'; this._remote = null; this._net = null; }
  startBind(network, local) {
    checkNet(network);
    if (this._state !== 'unbound') throw 'invalid-state';
    if (local.tag !== this._family || isMapped(local)) throw 'invalid-argument';
    this._bind(local);
    this._bindStarted(network);
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
export class IncomingDatagramStream {
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
export class OutgoingDatagramStream {
  constructor(sock) { this._s = sock; this._ref = sock._ref.hold(); }
  checkSend() {
    return pollOne(this._ref.fd, K.POLLOUT, 0) > 0 ? 64n : 0n;
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
export function createUdpSocket(family) {
  if (!FAMILY[family]) throw 'not-supported';
  return new UdpSocket(family, new FdRef(netCheck(N.socket(FAMILY[family], K.SOCK_DGRAM))));
}

export function imports() {
  FAMILY = { ipv4: K.AF_INET, ipv6: K.AF_INET6 };
  EAI = new Map([[K.EAI_NONAME, 'name-unresolvable'], [K.EAI_NODATA, 'name-unresolvable'],
    [K.EAI_AGAIN, 'temporary-resolver-failure']]);
  const networkErrorCode = (err) => (err instanceof IoError && err.kind === 'sock' ? NET.get(err.errno) ?? 'unknown' : undefined);
  const deny = !!config.denyNetwork;
  return {
    'wasi:sockets/network': { Network, networkErrorCode },
    'wasi:sockets/instance-network': { instanceNetwork: () => theNetwork },
    'wasi:sockets/ip-name-lookup': { ResolveAddressStream, resolveAddresses: deny ? denied : resolveAddresses },
    'wasi:sockets/tcp': { TcpSocket },
    'wasi:sockets/tcp-create-socket': { createTcpSocket: deny ? denied : createTcpSocket },
    'wasi:sockets/udp': { UdpSocket, IncomingDatagramStream, OutgoingDatagramStream },
    'wasi:sockets/udp-create-socket': { createUdpSocket: deny ? denied : createUdpSocket },
  };
}
