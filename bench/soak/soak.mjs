#!/usr/bin/env node
// Memory soak (not part of `make check`): a wasm echo server on wasip2-run
// (bench/soak/server.c) serves rounds of CONNS concurrent loopback
// connections (each connects, sends a line, reads the echo, closes) for
// MINUTES; after every minute the runner's RSS (/proc, the whole Node process
// with its worker thread) and the guest's linear memory are sampled.
//
//   unshare -n sh -c 'ip link set lo up && node bench/soak/soak.mjs [--minutes 10] [--conns 1000]'
//
// Prints one line per minute, then idles IDLE_S seconds (no connection) and
// samples once more, and a verdict: the last loaded sample must be within
// 10% of the sample after the first minute, the guest's memory must not
// have grown, no connection may fail.  Exit 0 steady, 1 not.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const MINUTES = opt('--minutes', 10), CONNS = opt('--conns', 1000), SAMPLE_S = opt('--sample', 60);
const IDLE_S = opt('--idle', 60);
const errors = new Map(); // client-side error code -> count

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'soak-'));
const wasm = path.join(tmp, 'server.wasm');
execFileSync(path.join(ROOT, 'build', 'bin', 'wasip2-cc'), ['-O2', path.join(ROOT, 'bench', 'soak', 'server.c'), '-o', wasm], { stdio: 'inherit' });
// Warm-up run: on a cache miss the runner transpiles the component in its own process, which
// leaves ~100 MiB more in the measured process's heap; start once, wait for the port, stop.
await new Promise((resolve) => {
  const w = spawn(path.join(ROOT, 'build', 'bin', 'wasip2-run'), [wasm], { stdio: ['ignore', 'pipe', 'inherit'] });
  w.stdout.once('data', () => w.kill('SIGTERM'));
  w.on('exit', resolve);
});
const srv = spawn(path.join(ROOT, 'build', 'bin', 'wasip2-run'), [wasm], { stdio: ['ignore', 'pipe', 'inherit'] });
const lines = readline.createInterface({ input: srv.stdout });
let port = 0, lastIdle = null, idleWaiter = null;
lines.on('line', (l) => {
  if (!port) { port = Number(l); return; }
  const m = /^idle (\d+) (\d+)/.exec(l);
  if (m) { lastIdle = { served: Number(m[1]), pages: Number(m[2]) }; if (idleWaiter) idleWaiter(); }
});
srv.on('exit', (c, s) => { if (!done) { console.error(`server exited (${c ?? s})`); process.exit(2); } });
let done = false;

function rssKiB(pid) {
  // the runner may be a wrapper: sum the process tree under it
  let total = 0;
  const walk = (p) => {
    try {
      const st = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(st)?.[1] ?? 0);
      for (const t of fs.readdirSync(`/proc/${p}/task`)) {
        const kids = fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim();
        for (const k of kids ? kids.split(/\s+/) : []) walk(k);
      }
    } catch { /* gone */ }
  };
  walk(pid);
  return total;
}

function oneConn() {
  return new Promise((resolve) => {
    const c = net.connect({ host: '127.0.0.1', port });
    let got = '';
    c.on('connect', () => c.write('ping\n'));
    c.on('data', (d) => { got += d; if (got.includes('\n')) c.end(); });
    c.on('close', () => resolve(got === 'ping\n'));
    c.on('error', (e) => errors.set(e.code, (errors.get(e.code) ?? 0) + 1));
  });
}

async function round() {
  const idle = new Promise((r) => { idleWaiter = r; });
  const ok = await Promise.all(Array.from({ length: CONNS }, oneConn));
  await Promise.race([idle, new Promise((r) => setTimeout(r, 10000))]);
  idleWaiter = null;
  return ok.filter(Boolean).length;
}

while (!port) await new Promise((r) => setTimeout(r, 50));
const start = Date.now();
const samples = [{ min: 0, rss: rssKiB(srv.pid), pages: null, served: 0 }];
console.log(`soak: ${MINUTES} min, rounds of ${CONNS} connections, server pid ${srv.pid} port ${port}`);
console.log(`min  rss_MiB  guest_pages  conns_served  failed`);
console.log(`0    ${(samples[0].rss / 1024).toFixed(1)}`);
let failed = 0, next = 1;
while (Date.now() - start < MINUTES * SAMPLE_S * 1000) {
  failed += CONNS - await round();
  if (Date.now() - start >= next * SAMPLE_S * 1000) {
    const s = { min: next, rss: rssKiB(srv.pid), pages: lastIdle?.pages, served: lastIdle?.served };
    samples.push(s);
    console.log(`${s.min}    ${(s.rss / 1024).toFixed(1)}    ${s.pages}    ${s.served}    ${failed}`);
    next++;
  }
}
await new Promise((r) => setTimeout(r, IDLE_S * 1000));
const idle = rssKiB(srv.pid);
console.log(`idle ${IDLE_S} s: ${(idle / 1024).toFixed(1)} MiB`);
done = true;
srv.kill('SIGTERM');
fs.rmSync(tmp, { recursive: true, force: true });
const first = samples[1], last = samples[samples.length - 1];
const growth = first ? (last.rss - first.rss) / first.rss : 0;
console.log(`rss after minute 1: ${(first.rss / 1024).toFixed(1)} MiB, at the end: ${(last.rss / 1024).toFixed(1)} MiB (${(growth * 100).toFixed(1)}%)`);
console.log(`guest pages after minute 1: ${first.pages}, at the end: ${last.pages}; failed connections: ${failed}` +
  (errors.size ? ` (${[...errors].map(([k, v]) => `${k} ${v}`).join(', ')})` : ''));
process.exit(growth <= 0.10 && first.pages === last.pages && failed === 0 ? 0 : 1);
