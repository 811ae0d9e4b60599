// Loopback-only confinement for everything `make check`, `make bench` and `make check-ports`
// start: a test must never be able to send a packet off the machine, even by mistake (a
// third-party suite that hard-codes an outside address, a typo in a port test).
//
// ensurePrivateNetwork() re-executes the calling script inside a new network namespace whose
// only interface is `lo` (`unshare -n`, or `unshare -rn` for a non-root user with user
// namespaces), unless the process is already in one. It returns a status for the caller to
// print: { mode: 'private' | 'none', why }. WASIP2_NETNS in the environment carries the
// decision into child processes: 'private' once confined, 'none' when no namespace could
// be made (the caller decides whether to go on; third-party suites must not).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

// Interfaces of this process's network namespace. /proc/self/net follows the namespace;
// /sys/class/net does not (it shows the namespace sysfs was mounted in).
export function interfaces() {
  try {
    return fs.readFileSync('/proc/self/net/dev', 'utf8').split('\n').slice(2)
      .map((l) => l.split(':')[0].trim()).filter(Boolean).sort();
  } catch { return null; }
}

export function onlyLoopback() {
  const ifs = interfaces();
  return ifs !== null && ifs.length === 1 && ifs[0] === 'lo';
}

export function ensurePrivateNetwork(script, argv) {
  if (process.env.WASIP2_NETNS === 'none') return { mode: 'none', why: process.env.WASIP2_NETNS_WHY || 'no private namespace' };
  if (onlyLoopback()) {
    // a fresh namespace's lo is down; bringing it up again is harmless
    const r = spawnSync('ip', ['link', 'set', 'lo', 'up'], { stdio: 'ignore' });
    if (r.error || r.status !== 0) return { mode: 'none', why: 'in a namespace with only lo, but cannot bring lo up (is `ip` from iproute2 installed?)' };
    process.env.WASIP2_NETNS = 'private';
    return { mode: 'private', why: `only ${interfaces().join(',')} visible` };
  }
  // Already re-executed and still not confined: never recurse.
  if (process.env.WASIP2_NETNS === 'reexec') return { mode: 'none', why: 'unshare gave a namespace with other interfaces' };
  // Re-run this script confined. `ip` brings lo up inside; without iproute2 nothing could
  // reach even 127.0.0.1, so that counts as failure to confine.
  const inner = 'ip link set lo up && exec "$@"';
  const why = [];
  for (const flags of [['-n'], ['-r', '-n']]) {
    const probe = spawnSync('unshare', [...flags, 'sh', '-c', 'ip link set lo up'], { stdio: 'pipe' });
    if (probe.error || probe.status !== 0) {
      why.push(`unshare ${flags.join(' ')}: ${probe.error ? probe.error.code : String(probe.stderr).trim().split('\n')[0]}`);
      continue;
    }
    const r = spawnSync('unshare', [...flags, 'sh', '-c', inner, 'sh', process.execPath, script, ...argv],
      { stdio: 'inherit', env: { ...process.env, WASIP2_NETNS: 'reexec' } });
    process.exit(r.status === null ? 128 + 9 : r.status);
  }
  process.env.WASIP2_NETNS = 'none';
  process.env.WASIP2_NETNS_WHY = why.join('; ');
  return { mode: 'none', why: process.env.WASIP2_NETNS_WHY };
}
