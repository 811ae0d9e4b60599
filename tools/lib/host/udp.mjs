// wasi:sockets/udp on non-blocking UDP sockets: datagram streams over recv(2)/send(2).
import { N, K, DISPOSE, config, netCheck, netCode, bytesCopy, FdRef } from './context.mjs';
import { Pollable, READY, readyPollable, pollOne } from './poll.mjs';
import { encodeAddr, decodeAddr, isMapped, isUnspecified, FAMILY, checkNet, optOps, denied } from './sockets.mjs';

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
  return {
    'wasi:sockets/udp': { UdpSocket, IncomingDatagramStream, OutgoingDatagramStream },
    'wasi:sockets/udp-create-socket': { createUdpSocket: config.denyNetwork ? denied : createUdpSocket },
  };
}
