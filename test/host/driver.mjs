// Drives the WASI host the runner builds (tools/lib/host.mjs) directly from JS, the way a guest
// would, to show each host bug on the bare preview2-shim and its absence with the runner's fixes.
//   node test/host/driver.mjs <scenario> <bare|shim|fixed> [port] [dir]
// Prints one JSON line {ok, ...}. Not a test itself: host/*.test.mjs run it in a child process,
// because the host blocks this thread (Atomics.wait) while it waits for the network.
import { buildImports } from '../../tools/lib/host.mjs';

const [scenario, mode, portArg, dirArg] = process.argv.slice(2);
const port = Number(portArg);
const DISPOSE = Symbol.dispose || Symbol.for('dispose');
const LOOPBACK = (p) => ({ tag: 'ipv4', val: { port: p, address: [127, 0, 0, 1] } });

const imports = await buildImports({
  args: ['driver'], env: {}, preopens: dirArg ? [['/d', dirArg]] : [], denyNetwork: false,
  onExit: (c) => process.exit(c), hostFixes: mode !== 'bare',
  // bare: preview2-shim as it is; shim: the runner's fallback (shim + fixes); fixed: the
  // runner's default, the native host
  host: mode === 'fixed' ? 'native' : 'shim',
});
const net = imports['wasi:sockets/instance-network'].instanceNetwork();
const tcp = () => imports['wasi:sockets/tcp-create-socket'].createTcpSocket('ipv4');
const wait = (res) => { const p = res.subscribe(); p.block(); p[DISPOSE](); };
const err = (e) => (typeof e === 'string' ? e : e?.tag ? `${e.tag}${e.val?.payload?.code ? `:${e.val.payload.code}` : ''}` : `raw:${e?.code ?? e?.message ?? e}`);
function connect(p) {
  const s = tcp();
  s.startConnect(net, LOOPBACK(p));
  wait(s);
  const [input, output] = s.finishConnect();
  return { s, input, output };
}
function readAll(input) {
  const chunks = [];
  for (;;) {
    try { chunks.push(Buffer.from(input.blockingRead(65536n))); } catch (e) {
      if (e?.tag === 'closed') break;
      return { text: Buffer.concat(chunks).toString(), error: err(e) };
    }
  }
  return { text: Buffer.concat(chunks).toString() };
}
const out = (o) => { console.log(JSON.stringify(o)); process.exit(0); };

switch (scenario) {
  case 'half-close': { // bug 3: peer reads to EOF, then replies
    const { s, input, output } = connect(port);
    output.blockingWriteAndFlush(Buffer.from('hello'));
    try { s.shutdown('send'); } catch (e) { out({ ok: false, step: 'shutdown', error: err(e) }); }
    const r = readAll(input);
    out({ ok: r.text === 'got hello', ...r });
    break;
  }
  case 'bind-no-listen': { // bug 4: connect to a bound, not listening port must be refused
    const a = tcp();
    a.startBind(net, LOOPBACK(0));
    a.finishBind();
    const bound = a.localAddress().val.port;
    const b = tcp();
    b.startConnect(net, LOOPBACK(bound));
    wait(b);
    let result;
    try { const [i, o] = b.finishConnect(); result = 'connected'; i[DISPOSE](); o[DISPOSE](); } catch (e) { result = err(e); }
    // and the bound socket can still listen on that port afterwards
    a.startListen(); wait(a); a.finishListen();
    const c = connect(bound);
    wait(a);
    const [acc] = a.accept();
    out({ ok: result === 'connection-refused' && acc.localAddress().val.port === bound, result, bound });
    break;
  }
  case 'double-bind': { // bug 13: a port this program holds cannot be bound again until dropped
    const bindAt = (sock, p) => { try { sock.startBind(net, LOOPBACK(p)); wait(sock); sock.finishBind(); return 'ok'; } catch (e) { return err(e); } };
    const a = tcp();
    bindAt(a, 0);
    const bound = a.localAddress().val.port;
    const b = tcp();
    const second = bindAt(b, bound);
    a[DISPOSE]();
    const c = tcp();
    const afterDrop = bindAt(c, bound);
    out({ ok: second === 'address-in-use' && afterDrop === 'ok', second, afterDrop, bound });
    break;
  }
  case 'nodelay': { // bug 11: two small writes then wait for the reply, 20 times
    const { input, output } = connect(port);
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) {
      output.blockingWriteAndFlush(Buffer.from('a'));
      output.blockingWriteAndFlush(Buffer.from('b'));
      input.blockingRead(1n);
    }
    const ms = (performance.now() - t0) / 20;
    out({ ok: ms < 10, msPerExchange: +ms.toFixed(2) });
    break;
  }
  case 'send-after-peer-close': { // bug 8: peer closed; Linux accepts the first send
    const { input, output } = connect(port);
    // let the peer's FIN arrive without reading it (a server replying to a client that left)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    const r = { note: 'not read' };
    let first;
    try { output.blockingWriteAndFlush(Buffer.alloc(64, 1)); first = 'ok'; } catch (e) { first = err(e); }
    out({ ok: first === 'ok', first, read: r });
    break;
  }
  case 'rtt': { // 64-byte round trips against an echo peer: time per round trip
    const { input, output } = connect(port);
    const msg = Buffer.alloc(64, 7);
    const N = 2000;
    let calls = 0;
    for (let w = 0; w < 50; w++) { output.blockingWriteAndFlush(msg); input.blockingRead(64n); }
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      output.blockingWriteAndFlush(msg); calls++;
      let got = 0;
      while (got < 64) { got += input.blockingRead(BigInt(64 - got)).length; calls++; }
    }
    const us = ((performance.now() - t0) * 1000) / N;
    out({ ok: true, usPerRoundTrip: +us.toFixed(1), hostCallsPerRoundTrip: calls / N });
    break;
  }
  case 'udp-early': { // bug 2: a datagram that arrives after bind, before stream(), is lost
    const u = imports['wasi:sockets/udp-create-socket'].createUdpSocket('ipv4');
    u.startBind(net, LOOPBACK(0));
    u.finishBind();
    const p = u.localAddress().val.port;
    console.log(JSON.stringify({ port: p })); // the test sends a datagram now, then says "sent"
    await new Promise((r) => process.stdin.once('data', r));
    const [inc, og] = u.stream(undefined);
    const pol = inc.subscribe();
    const deadline = imports['wasi:clocks/monotonic-clock'].subscribeDuration(500_000_000n);
    imports['wasi:io/poll'].poll([pol, deadline]);
    const got = inc.receive(1n);
    out({ ok: got.length === 1, received: got.length });
    break;
  }
  case 'poll-empty': { // bug 9: poll([]) is a trap, not an error
    try { imports['wasi:io/poll'].poll([]); out({ ok: true }); } catch (e) { out({ ok: false, error: err(e) }); }
    break;
  }
  // ---- filesystem (dirArg is preopened at /d)
  case 'mutate-dir': { // bug 1: open for writing with mutate-directory
    const [[root]] = imports['wasi:filesystem/preopens'].getDirectories();
    try {
      const f = root.openAt({ symlinkFollow: true }, 'm.txt', { create: true }, { write: true, mutateDirectory: true });
      f[DISPOSE]();
      out({ ok: true });
    } catch (e) { out({ ok: false, error: err(e) }); }
    break;
  }
  case 'wronly-read': { // bug 5: read on a write-only descriptor must be an error code
    const [[root]] = imports['wasi:filesystem/preopens'].getDirectories();
    const f = root.openAt({ symlinkFollow: true }, 'w.txt', { create: true }, { write: true });
    try { f.read(10n, 0n); out({ ok: false, error: 'read succeeded' }); } catch (e) { out({ ok: e === 'bad-descriptor', error: err(e) }); }
    break;
  }
  case 'set-times': { // bug 6
    const [[root]] = imports['wasi:filesystem/preopens'].getDirectories();
    const f = root.openAt({ symlinkFollow: true }, 't.txt', { create: true }, { write: true, read: true });
    const res = {};
    const big = 2n ** 32n + 5n;
    const mtime = () => root.statAt({ symlinkFollow: true }, 't.txt').dataModificationTimestamp.seconds;
    try { f.setTimes({ tag: 'timestamp', val: { seconds: 1000n, nanoseconds: 0 } }, { tag: 'timestamp', val: { seconds: big, nanoseconds: 0 } }); res.fdBig = mtime() === big; } catch (e) { res.fdBig = err(e); }
    try { root.setTimesAt({ symlinkFollow: true }, 't.txt', { tag: 'no-change' }, { tag: 'timestamp', val: { seconds: 123456n, nanoseconds: 0 } }); res.noChange = mtime() === 123456n; } catch (e) { res.noChange = err(e); }
    try { root.setTimesAt({ symlinkFollow: true }, 't.txt', { tag: 'now' }, { tag: 'now' }); res.now = Math.abs(Number(mtime()) - Date.now() / 1000) < 5; } catch (e) { res.now = err(e); }
    out({ ok: res.fdBig === true && res.noChange === true && res.now === true, ...res });
    break;
  }
  case 'preopen-flags': { // bug 7: a writable preopen must say so
    const [[root]] = imports['wasi:filesystem/preopens'].getDirectories();
    let flags;
    try { flags = root.getFlags(); } catch (e) { flags = err(e); }
    out({ ok: !!flags?.mutateDirectory, flags: flags ?? null });
    break;
  }
  default:
    console.error(`unknown scenario ${scenario}`);
    process.exit(2);
}
