// The sysroot is complete and free of preview1: libtop.a keeps no preview1 member,
// dropped + kept = Debian's member count, no member of libc.a nor crt1.o references
// preview1, the empty archives are valid, headers and WIT are in place.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SYSROOT, LIBDIR, TOP, members, archiveNames, PREVIEW1 } from './lib.mjs';

const problems = [];
const need = (f) => { if (!fs.existsSync(f)) { problems.push(`missing ${path.relative(ROOT, f)}`); return false; } return true; };

const debian = process.env.WASI_LIBC_DIR || '/usr/lib/wasm32-wasi';
if (need(path.join(TOP, 'libtop.a')) && need(path.join(TOP, 'dropped.txt'))) {
  const kept = archiveNames(path.join(TOP, 'libtop.a')).length;
  const dropped = fs.readFileSync(path.join(TOP, 'dropped.txt'), 'utf8').split('\n').filter(Boolean).length;
  const total = archiveNames(path.join(debian, 'libc.a')).length;
  if (kept + dropped !== total) problems.push(`kept ${kept} + dropped ${dropped} != ${total} members in Debian's libc.a`);
  if (dropped === 0) problems.push('no member dropped: the preview1 filter found nothing');
  console.log(`top half: ${kept} kept, ${dropped} dropped of ${total}`);
}
for (const f of ['libc.a', 'crt1.o']) {
  const p = path.join(LIBDIR, f);
  if (!need(p)) continue;
  for (const m of members(p)) {
    const bad = [...m.undefined].filter((s) => PREVIEW1.test(s));
    if (bad.length) problems.push(`${f}(${m.name}) references preview1: ${bad.slice(0, 5).join(' ')}`);
  }
}
for (const l of ['m', 'pthread', 'rt', 'dl', 'util', 'xnet', 'resolv', 'crypt', 'setjmp', 'wasi-emulated-signal',
  'wasi-emulated-getpid', 'wasi-emulated-process-clocks', 'wasi-emulated-mman']) {
  const p = path.join(LIBDIR, `lib${l}.a`);
  if (need(p) && fs.readFileSync(p).subarray(0, 8).toString('latin1') !== '!<arch>\n') problems.push(`lib${l}.a is not an archive`);
}
need(path.join(SYSROOT, 'include/wasm32-wasip2/stdio.h'));
need(path.join(SYSROOT, 'include/wasm32-wasip2/wasi/api.h'));
const wit = path.join(SYSROOT, 'share/wasip2/wit');
if (need(wit) && !fs.readdirSync(wit, { recursive: true }).some((f) => String(f).endsWith('.wit'))) problems.push('share/wasip2/wit holds no .wit file');
for (const t of ['wasm-component-ld', 'wasip2-run', 'wasip2-cc']) need(path.join(ROOT, 'build/bin', t));
// our public headers really are layered over Debian's
if (fs.existsSync(path.join(ROOT, 'include'))) {
  for (const f of fs.readdirSync(path.join(ROOT, 'include'), { recursive: true })) {
    const src = path.join(ROOT, 'include', String(f));
    if (!fs.statSync(src).isFile()) continue;
    const dst = path.join(SYSROOT, 'include/wasm32-wasip2', String(f));
    if (!fs.existsSync(dst) || !fs.readFileSync(src).equals(fs.readFileSync(dst))) problems.push(`sysroot header ${f} differs from include/${f}`);
  }
}
if (problems.length) { for (const p of problems) console.log('  ' + p); process.exit(1); }
console.log('sysroot layout ok');
