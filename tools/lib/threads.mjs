// The -pthread link of wasm-component-ld (cooperative threads, src/thread/coop).
//
// clang -pthread compiles with atomics and bulk memory and links with --shared-memory.  We
// keep one wasm thread, so the memory must not stay shared (a component's memory cannot be),
// but linking the way wasm-ld does for shared memory is what gives user code real
// thread-locals: a mutable __tls_base, __wasm_init_tls and __tls_size, which the scheduler
// switches per thread.  So:
//   - link with --shared-memory and --no-check-features (libc.a is built without atomics;
//     its objects never touch the TLS machinery), a 4 GiB maximum when none is given
//     (wasm-ld otherwise fixes the maximum at the initial size), the scheduler archive
//     libpthread-coop.a ahead of libc.a (and libc++-coop.a ahead of libc++.a), and
//     __main_void wrapped so main runs under the scheduler;
//   - run binaryen's Asyncify over the core module: only functions that can reach the
//     scheduler's switch are instrumented (imports never unwind), and the scheduler's
//     bottom frame is left out, since it catches the unwinds;
//   - clear the memory's shared flag (atomic instructions stay valid on unshared memory).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { pkgFile } from './paths.mjs';

export const SCHED_BOTTOM = '__wrap___main_void';

// Linker arguments for a -pthread link; `ld` is the user's argument list.
export function threadLinkArgs(ld, hasMaxMemory) {
  const out = [];
  let placed = false;
  for (const a of ld) {
    // The scheduler goes first among the libraries, so its pthread objects win over
    // libc.a's single-threaded ones.
    if (!placed && (a === '-lpthread' || a === '-lc')) { out.push('-lpthread-coop'); placed = true; }
    // C++: std::thread, mutexes and condition variables (src/cxx/thread) come before
    // libc++.a, which was built without threads.
    if (a === '-lc++') out.push('-lc++-coop');
    // Asyncify finds the scheduler's bottom frame by name: the names stay until after it.
    if (a === '-s' || a === '--strip-all' || a === '-strip-all') continue;
    out.push(a);
  }
  if (!placed) out.push('-lpthread-coop');
  out.push('--no-check-features', `--wrap=__main_void`);
  if (!hasMaxMemory) out.push('--max-memory=4294967296');
  return out;
}

export function stripRequested(ld) {
  return ld.some((a) => a === '-s' || a === '--strip-all' || a === '-strip-all');
}

// Asyncify the core module at `path` in place, then unshare its memory.
export function asyncify(path, strip) {
  const wasmOpt = pkgFile('binaryen', 'bin/wasm-opt');
  const args = [wasmOpt, path, '--asyncify',
    '--pass-arg=asyncify-ignore-imports',
    `--pass-arg=asyncify-removelist@${SCHED_BOTTOM}`,
    '-O2', ...(strip ? ['--strip-debug'] : ['-g']),
    // Extra wasm-opt arguments, e.g. --pass-arg=asyncify-ignore-indirect when no thread
    // ever waits below a call through a function pointer (faster, smaller).
    ...(process.env.WASIP2_ASYNCIFY_ARGS || '').split(/\s+/).filter(Boolean),
    '-o', path];
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.stderr) process.stderr.write(r.stderr);
  if (r.error) throw new Error(`cannot run ${wasmOpt}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`wasm-opt --asyncify failed: ${r.stderr.trim()}`);
  const bytes = readFileSync(path);
  unshareMemory(bytes);
  // Debugging aid: keep a copy of the core module as it goes into the component.
  if (process.env.WASIP2_KEEP_CORE) writeFileSync(process.env.WASIP2_KEEP_CORE, bytes);
  writeFileSync(path, bytes);
}

function unshareMemory(b) {
  let p = 8;
  const leb = () => {
    let r = 0, s = 0, c;
    do { c = b[p++]; r |= (c & 0x7f) << s; s += 7; } while (c & 0x80);
    return r >>> 0;
  };
  while (p < b.length) {
    const id = b[p++];
    const size = leb();
    const next = p + size;
    if (id === 5) {
      const n = leb();
      // Flags byte of each memory's limits: bit 1 is "shared"; clearing it keeps the length.
      for (let i = 0; i < n; i++) {
        const flags = b[p];
        b[p++] = flags & ~2;
        leb();
        if (flags & 1) leb();
      }
    }
    p = next;
  }
}
