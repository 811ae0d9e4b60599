#!/usr/bin/env node
// wasip2-libc test harness (`make check`). Implements the test directives of
// docs/CONVENTIONS.md.
//
//   node tools/run-tests.mjs [--verbose] [--keep] [-j N] [FILTER...]
//
// Tests: test/**/*.c (each compiled at -O2 with -I test/include, the shared check.h, to a
// component and run with build/bin/wasip2-run)
// and test/**/*.test.mjs (run with node from the repo root; exit 0 pass, 77 skip with the
// reason on stdout, anything else fail). A FILTER keeps the tests whose path contains
// it (`test/net`, `hello`). Not tests but helpers/fixtures: C files that some test names
// in `//! native:`, C files under a `native/`, `helpers/` or `fixtures/` folder, and C
// files whose name a *.test.mjs of the same folder mentions (e.g. a guest program the JS
// test compiles itself).
//
// A C test that finds its environment lacking ends with check.h's CHECK_SKIP: status 77
// after a `skip: why` line on stdout, reported as skipped.
//
// Output: one line per test (PASS/FAIL/SKIP), the failing ones followed by the last
// lines of their output, and last `N passed, N failed, N skipped`. Exit 1 if any failed.
//
// Environment: CLANG (default clang-22), GCC (default gcc), NODE (default this node).
// Processes (spawn with a timeout, native peers, gcc builds): tools/lib/proc.mjs, shared
// with bench/run.mjs.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePrivateNetwork } from './netns.mjs';
import * as proc from './lib/proc.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = path.join(ROOT, 'build');
const BIN = path.join(BUILD, 'bin');
const SYSROOT = path.join(BUILD, 'sysroot');
// test/include/check.h: the helpers every C test shares
const TEST_INC = `-I${path.join(ROOT, 'test', 'include')}`;
const RUNNER = path.join(BIN, 'wasip2-run');
const CLANG = process.env.CLANG || 'clang-22';
// the target's default options, as wasip2-cc and the installed clang configuration give them
const CFG_OPTIONS = execFileSync(path.join(ROOT, 'mk/clang-cfg.sh'), ['--options'], { encoding: 'utf8' }).trim().split(/\s+/);
const NODE = process.env.NODE || process.execPath;
const COMPILE_TIMEOUT = 180;
const NATIVE_START_TIMEOUT = 15;
const TAIL_LINES = 20;
const MAX_CAPTURE = 256 * 1024 * 1024;
const SKIP_STATUS = 77;

const KNOWN = new Set(['args', 'env', 'dir', 'stdin', 'exit', 'cflags', 'native', 'stdout-size',
  'stdout-contains', 'timeout', 'skip', 'no-leak-check']);

// ------------------------------------------------------------------ options
let verbose = false;
let keep = false;
let jobs = Math.max(1, Math.min(os.cpus().length, 4));
const filters = [];
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--verbose' || a === '-v') verbose = true;
    else if (a === '--keep') keep = true;
    else if (a === '-j' || a === '--jobs') jobs = Math.max(1, parseInt(argv[++i], 10) || 1);
    else if (/^-j\d+$/.test(a)) jobs = Math.max(1, parseInt(a.slice(2), 10));
    else if (a === '--help' || a === '-h') {
      console.log('usage: node tools/run-tests.mjs [--verbose] [--keep] [-j N] [FILTER...]');
      process.exit(0);
    } else if (a.startsWith('-')) {
      console.error(`run-tests: unknown option ${a}`);
      process.exit(2);
    } else filters.push(a.replace(/^\.\//, '').replace(/\/+$/, ''));
  }
}

// ------------------------------------------------------------------ helpers
function walk(dir, out = []) {
  let entries;
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

const rel = (p) => path.relative(ROOT, p).split(path.sep).join('/');

// Shell-like word splitting: "double", 'single', backslash escapes.
export function shellSplit(s) {
  const words = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      inWord = true;
      for (i++; i < s.length && s[i] !== '"'; i++) {
        if (s[i] === '\\' && i + 1 < s.length && '"\\$`'.includes(s[i + 1])) i++;
        cur += s[i];
      }
      if (i >= s.length) throw new Error(`unterminated " in: ${s}`);
    } else if (c === "'") {
      inWord = true;
      const j = s.indexOf("'", i + 1);
      if (j < 0) throw new Error(`unterminated ' in: ${s}`);
      cur += s.slice(i + 1, j);
      i = j;
    } else if (c === '\\' && i + 1 < s.length) {
      inWord = true;
      cur += s[++i];
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      inWord = true;
      cur += c;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

// `\n`, `\t`, `\\` escapes of the stdin directive.
function unescape(s) {
  return s.replace(/\\([nt\\])/g, (_, c) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

function parseDirectives(text) {
  const d = { args: [], env: [], dir: [], stdin: null, exit: 0, cflags: [], native: null,
    stdoutSize: null, contains: [], timeout: 60, skip: null, leakCheck: true, errors: [] };
  for (const line of text.split('\n')) {
    const m = /^\s*\/\/!\s*([A-Za-z][\w-]*)\s*(?::(.*))?$/.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    const key = m[1];
    const raw = m[2] === undefined ? null : m[2].replace(/^[ \t]/, '');
    const val = raw === null ? '' : raw.trim();
    if (!KNOWN.has(key)) { d.errors.push(`unknown directive //! ${key}`); continue; }
    try {
      switch (key) {
        case 'args': d.args.push(...shellSplit(val)); break;
        case 'env': d.env.push(val); break;
        case 'dir': d.dir.push(val); break;
        case 'stdin': d.stdin = (d.stdin ?? '') + unescape(raw ?? ''); break;
        case 'exit': d.exit = parseInt(val, 10); if (Number.isNaN(d.exit)) throw new Error(`bad exit: ${val}`); break;
        case 'cflags': d.cflags.push(...shellSplit(val)); break;
        case 'native': d.native = val; break;
        case 'stdout-size': d.stdoutSize = parseInt(val, 10); if (Number.isNaN(d.stdoutSize)) throw new Error(`bad stdout-size: ${val}`); break;
        case 'stdout-contains': d.contains.push(raw ?? ''); break;
        case 'timeout': d.timeout = parseFloat(val); if (!(d.timeout > 0)) throw new Error(`bad timeout: ${val}`); break;
        case 'skip': d.skip = val || 'skipped'; break;
        case 'no-leak-check': d.leakCheck = false; break;
      }
    } catch (e) {
      d.errors.push(e.message);
    }
  }
  return d;
}

// Every child runs in its own process group (a runner and its helpers stop together).
// stdin is an empty pipe unless the test gives bytes.
const run = (cmd, args, { cwd = ROOT, env = process.env, input = null, timeout = 60 } = {}) =>
  proc.run(cmd, args, { cwd, env, input, timeout, detached: true, maxCapture: MAX_CAPTURE });

function tail(buf, n = TAIL_LINES) {
  const t = proc.tailLines(buf.toString('utf8'), n);
  return (t.above ? `    ... (${t.above} lines above)\n` : '') + t.lines.map((l) => '    ' + l).join('\n');
}

// ------------------------------------------------------------------ native helpers
const nativeBuilds = new Map();
function buildNative(src, outDir) {
  if (!nativeBuilds.has(src)) {
    nativeBuilds.set(src, (async () => {
      fs.mkdirSync(outDir, { recursive: true });
      const exe = path.join(outDir, path.basename(src, '.c'));
      const r = await proc.buildNative(src, exe, { flags: [TEST_INC], libs: ['-lpthread'], timeout: COMPILE_TIMEOUT });
      if (r.code !== 0) throw new Error(`native helper ${rel(src)} failed to build:\n${tail(r.out, 40)}`);
      return exe;
    })());
  }
  return nativeBuilds.get(src);
}

const startNative = (exe) => proc.startPeer(exe, [], { cwd: path.dirname(exe), timeout: NATIVE_START_TIMEOUT, detached: true });

// ------------------------------------------------------------------ tests
function discover() {
  const files = walk(path.join(ROOT, 'test')).sort();
  const cFiles = files.filter((f) => f.endsWith('.c'));
  const jsFiles = files.filter((f) => f.endsWith('.test.mjs'));
  const helpers = new Set();
  const parsed = new Map();
  for (const f of cFiles) {
    const d = parseDirectives(fs.readFileSync(f, 'utf8'));
    parsed.set(f, d);
    if (d.native) helpers.add(path.resolve(path.dirname(f), d.native));
  }
  for (const f of jsFiles) {
    const text = fs.readFileSync(f, 'utf8');
    for (const c of cFiles) {
      if (path.dirname(c) === path.dirname(f) && text.includes(path.basename(c))) helpers.add(c);
    }
  }
  const tests = [];
  for (const f of cFiles) {
    const r = rel(f);
    if (helpers.has(f) || /\/(native|helpers|fixtures)\//.test(r)) continue;
    tests.push({ kind: 'c', file: f, name: r, d: parsed.get(f) });
  }
  for (const f of jsFiles) {
    // JS tests honour only `//! timeout:` and `//! skip:`; other `//!` lines are theirs
    const d = parseDirectives(fs.readFileSync(f, 'utf8'));
    d.errors = [];
    tests.push({ kind: 'js', file: f, name: rel(f), d });
  }
  tests.sort((a, b) => a.name.localeCompare(b.name));
  return filters.length ? tests.filter((t) => filters.some((flt) => t.name.includes(flt))) : tests;
}

async function runC(t) {
  const d = t.d;
  const area = path.relative(path.join(ROOT, 'test'), path.dirname(t.file));
  const outDir = path.join(BUILD, 'test', area);
  fs.mkdirSync(outDir, { recursive: true });
  const wasm = path.join(outDir, path.basename(t.file, '.c') + '.wasm');
  const env = { ...process.env, PATH: `${BIN}${path.delimiter}${process.env.PATH || ''}` };

  const cc = await run(CLANG, [`--target=wasm32-wasip2`, `--sysroot=${SYSROOT}`, ...CFG_OPTIONS, '-O2', TEST_INC, t.file, ...d.cflags, '-o', wasm],
    { env, timeout: COMPILE_TIMEOUT });
  if (cc.error) return { status: 'fail', reason: `cannot run ${CLANG}: ${cc.error.message}` };
  if (cc.code !== 0) return { status: 'fail', reason: cc.timedOut ? 'compile timed out' : 'compile failed', out: cc.out };

  const tmpDirs = [];
  let native = null;
  try {
    const args = [];
    if (d.leakCheck) args.push('--check-leaks');
    for (const guest of d.dir) {
      const host = fs.mkdtempSync(path.join(os.tmpdir(), 'wasip2-test-'));
      tmpDirs.push(host);
      args.push('--dir', `${host}::${guest}`);
    }
    for (const kv of d.env) args.push('--env', kv);
    if (d.native) {
      const src = path.resolve(path.dirname(t.file), d.native);
      let exe;
      try {
        exe = await buildNative(src, path.join(outDir, 'native'));
        native = await startNative(exe);
      } catch (e) {
        return { status: 'fail', reason: e.message };
      }
      args.push('--env', `NATIVE_PORT=${native.line}`);
    }
    args.push(wasm, ...d.args);
    const r = await run(RUNNER, args, { env, input: d.stdin === null ? null : Buffer.from(d.stdin, 'utf8'), timeout: d.timeout });
    const cmdline = `$ build/bin/wasip2-run ${args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}\n`;
    const out = Buffer.concat([Buffer.from(cmdline), r.out]);
    if (r.error) return { status: 'fail', reason: `cannot run ${rel(RUNNER)}: ${r.error.message}`, out };
    if (r.timedOut) return { status: 'fail', reason: `timed out after ${d.timeout}s`, out };
    // CHECK_SKIP (check.h): exit 77 after a `skip: why` line, as the JS tests skip
    if (r.code === SKIP_STATUS && d.exit !== SKIP_STATUS && !r.signal) {
      const why = r.stdout.toString('utf8').split('\n').filter((l) => l.startsWith('skip: ')).pop();
      if (why) return { status: 'skip', reason: why.slice(6), out };
    }
    const problems = [];
    if (r.signal) problems.push(`killed by ${r.signal}`);
    else if (r.code !== d.exit) problems.push(`exit status ${r.code}, expected ${d.exit}`);
    if (d.stdoutSize !== null && r.stdout.length !== d.stdoutSize)
      problems.push(`stdout is ${r.stdout.length} bytes, expected ${d.stdoutSize}`);
    const text = r.stdout.toString('utf8');
    for (const c of d.contains) if (!text.includes(c)) problems.push(`stdout lacks ${JSON.stringify(c)}`);
    return problems.length ? { status: 'fail', reason: problems.join('; '), out } : { status: 'pass', out };
  } finally {
    if (native) native.stop('SIGTERM');
    if (native) setTimeout(() => native.stop(), 2000).unref();
    if (!keep) for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runJs(t) {
  const r = await run(NODE, [t.file], { timeout: t.d.timeout });
  if (r.error) return { status: 'fail', reason: r.error.message };
  if (r.timedOut) return { status: 'fail', reason: `timed out after ${t.d.timeout}s`, out: r.out };
  if (r.code === 0) return { status: 'pass', out: r.out };
  if (r.code === 77) {
    const reason = r.stdout.toString('utf8').split('\n').map((l) => l.trim()).filter(Boolean).pop() || 'skipped';
    return { status: 'skip', reason, out: r.out };
  }
  return { status: 'fail', reason: r.signal ? `killed by ${r.signal}` : `exit status ${r.code}`, out: r.out };
}

async function runOne(t) {
  if (t.d.errors.length) return { status: 'fail', reason: t.d.errors.join('; ') };
  if (t.d.skip) return { status: 'skip', reason: t.d.skip };
  try {
    return t.kind === 'c' ? await runC(t) : await runJs(t);
  } catch (e) {
    return { status: 'fail', reason: `harness error: ${e.stack || e}` };
  }
}

// ------------------------------------------------------------------ main
// Every test runs with no route off the machine (tools/netns.mjs): a network namespace
// holding only lo. Without one (no root, no user namespaces) our own tests still run,
// loudly; third-party suites (make check-ports) refuse.
const net = ensurePrivateNetwork(fileURLToPath(import.meta.url), process.argv.slice(2));
const netLine = net.mode === 'private'
  ? 'network: tests run in a private network namespace with only lo (loopback) up'
  : `network: WARNING: no private network namespace (${net.why}); tests are loopback-only by construction, not by confinement`;
console.log(netLine);
const tests = discover();
const counts = { pass: 0, fail: 0, skip: 0 };
async function runAndReport(t) {
  const t0 = Date.now();
  const r = await runOne(t);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  counts[r.status]++;
  let msg;
  if (r.status === 'pass') msg = `PASS ${t.name} (${secs}s)`;
  else if (r.status === 'skip') msg = `SKIP ${t.name} ${r.reason}`;
  else msg = `FAIL ${t.name} (${secs}s) ${r.reason}`;
  if (r.out && r.out.length && (verbose || r.status === 'fail')) {
    msg += '\n' + (verbose ? r.out.toString('utf8').replace(/\n$/, '').split('\n').map((l) => '    ' + l).join('\n') : tail(r.out));
  }
  process.stdout.write(msg + '\n');
}

if (!tests.length) console.log(filters.length ? `no test matches ${filters.join(' ')}` : 'no tests found under test/');
await proc.pool(tests.map((t) => () => runAndReport(t)), jobs);
console.log(netLine);
console.log(`${counts.pass} passed, ${counts.fail} failed, ${counts.skip} skipped`);
process.exitCode = counts.fail ? 1 : 0;
