// wasi:sockets, the parts TCP and UDP share: socket addresses to and from struct sockaddr,
// the network resource, the common socket options, and wasi:sockets/ip-name-lookup.
// Network access denied (--deny-network): socket creation and lookup fail with access-denied.
import { N, K, DISPOSE, config, sdv, NET, netCheck, netCode, IoError } from './context.mjs';
import { readyPollable } from './poll.mjs';

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

// wasi:sockets/network, instance-network and ip-name-lookup (tcp.mjs and udp.mjs give theirs)
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
  };
}
