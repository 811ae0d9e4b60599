// Child processes for the test harness (tools/run-tests.mjs) and the benchmarks
// (bench/run.mjs): run a command with a timeout and capture its output, start a
// peer that prints its port on its first stdout line, build a C helper natively,
// run async tasks N at a time, show the last lines of an output.  Every child
// is ours and is stopped through its own handle (its pid or process group),
// never by name.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const GCC = process.env.GCC || 'gcc';

// Signal a child; `detached` children lead their own process group, and the
// whole group goes (a runner's helpers with it).
export function killGroup(child, sig = 'SIGKILL') {
  try {
    if (child.detachedGroup) process.kill(-child.pid, sig);
    else child.kill(sig);
  } catch {
    try { child.kill(sig); } catch { /* gone */ }
  }
}

// Run cmd with args.  Options: cwd, env, timeout (seconds, then SIGKILL),
// input (undefined: stdin is /dev/null; null: an empty pipe; else the bytes
// piped in), detached (own process group, killed as a group), maxCapture
// (bytes of output kept), encoding ('utf8': stdout/stderr as strings).
// Resolves { code, signal, stdout, stderr, out (stdout and stderr interleaved,
// a Buffer), ms (run time), firstMs (time to the first stdout byte or null),
// timedOut, error (a spawn failure) }; never rejects.
export function run(cmd, args, { cwd, env = process.env, timeout = 120, input, detached = false,
  maxCapture = Infinity, encoding = null } = {}) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const done = (r) => {
      const t1 = process.hrtime.bigint();
      const text = (b) => (encoding ? b.toString(encoding) : b);
      resolve({ ...r, stdout: text(r.stdout), stderr: text(r.stderr), ms: Number(t1 - t0) / 1e6,
        firstMs: first === null ? null : Number(first - t0) / 1e6 });
    };
    let first = null;
    let child;
    try {
      child = spawn(cmd, args, { cwd, env, detached, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    } catch (error) {
      const empty = Buffer.alloc(0);
      done({ code: null, signal: null, stdout: empty, stderr: empty, out: empty, timedOut: false, error });
      return;
    }
    child.detachedGroup = detached;
    const all = [], so = [], se = [];
    let size = 0;
    const take = (arr) => (chunk) => {
      if (arr === so && first === null) first = process.hrtime.bigint();
      if (size < maxCapture) { arr.push(chunk); all.push(chunk); size += chunk.length; }
    };
    child.stdout.on('data', take(so));
    child.stderr.on('data', take(se));
    if (input !== undefined) {
      child.stdin.on('error', () => {});
      if (input !== null) child.stdin.end(input); else child.stdin.end();
    }
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; killGroup(child); }, timeout * 1000);
    let error = null;
    child.on('error', (e) => { error = e; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (error) se.push(Buffer.from(String(error)));
      done({ code, signal, stdout: Buffer.concat(so), stderr: Buffer.concat(se), out: Buffer.concat(all), timedOut, error });
    });
  });
}

// A long-running peer (an echo server, a source): resolves once it printed its
// first stdout line, with { child, line (that line, trimmed), port (it as a
// number), output (every chunk it wrote, stdout and stderr), exited (a promise
// of { code, signal, stdout, stderr }), stop(sig) (signals it; returns exited) }.
// Rejects if it exits first or prints nothing within `timeout` seconds.
export function startPeer(cmd, args = [], { cwd, env = process.env, timeout = 30, detached = false } = {}) {
  return new Promise((resolve, reject) => {
    const name = path.basename(cmd);
    const child = spawn(cmd, args, { cwd, env, detached, stdio: ['ignore', 'pipe', 'pipe'] });
    child.detachedGroup = detached;
    let buf = '', err = '', done = false;
    const output = [];
    const exited = new Promise((res) => child.on('close', (code, signal) => res({ code, signal, stdout: buf, stderr: err })));
    const finish = (e, line) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (e) { killGroup(child); reject(e); return; }
      resolve({ child, line, port: parseInt(line, 10), output, exited,
        stop(sig = 'SIGKILL') { killGroup(child, sig); return exited; } });
    };
    const timer = setTimeout(() => finish(new Error(`${name}: no port within ${timeout} s: ${err.trim()}`)), timeout * 1000);
    child.stdout.on('data', (d) => {
      output.push(d);
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl >= 0) finish(null, buf.slice(0, nl).trim());
    });
    child.stderr.on('data', (d) => { output.push(d); err += d; });
    child.on('error', (e) => finish(e));
    child.on('close', (code, signal) => finish(new Error(`${name} exited ${signal || code} before printing its port: ${err.trim()}`)));
  });
}

// gcc -O2 -Wall [flags] src -o out [libs]: a native helper or the Linux build of a
// program.  Resolves as run() does.
export function buildNative(src, out, { flags = [], libs = [], env, timeout = 180, encoding = null } = {}) {
  return run(GCC, ['-O2', '-Wall', ...flags, src, '-o', out, ...libs], { env, timeout, encoding });
}

// Run async task functions, at most n at once; resolves their results in order.
export async function pool(tasks, n) {
  const results = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, tasks.length)) }, async () => {
    while (next < tasks.length) { const i = next++; results[i] = await tasks[i](); }
  }));
  return results;
}

// The last n lines of an output (string or Buffer), without a final empty one;
// `above` is how many lines came before them.
export function tailLines(text, n) {
  const lines = String(text).replace(/\n$/, '').split('\n');
  return { lines: lines.slice(-n), above: Math.max(0, lines.length - n) };
}
