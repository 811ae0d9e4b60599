// mk/deps.sh's decisions, without touching the machine: fake dpkg, apt-cache, apt-get (and
// the tools an outside-repository fallback would use: curl, gpg, tee) go first on PATH and
// record every call. Checked:
//   - nothing installed, clang-22 offered: apt-get update + install of every package, no
//     source added, no download tool run;
//   - everything installed: no apt command at all;
//   - clang-22 not offered: one clear line, exit non-zero, nothing installed;
//   - apt-cache's output is long and the match is on its first line (what made
//     `apt-cache | grep -q` die of SIGPIPE under pipefail): 40 runs, the same decision.
// DEPS_SH=path runs the checks on another copy of the script (how the fix was verified
// against the old one).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const DEPS = process.env.DEPS_SH || path.join(ROOT, 'mk/deps.sh');
const PACKAGES = ['clang-22', 'lld-22', 'llvm-22', 'libclang-rt-22-dev-wasm32', 'wasi-libc',
  'libc++-22-dev-wasm32', 'libc++abi-22-dev-wasm32'];

let failures = 0;
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures++; };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deps-test-'));
const bin = path.join(tmp, 'bin');
fs.mkdirSync(bin);
const log = path.join(tmp, 'calls.log');

function fake(name, body) {
  fs.writeFileSync(path.join(bin, name), `#!/bin/sh\necho "${name} $*" >> "$CALLS"\n${body}\n`, { mode: 0o755 });
}
// dpkg -s PKG succeeds when PKG is listed in $INSTALLED
fake('dpkg', 'case " $INSTALLED " in *" $2 "*) exit 0 ;; esac; exit 1');
// a long policy whose match is on the first lines: a reader that stops early makes the
// writer die of SIGPIPE
fake('apt-cache', `echo "clang-22:"; echo "  Installed: (none)"; echo "  Candidate: $CANDIDATE"
i=0; while [ $i -lt 4000 ]; do echo "     500 http://deb.example/debian bookworm-security/main amd64 Packages line $i"; i=$((i+1)); done`);
fake('apt-get', 'exit 0');
fake('sudo', 'exec "$@"');
for (const t of ['curl', 'gpg', 'wget']) fake(t, 'exit 1');
// the commands deps.sh looks for: present only in the "installed" scenario
const commandsDir = path.join(tmp, 'cmds');
fs.mkdirSync(commandsDir);
for (const c of ['clang-22', 'wasm-ld-22', 'llvm-ar-22', 'llvm-nm-22', 'ip', 'unshare', 'pkg-config']) {
  fs.writeFileSync(path.join(commandsDir, c), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
}
// node, npm, gcc and the shell utilities come from a directory of links to the real ones
const sysDir = path.join(tmp, 'sys');
fs.mkdirSync(sysDir);
for (const c of ['node', 'npm', 'gcc', 'sh', 'bash', 'id', 'cat', 'env', 'dirname', 'true']) {
  const r = spawnSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' });
  if (r.status === 0) fs.symlinkSync(r.stdout.trim(), path.join(sysDir, c));
}

function run(scenario) {
  fs.writeFileSync(log, '');
  const PATH = [bin, ...(scenario.commands ? [commandsDir] : []), sysDir].join(':');
  const r = spawnSync(path.join(sysDir, 'bash'), [DEPS, 'apt'], {
    encoding: 'utf8',
    env: { PATH, CALLS: log, INSTALLED: scenario.installed.join(' '), CANDIDATE: scenario.candidate },
  });
  const calls = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { status: r.status, out: r.stdout + r.stderr, calls };
}

const isApt = (c) => /^(apt-get|apt-cache|sudo) /.test(c);
const installCall = (calls) => calls.find((c) => /^apt-get install -y /.test(c));

// 1. nothing installed, clang-22 offered
{
  const r = run({ installed: [], candidate: '1:22.1.8-1~deb12u1', commands: false });
  const inst = installCall(r.calls);
  check(r.status === 0, `fresh machine: exit 0 (got ${r.status})`);
  check(r.calls.includes('apt-get update'), 'fresh machine: apt-get update');
  check(!!inst && PACKAGES.every((p) => inst.split(' ').includes(p)), `fresh machine: installs every package (${inst || 'no install'})`);
  check(!r.calls.some((c) => /^(curl|gpg|wget) /.test(c)), 'fresh machine: no download tool, no outside source');
  check(!/adding|repository/i.test(r.out), 'fresh machine: no source added');
}
// 2. everything installed
{
  const r = run({ installed: [...PACKAGES, 'iproute2', 'pkg-config'], candidate: '1:22.1.8-1~deb12u1', commands: true });
  check(r.status === 0, `all installed: exit 0 (got ${r.status})`);
  check(!r.calls.some(isApt), `all installed: no apt command (${r.calls.filter(isApt).join('; ') || 'none'})`);
}
// 3. clang-22 not offered by any source
{
  const r = run({ installed: [], candidate: '(none)', commands: false });
  const lines = r.out.split('\n').filter((l) => /clang-22/.test(l) && /not offered/.test(l));
  check(r.status !== 0, `not offered: exits non-zero (got ${r.status})`);
  check(lines.length === 1, 'not offered: one line saying clang-22 is not offered and what to do');
  check(!installCall(r.calls) && !r.calls.some((c) => /^(curl|gpg|wget) /.test(c)), 'not offered: nothing installed or fetched');
}
// 4. a reader that stops early never changes the decision
{
  let same = 0;
  const N = 40;
  for (let i = 0; i < N; i++) {
    const r = run({ installed: [], candidate: '1:22.1.8-1~deb12u1', commands: false });
    if (r.status === 0 && installCall(r.calls) && !r.calls.some((c) => /^(curl|gpg|wget) /.test(c))) same++;
  }
  check(same === N, `long apt-cache output: ${same}/${N} runs took the install decision`);
}

fs.rmSync(tmp, { recursive: true, force: true });
console.log(failures ? `${failures} check(s) failed` : 'all deps.sh checks passed');
process.exit(failures ? 1 : 0);
