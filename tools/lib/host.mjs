// The WASI 0.2 host for wasip2-run: preview2-shim's Node implementations, configured and
// assembled into the import object a jco-transpiled component (instantiation mode) expects.
//
// buildImports(config) returns { imports, finishHooks } where imports is keyed by unversioned
// interface name ('wasi:io/streams') with camelCase members, exactly as the transpiled glue
// destructures them. Every interface object is a fresh copy, so a single function can be
// replaced without touching the shim: put workarounds in OVERRIDES below (or pass
// config.overrides = { 'wasi:sockets/tcp': { TcpSocket: ... } }).
import { importPkgFile } from './paths.mjs';
import { loadNative, buildNativeImports } from './native-host.mjs';
// Built-ins without the ES facade an import of each builds (start-up; tools/wasip2-run
// provides process.getBuiltinModule on a Node without it). No top-level await, so that the
// runner can require() this module (loaded at once, no event-loop turn per module).
const { existsSync, writeSync } = process.getBuiltinModule('node:fs');
const { fileURLToPath } = process.getBuiltinModule('node:url');
// (the shim's fixes, host-fs.mjs and host-tcp.mjs, load only when the shim serves: start-up)

// node:tty (it loads node:net) only for the shim's terminal overrides: start-up
let isatty = null;

const SHIM = '@bytecodealliance/preview2-shim';

// Host-side workarounds for preview2-shim, one entry per replaced function:
//   'wasi:pkg/iface': (shim, config) => ({ functionName: implementation, ... })
// `shim` is the loaded preview2-shim modules { cli, clocks, filesystem, io, random, sockets }.
// stdout/stderr written synchronously from this thread. The shim writes them from its worker
// (or with an asynchronous process.stdout.write when the pipe is full), and Node drops what is
// still queued when the runner calls process.exit: a 1 MB printf lost 80% of its bytes. A
// blocking write(2) loop loses nothing and saves the worker round trip per printf. The object
// is made from the shim's OutputStream.prototype so the glue's `instanceof` accepts it; every
// method is an own property, so the shim's private fields are never touched.
const sleepMs = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
function syncOutputStream(shim, fd) {
  const writeAll = (buf) => {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    for (let off = 0; off < b.length;) {
      try { off += writeSync(fd, b, off, b.length - off); } catch (e) {
        if (e.code === 'EAGAIN') { sleepMs(1); continue; } // non-blocking pipe is full: wait
        throw { tag: 'closed' }; // EPIPE and friends: the reader is gone
      }
    }
  };
  const s = Object.create(shim.io.streams.OutputStream.prototype);
  const own = {
    checkWrite: () => 1048576n,
    write: (buf) => writeAll(buf),
    blockingWriteAndFlush: (buf) => writeAll(buf),
    flush: () => {},
    blockingFlush: () => {},
    writeZeroes: (n) => writeAll(new Uint8Array(Number(n))),
    blockingWriteZeroesAndFlush: (n) => writeAll(new Uint8Array(Number(n))),
    splice: (src, n) => { const b = src.read(n); writeAll(b); return BigInt(b.length); },
    blockingSplice: (src, n) => { const b = src.blockingRead(n); writeAll(b); return BigInt(b.length); },
    // always writable: a pollable that is ready at once
    subscribe: () => shim.clocks.monotonicClock.subscribeDuration(0n),
    [Symbol.dispose || Symbol.for('dispose')]: () => {},
  };
  for (const [k, v] of [...Object.entries(own), ...Object.getOwnPropertySymbols(own).map((y) => [y, own[y]])]) {
    Object.defineProperty(s, k, { value: v, enumerable: false });
  }
  return s;
}

export const OVERRIDES = {
  'wasi:cli/stdout': (shim) => ({ getStdout: () => syncOutputStream(shim, 1) }),
  'wasi:cli/stderr': (shim) => ({ getStderr: () => syncOutputStream(shim, 2) }),
  // The shim always hands out a terminal for stdio; report one only for a real TTY.
  'wasi:cli/terminal-stdin': (shim) => ({
    getTerminalStdin: () => (isatty(0) ? shim.cli.terminalStdin.getTerminalStdin() : undefined),
  }),
  'wasi:cli/terminal-stdout': (shim) => ({
    getTerminalStdout: () => (isatty(1) ? shim.cli.terminalStdout.getTerminalStdout() : undefined),
  }),
  'wasi:cli/terminal-stderr': (shim) => ({
    getTerminalStderr: () => (isatty(2) ? shim.cli.terminalStderr.getTerminalStderr() : undefined),
  }),
};

export class ExitRequest {
  constructor(code) { this.code = code; }
}

// What __wasip2_exit_status answers when nothing was recorded (INT_MIN, since exit(-1) is real).
export const STATUS_NONE = -0x80000000;

// The one place for the exit-status policy. `status` is a wasi:cli/exit `result`
// ({ tag: 'ok' | 'err' }) or true/false for "ended with err" (run's result). WASI 0.2.0 carries
// only ok/err, so `recorded` is the C status our libc keeps for us (its core export
// __wasip2_exit_status, see src/exit/_Exit.c), or undefined when the component has none.
//   ok                       -> 0
//   err, a status recorded   -> status & 0xff, as a shell reports it (exit(256) would look like
//                               success there, so a non-zero status whose low byte is 0 gives 1)
//   err, nothing usable      -> 1 (components built elsewhere; a recorded 0 contradicts err)
export function exitCodeFor(status, recorded) {
  const err = typeof status === 'boolean' ? status : !!(status && status.tag === 'err');
  if (!err) return 0;
  if (!Number.isInteger(recorded) || recorded === 0 || recorded === STATUS_NONE) return 1;
  return (recorded & 0xff) || 1;
}

// wasi:clocks/timezone (0.2.x, @unstable clocks-timezone; the shim has none): the host's local
// time zone as Node knows it (TZ, /etc/localtime). `when` is a wall-clock datetime.
const tzDate = (when) => new Date(Number(when.seconds) * 1000 + Math.floor(when.nanoseconds / 1e6));
const tzOffset = (d) => -d.getTimezoneOffset() * 60; // seconds east of UTC
export const timezone = {
  utcOffset: (when) => tzOffset(tzDate(when)),
  display(when) {
    const d = tzDate(when);
    const off = tzOffset(d);
    const y = d.getFullYear();
    // standard time is the smaller of January's and July's offsets
    const std = Math.min(tzOffset(new Date(y, 0, 1)), tzOffset(new Date(y, 6, 1)));
    let name = 'UTC';
    try {
      name = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
        .formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? name;
    } catch { /* no Intl time zone data: keep UTC */ }
    return { utcOffset: off, name, inDaylightSavingTime: off !== std };
  },
};

const SHIM_MODULES = ['cli', 'clocks', 'filesystem', 'io', 'random', 'sockets'];

// Loads preview2-shim's Node modules; `packages` (e.g. ['cli', 'io']) limits which, to keep
// startup short. Modules not loaded are null.
export async function loadShim(packages = SHIM_MODULES) {
  const want = new Set(packages);
  want.add('cli'); want.add('io'); want.add('clocks'); // clocks: stdout's ready pollable
  const mods = await Promise.all(SHIM_MODULES.map((m) => (want.has(m) ? importPkgFile(SHIM, `dist/nodejs/${m}.js`) : null)));
  return Object.fromEntries(SHIM_MODULES.map((m, i) => [m, mods[i]]));
}

/**
 * config: {
 *   args: string[]                     argv including argv[0]
 *   env: Record<string,string>         the complete guest environment
 *   preopens: Array<[guest, host]>     the only directories the guest sees
 *   denyNetwork: boolean
 *   onExit(code): never                called for wasi:cli/exit.exit (must not return)
 *   exitStatus(): number|undefined     the guest's recorded C exit status, if it has one
 *                                      (read when wasi:cli/exit is called; see exitCodeFor)
 *   packages: string[]                 WASI packages the component imports ('cli', 'io', 'http', ...);
 *                                      default: all but http
 *   overrides: { iface: { fn: impl } } extra replacements (applied after OVERRIDES)
 *   hostFixes: boolean                 default true; false runs the bare shim (only for
 *                                      reproducing host bugs: test/host/*, WASIP2_RUN_HOST_FIXES=0)
 * }
 */
// The native module: build/native/ of this tree (make builds it), or tools/native/ of an
// installed copy. WASIP2_RUN_NATIVE names another file.
export function nativeModulePath() {
  if (process.env.WASIP2_RUN_NATIVE) return process.env.WASIP2_RUN_NATIVE;
  const tools = fileURLToPath(new URL('..', import.meta.url));
  for (const p of [`${tools}../build/native/wasip2_host.node`, `${tools}native/wasip2_host.node`]) if (existsSync(p)) return p;
  return null;
}

// The native host (tools/lib/native-host.mjs) when it can serve this component, else null
// with the reason. wasi:http's resources come only from preview2-shim, whose streams are its
// own, so a component importing wasi:http gets the shim for everything.
async function nativeImports(config, packages) {
  if (packages.includes('http')) return { why: 'wasi:http is served by preview2-shim only' };
  const file = nativeModulePath();
  if (!file) return { why: 'build/native/wasip2_host.node not built (make builds it with gcc)' };
  let N;
  try { N = loadNative(file); } catch (e) { return { why: `cannot load ${file}: ${e.message.split('\n')[0]}` }; }
  return { imports: buildNativeImports(config, N) };
}

// wasi:cli/exit and the timezone: the same for both hosts
function exitImports(config) {
  return {
    'wasi:cli/exit': {
      exit(status) { config.onExit(exitCodeFor(status, config.exitStatus?.())); },
      // 0.2.x (x > 0, @unstable cli-exit-with-code): the status itself, as a shell shows it
      exitWithCode(code) { config.onExit(Number(code) & 0xff); },
    },
    'wasi:clocks/timezone': timezone,
  };
}

// The native host's imports, or null (then the shim serves: said once, unless for wasi:http).
async function tryNative(config, packages) {
  const r = await nativeImports(config, packages);
  if (!r.imports) {
    if (config.host === 'native') throw new Error(`--host=native: ${r.why}`);
    if (!/wasi:http/.test(r.why)) (config.say ?? ((m) => writeSync(2, `wasip2-run: ${m}\n`)))(`native host unavailable (${r.why}); using preview2-shim`);
    return null;
  }
  const imports = Object.assign(r.imports, exitImports(config));
  if (config.overrides) {
    for (const [iface, fns] of Object.entries(config.overrides)) imports[iface] = { ...(imports[iface] || {}), ...fns };
  }
  return imports;
}

// the shim's interfaces under the names the glue asks for (the ones not loaded left out)
function shimInterfaces({ cli, clocks, filesystem, io, random, sockets }) {
  return {
    'wasi:cli/environment': cli.environment,
    'wasi:cli/stdin': cli.stdin,
    'wasi:cli/stdout': cli.stdout,
    'wasi:cli/stderr': cli.stderr,
    'wasi:cli/terminal-input': cli.terminalInput,
    'wasi:cli/terminal-output': cli.terminalOutput,
    'wasi:cli/terminal-stdin': cli.terminalStdin,
    'wasi:cli/terminal-stdout': cli.terminalStdout,
    'wasi:cli/terminal-stderr': cli.terminalStderr,
    'wasi:clocks/monotonic-clock': clocks?.monotonicClock,
    'wasi:clocks/wall-clock': clocks?.wallClock,
    'wasi:filesystem/types': filesystem?.types,
    'wasi:filesystem/preopens': filesystem?.preopens,
    'wasi:io/error': io.error,
    'wasi:io/poll': io.poll,
    'wasi:io/streams': io.streams,
    'wasi:random/random': random?.random,
    'wasi:random/insecure': random?.insecure,
    'wasi:random/insecure-seed': random?.insecureSeed,
    'wasi:sockets/network': sockets?.network,
    'wasi:sockets/instance-network': sockets?.instanceNetwork,
    'wasi:sockets/ip-name-lookup': sockets?.ipNameLookup,
    'wasi:sockets/tcp': sockets?.tcp,
    'wasi:sockets/tcp-create-socket': sockets?.tcpCreateSocket,
    'wasi:sockets/udp': sockets?.udp,
    'wasi:sockets/udp-create-socket': sockets?.udpCreateSocket,
  };
}

// the shim configured: arguments, environment, cwd, preopens, and its fixes
async function configureShim(config, shim) {
  const { cli, filesystem, sockets } = shim;
  cli._setArgs(config.args);
  cli._setEnv(config.env);
  // The shim reports the host's cwd, a path the guest cannot open. Report the first --dir's guest
  // path instead (libc starts there, so relative paths work as with `wasmtime --dir`), or none.
  cli._setCwd(config.preopens.length ? config.preopens[0][0] : undefined);
  if (filesystem) {
    filesystem._setPreopens({});
    for (const [guest, host] of config.preopens) filesystem._addPreopen(guest, host);
  }
  // Fixes for host bugs that live in resource methods (docs/host-notes.md): they replace single
  // methods on the shim's resource classes, since the glue calls methods on the shim's instances.
  if (config.hostFixes !== false) {
    if (filesystem) (await import('./host-fs.mjs')).installFsFixes(shim, config.preopens.map(([, host]) => host));
    if (sockets && !config.denyNetwork) await (await import('./host-tcp.mjs')).installTcpFixes(shim);
  }
}

// OVERRIDES, --deny-network and config.overrides on fresh copies of the shim's interfaces
function applyOverrides(config, shim, imports) {
  const apply = (table) => {
    for (const [iface, fns] of Object.entries(table)) {
      if (!imports[iface] && !config.packages?.includes(iface.split(/[:/]/)[1])) continue;
      const repl = typeof fns === 'function' ? fns(shim, config) : fns;
      imports[iface] = { ...(imports[iface] || {}), ...repl };
    }
  };
  apply(OVERRIDES);
  if (config.denyNetwork && shim.sockets) {
    shim.sockets._denyTcp();
    shim.sockets._denyUdp();
    shim.sockets._denyDnsLookup();
    const denied = () => { throw 'access-denied'; };
    apply({
      'wasi:sockets/tcp-create-socket': { createTcpSocket: denied },
      'wasi:sockets/udp-create-socket': { createUdpSocket: denied },
      'wasi:sockets/ip-name-lookup': { resolveAddresses: denied },
    });
  }
  if (config.overrides) apply(config.overrides);
}

export async function buildImports(config) {
  const packages = config.packages ?? SHIM_MODULES;
  if (config.host !== 'shim') {
    const native = await tryNative(config, packages);
    if (native) return native;
  }
  const shim = await loadShim(packages);
  isatty ??= (await import('node:tty')).isatty;
  await configureShim(config, shim);
  const all = { ...shimInterfaces(shim), ...exitImports(config) };
  const imports = {};
  for (const [k, v] of Object.entries(all)) if (v) imports[k] = v;
  if (packages.includes('http')) {
    const http = await importPkgFile(SHIM, 'dist/nodejs/http.js');
    imports['wasi:http/types'] = http.types;
    imports['wasi:http/outgoing-handler'] = http.outgoingHandler;
    if (config.denyNetwork) http._denyHttp?.();
  }
  // fresh copies: overriding never mutates the shim's own objects
  for (const k of Object.keys(imports)) imports[k] = { ...imports[k] };
  applyOverrides(config, shim, imports);
  return imports;
}
