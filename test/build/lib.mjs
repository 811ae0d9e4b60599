// Shared helpers for the build tests (test/build/*.test.mjs): read archives with llvm-nm.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SYSROOT = path.join(ROOT, 'build/sysroot');
export const LIBDIR = path.join(SYSROOT, 'lib/wasm32-wasip2');
export const TOP = path.join(ROOT, 'build/top');
export const NM = process.env.LLVM_NM || 'llvm-nm-22';
export const AR = process.env.LLVM_AR || 'llvm-ar-22';
export const CLANG = process.env.CLANG || 'clang-22';
export const PREVIEW1 = /^(__wasi_|__imported_wasi_snapshot_preview1_)/;

// Members of an archive (or one object), in order:
// [{ index, name, defined: Map(sym -> type), undefined: Set(sym) }]
export function members(file) {
  const text = execFileSync(NM, [file], { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  const isArchive = fs.readFileSync(file).subarray(0, 8).toString('latin1') === '!<arch>\n';
  const out = [];
  let cur = isArchive ? null : { index: 0, name: path.basename(file), defined: new Map(), undefined: new Set() };
  if (cur) out.push(cur);
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (isArchive && /^[^\s].*:$/.test(line) && !/^[0-9a-f]+ /.test(line)) {
      cur = { index: out.length, name: line.slice(0, -1), defined: new Map(), undefined: new Set() };
      out.push(cur);
      continue;
    }
    const f = line.trim().split(/\s+/);
    if (!cur) continue;
    if (f.length === 2 && f[0] === 'U') cur.undefined.add(f[1]);
    else if (f.length === 3 && /^[A-Z]$/.test(f[1])) cur.defined.set(f[2], f[1]);
  }
  return out;
}

export function archiveNames(file) {
  return execFileSync(AR, ['t', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

export function linkerSymbols() {
  return new Set(fs.readFileSync(path.join(ROOT, 'tools/linker-symbols.txt'), 'utf8')
    .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
}

export function builtinsArchive() {
  return execFileSync(CLANG, ['--target=wasm32-wasip2', '-print-libgcc-file-name'], { encoding: 'utf8' }).trim();
}

// exit 77 with a reason: the harness reports SKIP
export function skip(reason) {
  console.log(reason);
  process.exit(77);
}
