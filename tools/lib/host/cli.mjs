// wasi:cli (environment, stdio, terminals), wasi:clocks and wasi:random. wasi:cli/exit and
// the clocks' timezone are host.mjs's (the same for both hosts).
import { N, K, DISPOSE, config, s64 } from './context.mjs';
import { Pollable, READY, now, InputStream, OutputStream } from './io.mjs';
import { makeSignalRequests } from '../signals.mjs';

// stdio: the process's own fds 0-2, never closed by the guest
const stdioRef = (fd) => ({ fd, refs: Infinity, hold() { return this; }, release() {} });
class TerminalInput { [DISPOSE]() {} }
class TerminalOutput { [DISPOSE]() {} }
const tty = (fd) => N.fdop(K.FD_ISATTY, fd, 0, 0) === 1;

// Web Crypto's generator (the kernel's CSPRNG), 64 KiB per call at most
const rand = (len) => {
  const n = Number(len), b = new Uint8Array(n);
  for (let i = 0; i < n; i += 65536) globalThis.crypto.getRandomValues(b.subarray(i, Math.min(n, i + 65536)));
  return b;
};
const randU64 = () => new BigUint64Array(rand(8).buffer)[0];
let seed = null;

const cli = () => ({
  'wasi:cli/environment': {
    getEnvironment: () => Object.entries(config.env),
    getArguments: () => config.args,
    initialCwd: () => (config.preopens.length ? config.preopens[0][0] : undefined),
  },
  'wasi:cli/stdin': { getStdin: () => new InputStream('stdin', stdioRef(0)) },
  'wasi:cli/stdout': { getStdout: () => new OutputStream('stdio', stdioRef(1)) },
  'wasi:cli/stderr': { getStderr: () => new OutputStream('stdio', stdioRef(2)) },
  'wasi:cli/terminal-input': { TerminalInput },
  'wasi:cli/terminal-output': { TerminalOutput },
  'wasi:cli/terminal-stdin': { getTerminalStdin: () => (tty(0) ? new TerminalInput() : undefined) },
  'wasi:cli/terminal-stdout': { getTerminalStdout: () => (tty(1) ? new TerminalOutput() : undefined) },
  'wasi:cli/terminal-stderr': { getTerminalStderr: () => (tty(2) ? new TerminalOutput() : undefined) },
});

const clocks = () => {
  const sigRequest = makeSignalRequests(Pollable, READY, DISPOSE);
  return {
  'wasi:clocks/monotonic-clock': {
    now,
    resolution: () => 1n,
    subscribeInstant: (when) => { const w = BigInt(when); return new Pollable(() => w); },
    // signals from outside ride on reserved durations (../signals.mjs)
    subscribeDuration: (d) => { const w = now() + BigInt(d); return sigRequest(BigInt(d)) ?? new Pollable(() => w); },
  },
  'wasi:clocks/wall-clock': {
    now: () => { N.realtime(); return { seconds: s64[12], nanoseconds: Number(s64[13]) }; },
    resolution: () => ({ seconds: 0n, nanoseconds: 1 }),
  },
  };
};

const random = () => ({
  'wasi:random/random': { getRandomBytes: rand, getRandomU64: randU64 },
  'wasi:random/insecure': { getInsecureRandomBytes: rand, getInsecureRandomU64: randU64 },
  'wasi:random/insecure-seed': { insecureSeed: () => (seed ??= [randU64(), randU64()]) },
});

export function imports() {
  return { ...cli(), ...clocks(), ...random() };
}
