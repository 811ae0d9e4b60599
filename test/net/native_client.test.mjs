// Native clients (Node's net and dgram) against a wasm server: wasm_server.c, built here and run
// with build/bin/wasip2-run --check-leaks in the background. The harness's `//! native:` starts a
// native SERVER before the wasm test, so a native CLIENT needs this arrangement.
// Checks: 100 concurrent TCP connections (half over 127.0.0.1, half over ::1) all held open at
// once and echoed by the server's single poll loop; 64 MB sent to the server and echoed back,
// SHA-256 of both directions compared; UDP echo over IPv4 and IPv6; a clean exit with no leaked
// handles after a "QUIT" datagram.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const RUNNER = join(ROOT, 'build', 'bin', 'wasip2-run');
const CLANG = process.env.CLANG || 'clang-22';
const CONNS = 100;
const BULK = 64 << 20;

if (!existsSync(RUNNER)) { console.log('skip: build/bin/wasip2-run not built'); process.exit(77); }
const tmp = mkdtempSync(join(tmpdir(), 'wasip2-netclient-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const wasm = join(tmp, 'wasm_server.wasm');
const cc = spawnSync(CLANG, ['--target=wasm32-wasip2', `--sysroot=${join(ROOT, 'build', 'sysroot')}`, '-O2', `-I${ROOT}/test/include`,
  join(HERE, 'wasm_server.c'), '-o', wasm], { encoding: 'utf8', env: { ...process.env, PATH: `${join(ROOT, 'build', 'bin')}:${process.env.PATH}` } });
if (cc.status !== 0) { console.log(`FAIL cannot build wasm_server.c:\n${cc.stderr}`); process.exit(1); }

let failures = 0;
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures++; };
const withTimeout = (p, ms, what) => Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error(`${what}: timed out after ${ms} ms`)), ms))]);

// ---- start the server, read its port
const server = spawn(RUNNER, ['--check-leaks', wasm], { stdio: ['ignore', 'pipe', 'pipe'] });
let out = '', err = '';
server.stderr.on('data', (d) => { err += d; });
const exited = new Promise((res) => server.on('exit', (code, signal) => res({ code, signal })));
const port = await withTimeout(new Promise((res, rej) => {
  server.stdout.on('data', (d) => { out += d; const nl = out.indexOf('\n'); if (nl > 0) res(parseInt(out.slice(0, nl), 10)); });
  server.on('exit', () => rej(new Error(`server exited early: ${err.trim()}`)));
}), 30000, 'server start');
console.log(`wasm server on port ${port}`);
const kill = () => { try { server.kill('SIGKILL'); } catch { /* gone */ } };

try {
  // ---- 100 concurrent connections: all connected before anyone speaks, all open until all echoed
  const socks = await withTimeout(Promise.all(Array.from({ length: CONNS }, (_, i) => new Promise((res, rej) => {
    const s = net.connect({ host: i % 2 ? '::1' : '127.0.0.1', port }, () => res(s));
    s.once('error', rej);
  }))), 20000, 'connect');
  const echoes = await withTimeout(Promise.all(socks.map((s, i) => new Promise((res, rej) => {
    const msg = Buffer.from(`connection ${i} over ${i % 2 ? 'IPv6' : 'IPv4'}\n`);
    let got = Buffer.alloc(0);
    s.on('data', (d) => { got = Buffer.concat([got, d]); if (got.length >= msg.length) res(got.equals(msg)); });
    s.once('error', rej);
    s.write(msg);
  }))), 20000, 'echo');
  check(echoes.every(Boolean), `${CONNS} concurrent connections (IPv4 + IPv6) echoed by one poll loop`);
  await Promise.all(socks.map((s) => new Promise((res) => { s.once('close', res); s.end(); })));

  // ---- 64 MB each way, checked by SHA-256
  const t0 = process.hrtime.bigint();
  const bulk = await withTimeout(new Promise((res, rej) => {
    const s = net.connect({ host: '127.0.0.1', port });
    const hs = createHash('sha256'), hr = createHash('sha256');
    let sent = 0, got = 0;
    s.on('data', (d) => { hr.update(d); got += d.length; if (got >= BULK) s.end(); });
    s.on('close', () => res({ sent, got, hs: hs.digest('hex'), hr: hr.digest('hex') }));
    s.on('error', rej);
    const pump = () => {
      while (sent < BULK) {
        const chunk = randomBytes(Math.min(1 << 16, BULK - sent));
        hs.update(chunk);
        sent += chunk.length;
        if (!s.write(chunk)) { s.once('drain', pump); return; }
      }
    };
    s.on('connect', pump);
  }), 180000, '64 MB transfer');
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  check(bulk.sent === BULK && bulk.got === BULK && bulk.hs === bulk.hr,
    `64 MB to the wasm server and back: sha256 ${bulk.hs.slice(0, 16)}... both ways (${bulk.got} bytes, ${(64 / secs).toFixed(1)} MB/s)`);

  // ---- UDP echo over both families
  for (const [type, host] of [['udp4', '127.0.0.1'], ['udp6', '::1']]) {
    const sock = dgram.createSocket(type);
    const msg = Buffer.from(`datagram over ${type}`);
    const reply = await withTimeout(new Promise((res) => {
      sock.on('message', (m, rinfo) => res({ m, rinfo }));
      // UDP may drop in theory; resend until answered
      const send = () => sock.send(msg, port, host);
      send();
      const timer = setInterval(send, 500);
      sock.once('message', () => clearInterval(timer));
    }), 10000, `udp ${type}`);
    check(reply.m.equals(msg) && reply.rinfo.port === port, `UDP echo from the wasm server over ${type}`);
    sock.close();
  }

  // ---- stop: a QUIT datagram; the server closes everything and exits 0 (no leaked handles)
  const q = dgram.createSocket('udp4');
  q.send(Buffer.from('QUIT'), port, '127.0.0.1', () => q.close());
  const ex = await withTimeout(exited, 15000, 'server exit');
  const summary = out.trim().split('\n').pop();
  console.log(`server: ${summary}`);
  check(ex.code === 0, `wasm server exit status ${ex.code} (0 = no leaked handles) ${err.trim()}`);
  check(new RegExp(`served ${CONNS + 1} connections, at most ${CONNS} at once`).test(summary), 'server saw all connections open at once');
} catch (e) {
  console.log(`FAIL ${e.message}; server stderr: ${err.trim()}`);
  failures++;
  kill();
}
process.exit(failures ? 1 : 0);
