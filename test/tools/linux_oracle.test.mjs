// Linux as the oracle: every test/**/*.c with a line `// oracle: linux` is also built with
// gcc and run natively; it must pass there (exit 0) and print exactly what the component
// prints under wasip2-run.  Such a test reads its one `//! dir:` directory from $TEST_DIR
// when set (the native run points it at a fresh temp dir), and prints no path, port or
// time, so the two outputs can be compared line by line.  The harness still runs each of
// them as an ordinary test too; this one adds the native build and the comparison.
//! timeout: 600
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT, skip, which } from './fixtures.mjs';

const GCC = process.env.GCC || 'gcc';
if (!which(GCC)) skip(`${GCC} not found`);
const CC = join(ROOT, 'build/bin/wasip2-cc');
const RUN = join(ROOT, 'build/bin/wasip2-run');

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.c')) out.push(p);
  }
  return out;
}
const files = walk(join(ROOT, 'test')).filter((f) => /^\/\/ oracle: linux\b/m.test(readFileSync(f, 'utf8')));
if (!files.length) skip('no test is marked `// oracle: linux`');

const work = mkdtempSync(join(tmpdir(), 'wasip2-oracle-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const sh = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 120000, maxBuffer: 16 << 20, ...opts });
let failures = 0;

for (const f of files) {
  const name = relative(ROOT, f);
  const text = readFileSync(f, 'utf8');
  const dirs = [...text.matchAll(/^\/\/!\s*dir:\s*(\S+)/gm)].map((m) => m[1]);
  const cflags = [...text.matchAll(/^\/\/!\s*cflags:\s*(.*)$/gm)].flatMap((m) => m[1].trim().split(/\s+/));
  const base = join(work, name.replace(/[/.]/g, '_'));
  const problems = [];

  let r = sh(GCC, ['-O2', '-Wall', '-Itest/include', f, '-o', `${base}.native`, ...cflags.filter((c) => c.startsWith('-l') || c.startsWith('-D'))]);
  if (r.status !== 0) problems.push(`gcc failed:\n${r.stderr}`);
  r = problems.length ? r : sh(CC, ['-O2', '-Itest/include', f, '-o', `${base}.wasm`, ...cflags]);
  if (!problems.length && r.status !== 0) problems.push(`wasm build failed:\n${r.stderr}`);

  let nat, wasm;
  if (!problems.length) {
    const nd = mkdtempSync(join(work, 'n-')), wd = mkdtempSync(join(work, 'w-'));
    nat = sh(`${base}.native`, [], { cwd: nd, env: { ...process.env, ...(dirs.length ? { TEST_DIR: nd } : {}) } });
    wasm = sh(RUN, ['--check-leaks', ...dirs.flatMap((g) => ['--dir', `${wd}::${g}`]), `${base}.wasm`]);
    if (nat.status !== 0) problems.push(`native run: exit ${nat.status}\n${nat.stdout}${nat.stderr}`);
    if (wasm.status !== 0) problems.push(`wasm run: exit ${wasm.status}\n${wasm.stdout}${wasm.stderr}`);
    if (nat.stdout !== wasm.stdout) {
      const a = nat.stdout.split('\n'), b = wasm.stdout.split('\n');
      const diff = [];
      for (let i = 0; i < Math.max(a.length, b.length); i++)
        if (a[i] !== b[i]) diff.push(`  line ${i + 1}: linux ${JSON.stringify(a[i])} / wasm ${JSON.stringify(b[i])}`);
      problems.push(`outputs differ:\n${diff.slice(0, 20).join('\n')}`);
    }
  }
  const lines = nat && nat.stdout ? nat.stdout.split('\n').filter(Boolean).length : 0;
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name}${problems.length ? '' : ` (${lines} lines, same on Linux and wasm)`}`);
  for (const p of problems) console.log(`     ${p.trim().replace(/\n/g, '\n     ')}`);
  failures += problems.length ? 1 : 0;
}
console.log(`${files.length - failures} of ${files.length} oracle tests agree with Linux`);
process.exit(failures ? 1 : 0);
