#!/usr/bin/env node
// bench/run.mjs: `make bench`. Size, host calls per operation, speed next to native C and
// memory of wasip2-libc components, all measured in one run on one machine.
//
//   node bench/run.mjs [--reps N] [--smoke] [--out DIR] [--write-docs] [--only WORD]
//     --reps N       repetitions of every timed measurement (default 3, env BENCH_REPS)
//     --smoke        build every program and run each once with tiny sizes (what `make check`
//                    runs via test/bench/smoke.test.mjs): exit 0 all ran, 77 some program needs
//                    a libc layer that is not there yet (reason on stdout), 1 something broke
//     --out DIR      where binaries, results.json and results.md go (default build/bench)
//     --write-docs   also replace the table in docs/benchmarks.md (between the bench markers) with this run's
//     --only WORD    run only the rows whose name contains WORD (repeatable; for development)
//   BENCH_BUDGET_S   seconds one large transfer row may take over all repetitions before its
//                    size is scaled down (default 60)
//
// Output: markdown tables on stdout, DIR/results.json ({meta, rows: [one object per row]}),
// DIR/results.md. Every benchmark program in bench/*.c is built twice from the same source:
// gcc -O2 (native) and clang-22 --target=wasm32-wasip2 -O2 with this tree's sysroot. Speed
// figures are each program's own timing of its work loop (CLOCK_MONOTONIC, `elapsed_ns=`), so
// process and Node startup are excluded there and measured once, by the startup row. Host-call
// figures come from the runner's --count-calls, taken from two runs with different operation
// counts: the difference divided by the difference in operations cancels startup and setup.
// No benchmark is pass/fail; a row that cannot run says why in its notes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePrivateNetwork } from '../tools/netns.mjs';
import * as proc from '../tools/lib/proc.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'build', 'bin');
const SYSROOT = path.join(ROOT, 'build', 'sysroot');
const RUNNER = path.join(BIN, 'wasip2-run');
const CLANG = process.env.CLANG || 'clang-22';
const MB = 1 << 20;

// ------------------------------------------------------------------ options
const opt = { reps: parseInt(process.env.BENCH_REPS || '3', 10), smoke: false, out: null,
  writeDocs: false, only: [] };
{
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '--reps') opt.reps = parseInt(a[++i], 10);
    else if (a[i] === '--smoke') opt.smoke = true;
    else if (a[i] === '--out') opt.out = path.resolve(a[++i]);
    else if (a[i] === '--write-docs') opt.writeDocs = true;
    else if (a[i] === '--only') opt.only.push(a[++i]);
    else { console.error(`run.mjs: unknown argument ${a[i]}`); process.exit(2); }
  }
  if (!(opt.reps >= 1)) opt.reps = 3;
  if (opt.smoke) opt.reps = 1;
  opt.out ??= path.join(ROOT, 'build', opt.smoke ? 'bench-smoke' : 'bench');
}
const BUDGET_S = Number(process.env.BENCH_BUDGET_S || 60);

// Sizes. The smoke run only proves every program still builds and runs.
const S = opt.smoke
  ? { rt: 20, xfer: 1 * MB, file: 1 * MB, stat: 20, opsA: 2, opsB: 12, printf: 20, conc: 4,
      startupReps: 1, dirA: 2, dirB: 12, malloc: 1000, links: 1 }
  : { rt: 10000, xfer: 256 * MB, file: 256 * MB, stat: 10000, opsA: 100, opsB: 1100, printf: 2000,
      conc: 100, startupReps: Math.max(5, opt.reps), dirA: 10, dirB: 210, malloc: 3000000,
      links: Math.max(5, opt.reps) };

// ------------------------------------------------------------------ programs
// size: the size rows build it at -Oz too. layer: what a failed link most likely means.
const PROGRAMS = {
  hello: { size: true },
  printf_lines: {},
  tcp_echo_server: { size: true, layer: 'sockets' },
  file_copy: { size: true, layer: 'files' },
  tcp_client: { layer: 'sockets' },
  accept_bench: { layer: 'sockets' },
  poll_bench: { layer: 'sockets' },
  epoll_bench: { layer: 'sockets' },
  file_read: { layer: 'files' },
  stat_loop: { layer: 'files' },
  open_read: { layer: 'files' },
  readdir_bench: { layer: 'files' },
  malloc_small: {},
  http_server: { layer: 'sockets' },
};
const NATIVE_HELPERS = ['tcp_peer']; // the fixed peers of the TCP rows; never measured

// ------------------------------------------------------------------ processes
// tools/lib/proc.mjs, shared with the test harness. All children are ours: each is killed
// by its own handle, never by name.
const run = (cmd, args, { timeout = 120, env } = {}) => proc.run(cmd, args, { timeout, env, encoding: 'utf8' });

// A long-running peer: resolves once it printed its port (first stdout line).
const startServer = (cmd, args, timeout = 30) => proc.startPeer(cmd, args, { timeout });

// ------------------------------------------------------------------ build
const outDir = opt.out;
const natDir = path.join(outDir, 'native');
const wasmDir = path.join(outDir, 'wasm');
const build = {}; // name -> { native: {ok, path, err}, wasm: {...}, wasmOz: {...} }

// Undefined functions in a failed link (or undeclared ones in a failed compile) mean a libc
// layer has not landed yet: the row says so instead of failing.
function missingSymbols(stderr) {
  const syms = new Set();
  for (const m of stderr.matchAll(/undefined symbol: ([\w$.]+)/g)) syms.add(m[1]);
  for (const m of stderr.matchAll(/(?:call to undeclared function|implicit declaration of function) '(\w+)'/g)) syms.add(m[1]);
  return [...syms];
}

async function compile(kind, name) {
  const src = path.join(ROOT, 'bench', `${name}.c`);
  // clang-22 finds our wasm-component-ld through PATH
  const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}` };
  let out, r;
  if (kind === 'native') {
    out = path.join(natDir, name);
    r = await proc.buildNative(src, out, { env, timeout: 180, encoding: 'utf8' });
  } else {
    out = path.join(wasmDir, kind === 'wasmOz' ? `${name}.Oz.wasm` : `${name}.wasm`);
    r = await run(CLANG, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-Wall',
      ...(kind === 'wasmOz' ? ['-Oz', '-Wl,--strip-all'] : ['-O2']), src, '-o', out], { env, timeout: 180 });
  }
  const ok = r.code === 0 && fs.existsSync(out);
  return { ok, path: out, err: ok ? '' : (r.stderr || r.stdout).trim(), missing: ok ? [] : missingSymbols(r.stderr) };
}

const pool = proc.pool;

async function buildAll() {
  fs.mkdirSync(natDir, { recursive: true });
  fs.mkdirSync(wasmDir, { recursive: true });
  const tasks = [];
  for (const [name, p] of Object.entries(PROGRAMS)) {
    build[name] = {};
    const kinds = ['native', 'wasm', ...(p.size && !opt.smoke ? ['wasmOz'] : [])];
    for (const k of kinds) tasks.push(async () => { build[name][k] = await compile(k, name); });
  }
  for (const h of NATIVE_HELPERS) {
    build[h] = {};
    tasks.push(async () => { build[h].native = await compile('native', h); });
  }
  await pool(tasks, Math.max(1, Math.min(os.cpus().length, 4)));
}

// Why a program cannot run, or null. Native failures are real breakage; wasm link failures
// with undefined libc functions are a layer still to come.
function unavailable(name, kind = 'wasm') {
  const b = build[name]?.[kind];
  if (!b) return `${name}: not built`;
  if (b.ok) return null;
  if (kind !== 'native' && b.missing.length) {
    const layer = PROGRAMS[name]?.layer ? `the ${PROGRAMS[name].layer} layer` : 'libc functions';
    return `needs ${layer}: ${b.missing.slice(0, 6).join(', ')}${b.missing.length > 6 ? ', ...' : ''} not provided yet`;
  }
  return `${name} (${kind}) does not build: ${b.err.split('\n').slice(0, 3).join(' | ')}`;
}

// ------------------------------------------------------------------ fixtures
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasip2-bench-'));
const GUEST = '/data';
// a path argument for either build: the host path natively, the preopened one in wasm
const P = (kind, rel) => (kind === 'native' ? path.join(dataDir, rel) : `${GUEST}/${rel}`);

function makeFile(rel, bytes) {
  const f = path.join(dataDir, rel);
  const fd = fs.openSync(f, 'w');
  const chunk = Buffer.alloc(Math.min(bytes, 4 * MB));
  for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 131 + 7) & 0xff;
  for (let left = bytes; left > 0; left -= chunk.length) fs.writeSync(fd, chunk, 0, Math.min(left, chunk.length));
  fs.closeSync(fd);
}

function makeDir(rel, n) {
  const d = path.join(dataDir, rel);
  fs.mkdirSync(d, { recursive: true });
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(d, `entry-${String(i).padStart(4, '0')}`), '');
}

// ------------------------------------------------------------------ running a program
let callSeq = 0;
// Run one benchmark program natively or as a component. opts.count: collect host calls.
async function runProg(kind, name, args, { count = false, timeout = 300, dir = true } = {}) {
  let cmd, argv, countFile = null;
  if (kind === 'native') {
    cmd = build[name].native.path;
    argv = args;
  } else {
    cmd = RUNNER;
    // 'shim': the same component on the runner's fallback host (preview2-shim's worker)
    argv = kind === 'shim' ? ['--host=shim'] : [];
    if (dir) argv.push('--dir', `${dataDir}::${GUEST}`);
    if (count) {
      countFile = path.join(outDir, `calls-${process.pid}-${callSeq++}.json`);
      argv.push('--count-calls', countFile);
    }
    argv.push(build[name].wasm.path, ...args);
  }
  const r = await run(cmd, argv, { timeout });
  if (countFile) {
    try { r.calls = JSON.parse(fs.readFileSync(countFile, 'utf8')); } catch { r.calls = null; }
    fs.rmSync(countFile, { force: true });
  }
  return r;
}

function check(r, what) {
  if (r.timedOut) throw new Error(`${what}: timed out`);
  if (r.code !== 0) throw new Error(`${what}: exit ${r.code}${r.signal ? ` (${r.signal})` : ''}: ${proc.tailLines((r.stderr || r.stdout).trim(), 3).lines.join(' | ')}`);
  return r;
}

function field(r, key) {
  const m = r.stdout.match(new RegExp(`${key}=(\\d+)`));
  if (!m) throw new Error(`no ${key}= in output: ${r.stdout.trim().slice(0, 200)}`);
  return Number(m[1]);
}

// ------------------------------------------------------------------ statistics
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
function stats(xs) {
  const med = median(xs);
  const min = Math.min(...xs), max = Math.max(...xs);
  return { median: med, min, max, spread_pct: med ? ((max - min) / med) * 100 : 0, samples: xs };
}

// ------------------------------------------------------------------ rows
const rows = [];
function wanted(name) { return !opt.only.length || opt.only.some((w) => name.includes(w)); }

async function row(section, name, fn) {
  if (!wanted(name)) return;
  const r = { section, name };
  const t0 = Date.now();
  try {
    Object.assign(r, await fn());
  } catch (e) {
    if (e.skip) r.skipped = e.message;
    else r.error = String(e.message || e);
  }
  r.seconds = Math.round((Date.now() - t0) / 100) / 10;
  rows.push(r);
  const status = r.error ? `ERROR ${r.error}` : r.skipped ? `n/a: ${r.skipped}` : 'ok';
  process.stderr.write(`bench: [${section}] ${name}: ${status} (${r.seconds} s)\n`);
}

function need(...names) {
  for (const n of names) {
    for (const k of ['native', 'wasm']) {
      const why = unavailable(n, k);
      if (why) {
        const e = new Error(why);
        e.skip = k === 'wasm' && build[n][k] && build[n][k].missing.length > 0;
        throw e;
      }
    }
  }
  for (const h of NATIVE_HELPERS) if (!build[h].native.ok) throw new Error(`helper ${h} does not build: ${build[h].native.err}`);
}

// --- size
async function sizeRows() {
  for (const name of Object.keys(PROGRAMS).filter((n) => PROGRAMS[n].size)) {
    for (const [k, flags] of [['wasm', '-O2'], ['wasmOz', '-Oz -Wl,--strip-all']]) {
      if (opt.smoke && k === 'wasmOz') continue;
      await row('size', `${name}.c ${flags}`, async () => {
        const why = unavailable(name, k);
        if (why) { const e = new Error(why); e.skip = build[name][k]?.missing.length > 0; throw e; }
        const bytes = fs.statSync(build[name][k].path).size;
        // Every import shows up (with 0 calls) in the runner's call count: run the program in
        // a mode that exits at once (bad arguments for the servers and tools) to list them.
        const args = name === 'hello' ? [] : ['-'];
        const r = await runProg('wasm', name, args, { count: true, dir: false });
        if (!r.calls) throw new Error(`no call count (exit ${r.code}): ${r.stderr.trim()}`);
        const imports = Object.keys(r.calls);
        const byIface = {};
        for (const i of imports) { const iface = i.split('#')[0]; byIface[iface] = (byIface[iface] || 0) + 1; }
        return { value: bytes, unit: 'bytes', imports: imports.length, imports_by_interface: byIface,
          note: `${imports.length} WASI imports` };
      });
    }
  }
}

// --- host calls
function sumCalls(c) { return Object.values(c || {}).reduce((a, b) => a + b, 0); }
function perOp(ca, cb, opsA, opsB) {
  const per = {};
  for (const k of new Set([...Object.keys(ca), ...Object.keys(cb)])) {
    const d = ((cb[k] || 0) - (ca[k] || 0)) / (opsB - opsA);
    if (Math.abs(d) > 1e-9) per[k] = Math.round(d * 1000) / 1000;
  }
  return per;
}
const shortName = (k) => k.replace(/^wasi:([\w-]+\/[\w-]+)@[\d.]+#/, '$1.').replace(/\[method\]|\[static\]/, '');
function breakdownText(per) {
  return Object.entries(per).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v} ${shortName(k)}`).join(', ');
}

// Run `go(ops)` at two operation counts in wasm and report the per-operation difference.
async function callRow(name, { opsA = S.opsA, opsB = S.opsB, go, unit, min, why, above }) {
  await row('host calls', name, async () => {
    const a = await go(opsA);
    const b = await go(opsB);
    if (!a.calls || !b.calls) throw new Error('runner wrote no call count');
    const per = perOp(a.calls, b.calls, opsA, opsB);
    const value = Math.round(Object.values(per).reduce((x, y) => x + y, 0) * 1000) / 1000;
    const m = typeof min === 'function' ? min(a, b) : min;
    const isAbove = value > m + 1e-6;
    return { value, unit, api_minimum: m, api_minimum_why: why, above_minimum: isAbove,
      ...(isAbove && above ? { above_minimum_why: above } : {}), breakdown: per, note: breakdownText(per) };
  });
}

async function hostCallRows(ports) {
  await row('host calls', 'hello world, whole run', async () => {
    need('hello');
    const r = check(await runProg('wasm', 'hello', [], { count: true, dir: false }), 'hello');
    const per = Object.fromEntries(Object.entries(r.calls).filter(([, v]) => v));
    const value = sumCalls(r.calls);
    return { value, unit: 'host calls per run', api_minimum: 2,
      api_minimum_why: 'get-stdout + one blocking-write-and-flush (returning from run needs no exit call)',
      above_minimum: value > 2, breakdown: per, note: breakdownText(per),
      ...(value > 2 ? { above_minimum_why: 'get-terminal-stdout: stdio asks once whether stdout is a terminal (line or full '
        + 'buffering, the C rule); [resource-drop]output-stream: the program releases every handle before it ends, so '
        + 'no resource outlives it (wasip2-run --check-leaks counts on that; the instance dies anyway, so this one is '
        + 'optional). Returning from main costs no wasi:cli/exit call: crt1 returns the status from run.' } : {}) };
  });
  for (const mode of ['pipe', 'line']) {
    let lineBytes = 0;
    const label = mode === 'pipe' ? 'printf one line, stdout a pipe (full buffering)'
      : 'printf one line, line-buffered (as on a terminal)';
    await callRow(label, {
      opsA: 0, opsB: S.printf, unit: 'host calls per line',
      go: async (n) => {
        need('printf_lines');
        const r = check(await runProg('wasm', 'printf_lines', mode === 'line' ? [String(n), 'line'] : [String(n)], { count: true, dir: false }), 'printf_lines');
        if (n) lineBytes = (r.stdout.length - 'first line\n'.length) / n;
        return r;
      },
      // the fewest calls that carry the extra lines: whole 4096-byte blocks (the first line
      // goes out at once in both runs, as C stdio does, and cancels)
      min: (a, b) => {
        if (mode !== 'pipe') return 1;
        const blocks = (r) => Math.ceil((r.stdout.length - 'first line\n'.length) / 4096);
        return Math.round(((blocks(b) - blocks(a)) / (S.printf - 0)) * 1000) / 1000;
      },
      why: mode === 'pipe'
        ? 'a line costs its share of one blocking-write-and-flush per 4096 bytes (the most one call accepts), so line bytes / 4096'
        : '1 = blocking-write-and-flush of the line',
      above: mode === 'pipe' ? 'stdout is flushed before its 4096-byte buffer is full' : undefined,
    });
  }
  const tcp = (n, args) => runProg('wasm', n, args, { count: true, dir: false, timeout: 120 }).then((r) => check(r, n));
  await callRow('TCP send+recv round trip, 64 B (blocking)', {
    unit: 'host calls per round trip',
    go: (n) => { need('tcp_client'); if (!ports.echo) throw new Error('no native echo server'); return tcp('tcp_client', ['rt', String(ports.echo), String(n)]); },
    min: 2, why: 'send of <= 4096 B: 1 = blocking-write-and-flush; recv that must wait: 1 = input-stream.blocking-read',
  });
  // bulk transfer: the calls per 64 KiB recv()/send(), from transfers of two sizes
  for (const dirn of ['recv', 'send']) {
    await callRow(`TCP ${dirn}() of 64 KiB (bulk transfer)`, {
      opsA: opt.smoke ? 2 : 16, opsB: opt.smoke ? 16 : 160, unit: `host calls per 64 KiB ${dirn}()`,
      go: async (n) => {
        need('tcp_client');
        const bytes = String(n * 65536);
        if (dirn === 'send') {
          if (!ports.sink) throw new Error('no native sink');
          return tcp('tcp_client', ['send', String(ports.sink), bytes]);
        }
        const src = await startServer(build.tcp_peer.native.path, ['source', bytes]);
        try { return await tcp('tcp_client', ['recv', String(src.port), bytes]); } finally { await src.stop(); }
      },
      min: dirn === 'recv' ? 1 : 2,
      why: dirn === 'recv'
        ? '1 = input-stream.blocking-read(65536) when the host has 64 KiB buffered (a host that hands over smaller chunks forces more)'
        : '2 = check-write (the permit) + write of 64 KiB, if the host permits 64 KiB; blocking-write-and-flush would take 16 (4096 B each)',
      above: dirn === 'recv'
        ? "the host, not libc: Node delivers socket data in chunks that do not line up with 64 KiB reads and one read returns at most one chunk"
        : "the host, not libc: preview2-shim's check-write permits writableHighWaterMark - writableLength = 16 KiB at most, so 64 KiB "
          + 'takes 4 check-write + write pairs (no poll: the permit never ran out); 8 is the minimum on this host',
    });
  }
  for (const nsock of [1, 100]) {
    await callRow(`poll() on ${nsock} socket${nsock > 1 ? 's' : ''}, one ready`, {
      unit: 'host calls per poll',
      go: (n) => { need('poll_bench'); if (!ports.echo) throw new Error('no native echo server'); return tcp('poll_bench', [String(ports.echo), String(nsock), String(n)]); },
      min: 1, why: '1 = wasi:io/poll.poll over pollables kept alive per socket (its result says which is ready)',
    });
  }
  await callRow('epoll_wait() on 100 idle sockets, timeout 0', {
    unit: 'host calls per epoll_wait',
    go: (n) => { need('epoll_bench'); if (!ports.echo) throw new Error('no native echo server'); return tcp('epoll_bench', [String(ports.echo), '100', String(n)]); },
    min: 1, why: '1 = wasi:io/poll.poll over the pollables each registered socket keeps, plus an always-ready one so it answers at once',
  });
  await callRow('accept() + close() of the accepted socket', {
    opsA: Math.min(S.opsA, 20), opsB: Math.min(S.opsB, 220),
    unit: 'host calls per accept+close',
    go: async (n) => {
      need('accept_bench');
      const srv = await startServer(RUNNER, ['--count-calls', path.join(outDir, `accept-${n}.json`), build.accept_bench.wasm.path, String(n)]);
      const c = await run(build.tcp_peer.native.path, ['connect', String(srv.port), String(n)], { timeout: 120 });
      const timer = setTimeout(() => srv.child.kill('SIGKILL'), 120000);
      const e = await srv.exited;
      clearTimeout(timer);
      check(c, 'tcp_peer connect');
      if (e.code !== 0) throw new Error(`accept_bench exit ${e.code}: ${e.stderr.trim()}`);
      const f = path.join(outDir, `accept-${n}.json`);
      const calls = JSON.parse(fs.readFileSync(f, 'utf8'));
      fs.rmSync(f, { force: true });
      return { calls };
    },
    min: 4, why: '1 = tcp-socket.accept (connection already queued; +1 poll if it must wait) + 3 drops (input-stream, output-stream, tcp-socket)',
    above: 'now and then the next connection had not arrived yet: accept answered would-block, then pollable.block and accept '
      + 'again (+2 for that accept; +1 is the least a wait can cost)',
  });
  const fsRun = (n, args) => runProg('wasm', n, args, { count: true }).then((r) => check(r, n));
  await callRow('open() + read() 4 KiB + close()', {
    unit: 'host calls per open+read+close',
    go: (n) => { need('open_read'); return fsRun('open_read', [P('wasm', 'f4k'), String(n)]); },
    min: 3, why: 'open-at + descriptor.read (returns up to 4096 B at an offset) + [resource-drop]descriptor',
  });
  await callRow('stat()', {
    unit: 'host calls per stat',
    go: (n) => { need('stat_loop'); return fsRun('stat_loop', [P('wasm', 'f4k'), String(n)]); },
    min: 1, why: '1 = stat-at on the preopened directory (path resolved in libc)',
    above: '0.2.0 descriptor-stat has no inode number: st_ino (with st_dev, what find, cp -a and tar use to spot '
      + 'the same file twice) needs metadata-hash-at, +1; 2 is the minimum for a complete struct stat',
  });
  await callRow('readdir(), per entry', {
    opsA: S.dirA, opsB: S.dirB, unit: 'host calls per entry',
    go: (n) => { need('readdir_bench'); return fsRun('readdir_bench', [P('wasm', `dir${n}`), '1']); },
    min: 2, why: '1 = read-directory-entry (0.2.0 returns one entry per call) + 1 metadata-hash-at for d_ino (which must equal st_ino)',
  });
  await callRow('read() 64 KiB from a file', {
    opsA: opt.smoke ? 2 : 16, opsB: opt.smoke ? 16 : 160, unit: 'host calls per read',
    go: (n) => { need('file_read'); return fsRun('file_read', [P('wasm', `chunks${n}`)]); },
    min: 1, why: '1 = descriptor.read of 65536 B (or blocking-read on a read-via-stream stream)',
  });
  await callRow('copy 64 KiB file to file (read() + write())', {
    opsA: opt.smoke ? 2 : 16, opsB: opt.smoke ? 16 : 160, unit: 'host calls per 64 KiB',
    go: (n) => { need('file_copy'); return fsRun('file_copy', [P('wasm', `chunks${n}`), P('wasm', `copy${n}`)]); },
    min: 2, why: 'descriptor.read + descriptor.write (both take 64 KiB in one call; a stream write would need 16 blocking-write-and-flush)',
  });
}

// --- speed
// measure(kind) -> number (the metric of one repetition); native and wasm alternate so drift
// in machine load hits both alike.
async function speedRow(name, { unit, lowerIsBetter = true, measure, note = '', prepare }) {
  await row('speed', name, async () => {
    const extra = prepare ? await prepare() : {};
    const nat = [], wasm = [], shim = [];
    for (let i = 0; i < opt.reps; i++) {
      nat.push(await measure('native', extra));
      wasm.push(await measure('wasm', extra));
      if (!opt.smoke) shim.push(await measure('shim', extra)); // the smoke run proves the programs, not the hosts
    }
    const n = stats(nat), w = stats(wasm), sh = shim.length ? stats(shim) : null;
    // ratio is always "how many times slower the component is"
    const slower = (x) => Math.round((lowerIsBetter ? x.median / n.median : n.median / x.median) * 100) / 100;
    return { unit, native: n, wasm: w, shim: sh, ratio: slower(w), ratio_shim: sh ? slower(sh) : null, reps: opt.reps,
      note: [extra.note, note].filter(Boolean).join('; ') };
  });
}

async function timedLoop(kind, name, args, { dir = false, timeout = 600 } = {}) {
  const r = check(await runProg(kind, name, args, { dir, timeout }), `${name} (${kind})`);
  return { ns: field(r, 'elapsed_ns'), ops: field(r, 'ops'), r };
}

async function speedRows(ports) {
  await speedRow('startup to first output, hello world', {
    unit: 'ms',
    prepare: async () => {
      need('hello');
      // first run transpiles the component into the runner's cache; later runs reuse it
      check(await runProg('wasm', 'hello', [], { dir: false }), 'hello warm-up');
      return { note: `wall time from spawn to the first stdout byte, median of ${S.startupReps} per repetition; the runner's transpile cache is warm` };
    },
    measure: async (kind) => {
      const xs = [];
      for (let i = 0; i < S.startupReps; i++) {
        const r = check(await runProg(kind, 'hello', [], { dir: false }), 'hello');
        xs.push(r.firstMs);
      }
      return Math.round(median(xs) * 100) / 100;
    },
  });
  await speedRow(`TCP round trip, 64 B, ${S.rt.toLocaleString('en-US')} times against a native echo server`, {
    unit: 'µs per round trip',
    prepare: async () => { need('tcp_client'); if (!ports.echo) throw new Error('no native echo server'); return {}; },
    measure: async (kind) => {
      const { ns, ops } = await timedLoop(kind, 'tcp_client', ['rt', String(ports.echo), String(S.rt)]);
      return Math.round((ns / ops / 1000) * 100) / 100;
    },
  });
  for (const dirn of ['recv', 'send']) {
    let bytes = S.xfer;
    await speedRow(`TCP transfer, ${dirn}() 64 KiB at a time`, {
      unit: 'MB/s', lowerIsBetter: false,
      prepare: async () => {
        need('tcp_client');
        const port = dirn === 'recv' ? ports.source : ports.sink;
        if (!port) throw new Error('no native peer');
        return { port, note: await scale('TCP', (b) => xferOnce('wasm', dirn, port, b), (b) => { bytes = b; }) };
      },
      measure: async (kind, { port }) => {
        const ns = await xferOnce(kind, dirn, port, bytes);
        return Math.round((bytes / MB / (ns / 1e9)) * 10) / 10;
      },
    });
  }
  async function xferOnce(kind, dirn, port, bytes) {
    // the source peer sends a fixed size per connection: size it to this transfer
    let p = port;
    let src = null;
    if (dirn === 'recv') { src = await startServer(build.tcp_peer.native.path, ['source', String(bytes)]); p = src.port; }
    try {
      const { ns, ops } = await timedLoop(kind, 'tcp_client', [dirn, String(p), String(bytes)]);
      if (ops !== bytes) throw new Error(`${dirn}: moved ${ops} of ${bytes} bytes`);
      return ns;
    } finally { if (src) await src.stop(); }
  }
  {
    let bytes = S.file;
    await speedRow('file read, 64 KiB read() calls', {
      unit: 'MB/s', lowerIsBetter: false,
      prepare: async () => {
        need('file_read');
        const note = await scale('file', async (b) => {
          makeFile('big', b);
          const { ns } = await timedLoop('wasm', 'file_read', [P('wasm', 'big')], { dir: true });
          return ns;
        }, (b) => { bytes = b; });
        makeFile('big', bytes);
        // warm the page cache so both builds read from memory, not the disk
        await timedLoop('native', 'file_read', [P('native', 'big')]);
        return { note: `${note ? note + '; ' : ''}page cache warm; 1 host call per read() (shim: a synchronous round trip to preview2-shim's worker thread)` };
      },
      measure: async (kind) => {
        const { ns, ops } = await timedLoop(kind, 'file_read', [P(kind, 'big')], { dir: true });
        if (ops !== bytes) throw new Error(`read ${ops} of ${bytes} bytes`);
        return Math.round((bytes / MB / (ns / 1e9)) * 10) / 10;
      },
    });
  }
  await speedRow(`stat(), ${S.stat.toLocaleString('en-US')} calls`, {
    unit: 'µs per stat',
    prepare: async () => { need('stat_loop'); return {}; },
    measure: async (kind) => {
      const { ns, ops } = await timedLoop(kind, 'stat_loop', [P(kind, 'f4k'), String(S.stat)], { dir: true });
      return Math.round((ns / ops / 1000) * 100) / 100;
    },
  });
  await speedRow(`open() + read() 4 KiB + close(), ${(S.stat / 10).toLocaleString('en-US')} times`, {
    unit: 'µs per open+read+close',
    prepare: async () => { need('open_read'); return {}; },
    note: "libc makes the minimum 3 calls; the shim runs open-at, descriptor.read and the descriptor's drop "
      + 'as synchronous round trips to its worker thread, which is where its time goes',
    measure: async (kind) => {
      const { ns, ops } = await timedLoop(kind, 'open_read', [P(kind, 'f4k'), String(S.stat / 10)], { dir: true });
      return Math.round((ns / ops / 1000) * 100) / 100;
    },
  });
}

// Many live small allocations: the heap grows through sbrk (src/mem/sbrk.c)
async function mallocRow() {
  await speedRow(`malloc, ${S.malloc.toLocaleString('en-US')} live blocks of 16-80 B, then free`, {
    unit: 'ns per malloc+free',
    prepare: async () => { need('malloc_small'); return {}; },
    note: 'the heap grows to about 200 MB; linear memory grows by at least 1 MiB or 1/8 per memory.grow (one grow costs '
      + 'about 1.5 ms on this engine whatever its size)',
    measure: async (kind) => {
      const { ns, ops } = await timedLoop(kind, 'malloc_small', [String(S.malloc)], { timeout: 900 });
      return Math.round((ns / ops) * 100) / 100;
    },
  });
}

// --- link
// One link of a compiled hello.o into a component, as clang runs it (clang-22 driver +
// wasm-component-ld + wasm-ld), wall time. Warm: the component cache holds this interface
// (every link after the first of a configure script); cold: WASIP2_LINK_CACHE=off (the
// full path: wasm-tools' componentNew).
async function linkRows() {
  const obj = path.join(wasmDir, 'hello.o');
  const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}` };
  const cache = path.join(outDir, 'link-cache');
  for (const [label, cacheEnv] of [['cache warm', cache], ['cache off', 'off']]) {
    await row('link', `hello.o -> component, ${label}`, async () => {
      const c = await run(CLANG, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', '-c', path.join(ROOT, 'bench', 'hello.c'), '-o', obj], { env });
      if (c.code !== 0) throw new Error(`compile: ${c.stderr.trim()}`);
      const e = { ...env, WASIP2_LINK_CACHE: cacheEnv };
      const link = () => run(CLANG, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, obj, '-o', path.join(wasmDir, 'hello.link.wasm')], { env: e });
      if (cacheEnv !== 'off') check(await link(), 'first link (fills the cache)');
      const xs = [];
      for (let i = 0; i < S.links; i++) xs.push(check(await link(), 'link').ms);
      const st = stats(xs.map((x) => Math.round(x * 10) / 10));
      return { value: st.median, unit: 'ms', wall: st, load: os.loadavg()[0],
        note: `median of ${S.links}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs` };
    });
  }
  fs.rmSync(cache, { recursive: true, force: true });
}

// --- HTTP: our poll() server (bench/http_server.c) under wrk, 1 KB bodies, keep-alive
function findWrk() {
  for (const d of (process.env.PATH || '').split(':')) {
    const f = path.join(d || '.', 'wrk');
    try { fs.accessSync(f, fs.constants.X_OK); return f; } catch { /* next */ }
  }
  return null;
}
// wrk --latency's percentile lines ("    99%   1.23ms") in ms
function wrkPercentile(out, pct) {
  const m = out.match(new RegExp(`^\\s*${pct}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm'));
  if (!m) return null;
  return Number(m[1]) * { us: 1e-3, ms: 1, s: 1e3 }[m[2]];
}
// A row made from values another row's runs collected (the latency of the same wrk runs);
// n/a for the same reason as that row when it could not run (skip: its reason).
async function collectedRow(name, unit, got, skip = null) {
  await row('speed', name, async () => {
    if (skip) { const e = new Error(skip); e.skip = true; throw e; }
    if (!got.native.length || !got.wasm.length) throw new Error('no samples (see the requests/s row)');
    const n = stats(got.native), w = stats(got.wasm), sh = got.shim.length ? stats(got.shim) : null;
    const slower = (x) => Math.round((x.median / n.median) * 100) / 100;
    return { unit, native: n, wasm: w, shim: sh, ratio: slower(w), ratio_shim: sh ? slower(sh) : null, reps: opt.reps,
      note: 'from the same wrk runs as the requests/s row above' };
  });
}
const NO_WRK = 'wrk not installed (apt-get install wrk)';
async function httpRows() {
  const wrk = process.env.WRK || findWrk();
  const secs = opt.smoke ? 1 : 3;
  for (const conns of opt.smoke ? [20] : [1, 20, 100]) {
    const base = `HTTP server (poll loop), 1 KB keep-alive responses, wrk ${conns} connection${conns > 1 ? 's' : ''}`;
    const lat = { p50: { native: [], wasm: [], shim: [] }, p99: { native: [], wasm: [], shim: [] } };
    await speedRow(base, {
      unit: 'requests/s', lowerIsBetter: false,
      prepare: async () => {
        need('http_server');
        if (!wrk) { const e = new Error(NO_WRK); e.skip = true; throw e; }
        return { note: `wrk -t1 -c${conns} -d${secs}s --latency against bench/http_server.c on 127.0.0.1` };
      },
      measure: async (kind) => {
        const exe = kind === 'native' ? build.http_server.native.path : RUNNER;
        const args = kind === 'native' ? ['0', '1024']
          : [...(kind === 'shim' ? ['--host=shim'] : []), build.http_server.wasm.path, '0', '1024'];
        const srv = await startServer(exe, args);
        try {
          const r = await run(wrk, ['-t1', `-c${conns}`, `-d${secs}s`, '--latency', `http://127.0.0.1:${srv.port}/`], { timeout: secs + 30 });
          const m = r.stdout.match(/Requests\/sec:\s*([\d.]+)/);
          if (!m) throw new Error(`wrk: ${proc.tailLines((r.stderr || r.stdout).trim(), 2).lines.join(' | ')}`);
          if (/Non-2xx|Socket errors/.test(r.stdout)) throw new Error(`wrk reported errors: ${r.stdout.match(/(Non-2xx.*|Socket errors.*)/)[0]}`);
          for (const p of ['50', '99']) {
            const v = wrkPercentile(r.stdout, p);
            if (v !== null) lat[`p${p}`][kind].push(Math.round(v * 1000) / 1000);
          }
          return Math.round(Number(m[1]));
        } finally { await srv.stop(); }
      },
    });
    await collectedRow(`${base}, p50 latency`, 'ms', lat.p50, wrk ? null : NO_WRK);
    await collectedRow(`${base}, p99 latency`, 'ms', lat.p99, wrk ? null : NO_WRK);
  }
}

// Large transfers through the Node host can be slow: time one smaller probe in wasm and, if
// the full size over all repetitions would exceed BUDGET_S, scale down to a power of two MB.
// Returns the note that states the scaling ('' when none).
async function scale(what, once, set) {
  const want = S.xfer;
  if (opt.smoke) { set(want); return ''; }
  const probe = 16 * MB;
  const ns = await once(probe);
  const rate = probe / (ns / 1e9); // bytes/s of the component
  const full = (want / rate) * opt.reps;
  if (full <= BUDGET_S) { set(want); return ''; }
  let b = 16 * MB;
  while (b * 2 <= (BUDGET_S * rate) / opt.reps && b * 2 <= want) b *= 2;
  set(b);
  return `scaled to ${b / MB} MB from ${want / MB} MB: the component moves ${(rate / MB).toFixed(1)} MB/s here, `
    + `so ${want / MB} MB x ${opt.reps} repetitions would take ~${Math.round(full)} s (budget ${BUDGET_S} s)`;
}

// --- memory
async function memoryRows() {
  for (const conns of [1, S.conc]) {
    await row('memory', `echo server, ${conns} concurrent connection${conns > 1 ? 's' : ''}`, async () => {
      need('tcp_echo_server');
      const out = {};
      for (const kind of ['native', 'wasm']) {
        const exe = kind === 'native' ? build.tcp_echo_server.native.path : RUNNER;
        const args = kind === 'native' ? ['0', String(conns)] : [build.tcp_echo_server.wasm.path, '0', String(conns)];
        const srv = await startServer(exe, args);
        const c = await run(build.tcp_peer.native.path, ['conc', String(srv.port), String(conns)], { timeout: 60 });
        const timer = setTimeout(() => srv.child.kill('SIGKILL'), 60000);
        const e = await srv.exited;
        clearTimeout(timer);
        check(c, 'tcp_peer conc');
        if (e.code !== 0) throw new Error(`echo server (${kind}) exit ${e.code}: ${e.stderr.trim()}`);
        const peak = Number((e.stdout.match(/peak_concurrent=(\d+)/) || [])[1]);
        if (peak !== conns) throw new Error(`${kind} server saw ${peak} concurrent connections, wanted ${conns}`);
        out[kind] = Number((e.stdout.match(/(?:peak_linear_memory|native_max_rss)_bytes=(\d+)/) || [])[1]);
      }
      return { value: out.wasm, unit: 'bytes of linear memory (peak)', native_max_rss_bytes: out.native,
        note: `native figure is the whole process's max RSS (${(out.native / MB).toFixed(1)} MiB), for scale only` };
    });
  }
}

// ------------------------------------------------------------------ output
const fmt = (x) => (x === undefined || x === null ? '' : typeof x === 'number'
  ? (Number.isInteger(x) ? x.toLocaleString('en-US') : x.toLocaleString('en-US', { maximumFractionDigits: 3 })) : String(x));
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const status = (r) => (r.error ? `error: ${r.error}` : r.skipped ? `n/a: ${r.skipped}` : null);

function markdown(meta) {
  const L = [];
  L.push(`Measured ${meta.date} with \`${meta.command}\` on ${meta.host}.`, '');
  const sec = (s) => rows.filter((r) => r.section === s);
  if (sec('size').length) {
    L.push('**Size** (component bytes; WASI imports)', '', '| Program | Bytes | WASI imports |', '|---|---:|---:|');
    for (const r of sec('size')) L.push(status(r) ? `| ${cell(r.name)} | ${cell(status(r))} | |` : `| ${cell(r.name)} | ${fmt(r.value)} | ${r.imports} |`);
    L.push('');
  }
  if (sec('host calls').length) {
    L.push('**Host calls per operation** (wasm, from `wasip2-run --count-calls`, difference of two runs)', '',
      '| Operation | Host calls | API minimum | Breakdown | Why the minimum |', '|---|---:|---:|---|---|');
    for (const r of sec('host calls')) {
      L.push(status(r) ? `| ${cell(r.name)} | ${cell(status(r))} | | | |`
        : `| ${cell(r.name)} | ${fmt(r.value)}${r.above_minimum ? ' ▲' : ''} | ${fmt(r.api_minimum)} | ${cell(r.note)} | ${cell(r.api_minimum_why)} |`);
    }
    L.push('', '▲ above the API minimum, because:', '');
    for (const r of sec('host calls')) if (r.above_minimum_why) L.push(`- ${r.name}: ${r.above_minimum_why}.`);
    L.push('');
  }
  if (sec('speed').length) {
    L.push(`**Speed next to native** (same C source; gcc -O2 vs wasip2 -O2 on the Node host; median of ${opt.reps}, min–max)`, '',
      '"wasip2" runs on wasip2-run\'s native host (Linux system calls on the calling thread), "shim" on its fallback host '
      + '(`--host=shim`, preview2-shim\'s worker thread).', '',
      '| Benchmark | Unit | Native | wasip2 | wasip2 slower by | shim | shim slower by | Notes |', '|---|---|---:|---:|---:|---:|---:|---|');
    for (const r of sec('speed')) {
      const rng = (s) => (s ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : '');
      L.push(status(r) ? `| ${cell(r.name)} | ${cell(r.unit || '')} | ${cell(status(r))} | | | | | |`
        : `| ${cell(r.name)} | ${r.unit} | ${rng(r.native)} | ${rng(r.wasm)} | ${fmt(r.ratio)}× | ${rng(r.shim)} | ${r.ratio_shim ? `${fmt(r.ratio_shim)}×` : ''} | ${cell(r.note || '')} |`);
    }
    L.push('');
  }
  if (sec('link').length) {
    L.push('**Link time** (wall, one `clang-22 --target=wasm32-wasip2 hello.o -o hello.wasm`: driver, wasm-component-ld, wasm-ld)', '',
      '| Link | ms, median (min–max) | Notes |', '|---|---:|---|');
    for (const r of sec('link')) L.push(status(r) ? `| ${cell(r.name)} | ${cell(status(r))} | |` : `| ${cell(r.name)} | ${fmt(r.wall.median)} (${fmt(r.wall.min)}–${fmt(r.wall.max)}) | ${cell(r.note)} |`);
    L.push('');
  }
  if (sec('memory').length) {
    L.push('**Memory**', '', '| Program | Peak linear memory | Notes |', '|---|---:|---|');
    for (const r of sec('memory')) L.push(status(r) ? `| ${cell(r.name)} | ${cell(status(r))} | |` : `| ${cell(r.name)} | ${fmt(r.value)} B (${(r.value / MB).toFixed(2)} MiB) | ${cell(r.note)} |`);
    L.push('');
  }
  return L.join('\n');
}

function writeDocs(md) {
  const f = path.join(ROOT, 'docs', 'benchmarks.md');
  const begin = '<!-- bench:begin -->', end = '<!-- bench:end -->';
  let text = fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : `# Benchmarks\n\n${begin}\n${end}\n`;
  const i = text.indexOf(begin), j = text.indexOf(end);
  if (i < 0 || j < i) text += `\n${begin}\n${end}\n`;
  const a = text.indexOf(begin), b = text.indexOf(end);
  text = `${text.slice(0, a + begin.length)}\n${md}\n${text.slice(b)}`;
  fs.writeFileSync(f, text);
}

// ------------------------------------------------------------------ main
async function main() {
  // peers and servers talk over loopback only: confined to a namespace with just lo
  const net = ensurePrivateNetwork(fileURLToPath(import.meta.url), process.argv.slice(2));
  console.error(net.mode === 'private' ? 'bench: network confined to a private namespace (only lo)'
    : `bench: WARNING: no private network namespace (${net.why})`);
  if (!fs.existsSync(RUNNER) || !fs.existsSync(path.join(SYSROOT, 'lib', 'wasm32-wasip2', 'libc.a'))) {
    console.error('run.mjs: build/bin/wasip2-run or the sysroot is missing: run `make` first');
    process.exit(2);
  }
  const started = Date.now();
  fs.mkdirSync(outDir, { recursive: true });
  process.stderr.write(`bench: building ${Object.keys(PROGRAMS).length} programs (native + wasm) into ${path.relative(ROOT, outDir)}\n`);
  await buildAll();

  makeFile('f4k', 8192);
  for (const n of [S.dirA, S.dirB]) makeDir(`dir${n}`, n);
  for (const n of opt.smoke ? [2, 16] : [16, 160]) makeFile(`chunks${n}`, n * 65536);

  // Native peers shared by the TCP rows; each failure only blanks the rows that need it.
  const ports = {};
  const servers = [];
  const helperOk = build.tcp_peer.native.ok && build.tcp_echo_server.native.ok;
  if (helperOk) {
    for (const [key, exe, args] of [['echo', build.tcp_echo_server.native.path, ['0']],
      ['sink', build.tcp_peer.native.path, ['sink']]]) {
      try { const s = await startServer(exe, args); servers.push(s); ports[key] = s.port; } catch (e) { process.stderr.write(`bench: ${e.message}\n`); }
    }
    ports.source = true; // started per transfer (its size varies)
  }
  try {
    await sizeRows();
    await hostCallRows(ports);
    await speedRows(ports);
    await mallocRow();
    if (!opt.smoke) await linkRows(); // they time the tools, not a benchmark program
    await httpRows();
    await memoryRows();
  } finally {
    for (const s of servers) await s.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const meta = {
    date: new Date().toISOString().slice(0, 10),
    command: opt.smoke ? 'node bench/run.mjs --smoke' : 'make bench',
    host: `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() || 'cpu'}, ${os.platform()} ${os.release()}, Node ${process.version}`,
    reps: opt.reps, seconds: Math.round((Date.now() - started) / 1000),
    gcc: proc.GCC, clang: CLANG,
  };
  const md = markdown(meta);
  fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify({ meta, rows }, null, 1) + '\n');
  fs.writeFileSync(path.join(outDir, 'results.md'), md + '\n');
  if (opt.writeDocs) writeDocs(md);
  process.stdout.write(md + '\n');
  process.stderr.write(`bench: done in ${meta.seconds} s; ${path.relative(ROOT, path.join(outDir, 'results.json'))}\n`);

  if (opt.smoke) {
    const bad = rows.filter((r) => r.error);
    const skipped = rows.filter((r) => r.skipped);
    const nativeBad = Object.entries(build).filter(([, b]) => b.native && !b.native.ok);
    for (const [n, b] of nativeBad) console.log(`FAIL native build of ${n}: ${b.native.err.split('\n')[0]}`);
    for (const r of bad) console.log(`FAIL ${r.section} / ${r.name}: ${r.error}`);
    if (bad.length || nativeBad.length) process.exit(1);
    if (skipped.length) {
      // one line per missing layer, with every function it lacks
      const layers = {};
      for (const [n, b] of Object.entries(build)) {
        if (!b.wasm || b.wasm.ok || !b.wasm.missing.length) continue;
        const l = PROGRAMS[n]?.layer || 'libc';
        layers[l] ??= new Set();
        for (const s of b.wasm.missing) layers[l].add(s);
      }
      const why = Object.entries(layers).map(([l, s]) => `the ${l} layer (${[...s].join(', ')})`);
      console.log(`SKIP ${skipped.length} of ${rows.length} rows need what is not there yet: ${why.join('; ')}`);
      process.exit(77);
    }
  }
}

main().catch((e) => { console.error(`run.mjs: ${e.stack || e}`); process.exit(1); });
