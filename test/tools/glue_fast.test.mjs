// tools/lib/glue-fast.mjs against the pinned jco-transpile's real output: every rewrite step
// applies to the glue of a file-heavy component (test/host/raw_fs.c) and of a TCP one
// (test/net/tcp_self.c), with every host trampoline rewritten and handed over directly and the
// six core-ABI lowerings in; and each step, when the glue it expects is changed under it, is
// reported by name (rewriteProblems, which the runner prints at every run), the two required
// ones giving back jco's glue untouched. Last, the runner: no message for a good glue, the
// message for a cached glue whose rewrite did not apply.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { ROOT, RUNNER, tempDir } from './fixtures.mjs';

const { fastGlue, rewriteProblems } = await import(pathToFileURL(join(ROOT, 'tools/lib/glue-fast.mjs')).href);
const { rewriteGlue } = await import(pathToFileURL(join(ROOT, 'tools/lib/run/transpile.mjs')).href);
const { pkgFile } = await import(pathToFileURL(join(ROOT, 'tools/lib/paths.mjs')).href);
const { transpileBytes } = await import(pathToFileURL(pkgFile('@bytecodealliance/jco-transpile', 'dist/transpile.js')).href);

const dir = tempDir('gluefast');
let failures = 0;
const check = (ok, what, detail = '') => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `\n  ${detail}`}`); if (!ok) failures++; };

async function jcoGlue(src, name) {
  const wasm = join(dir, `${name}.wasm`);
  const r = spawnSync(join(ROOT, 'build/bin/wasip2-cc'), ['-O1', `-I${join(ROOT, 'test/include')}`, join(ROOT, src), '-o', wasm], { encoding: 'utf8' });
  if (r.status !== 0) { console.log(`FAIL build ${src}\n${r.stderr}`); process.exit(1); }
  const t = await transpileBytes(readFileSync(wasm), { name: 'component', instantiation: 'async', emitTypescriptDeclarations: false });
  return { wasm, glue: Buffer.from(t.files['component.js']).toString('utf8') };
}

const ALL = ['debug-log', 'lower-import', 'data-view', 'utf8-decode', 'created-reps'];
const fs = await jcoGlue('test/host/raw_fs.c', 'raw_fs');
const tcp = await jcoGlue('test/net/tcp_self.c', 'tcp_self');

// ---- the real glue: everything applies
// (tcp_self passes no string to the host: nothing to decode)
for (const [name, g, steps] of [['raw_fs', fs.glue, ALL], ['tcp_self', tcp.glue, ALL.filter((s) => s !== 'utf8-decode')]]) {
  const r = fastGlue(g);
  check(JSON.stringify(r.applied) === JSON.stringify(steps) && !r.missed.length, `${name}: every step applies (${r.applied.join(', ')})`, `missed: ${r.missed}`);
  check(r.seen > 15 && r.parsed === r.seen && r.eligible === r.seen && r.trampolines === r.eligible,
    `${name}: all ${r.seen} trampolines are host imports, all rewritten (${r.trampolines})`, JSON.stringify({ ...r, glue: undefined }));
  check(r.direct === r.trampolines, `${name}: all ${r.direct} handed to the core instance directly`);
  check(rewriteProblems(r).length === 0, `${name}: no problem reported`, rewriteProblems(r).join('; '));
  check(!/TEXT_DECODER_UTF8\.decode\(new Uint8Array\(memory/.test(r.glue) && !r.glue.includes('table._createdReps.add(rep)')
    && !r.glue.includes('if (!globalThis?.process?.env?.JCO_DEBUG) { return; }'), `${name}: none of the old forms remains`);
  const w = await rewriteGlue(g);
  check(w.problems.length === 0 && w.script, `${name}: runner form (handle tables, classic script) complete`, w.problems.join('; '));
  let compiled = true;
  try { new vm.Script(w.script); } catch (e) { compiled = e.message; }
  check(compiled === true, `${name}: the rewritten glue compiles`, compiled);
}
// the same glue nested one level deeper (jco puts the trampolines inside its init generator
// for some components, e.g. test/exit/exit_codes.test.mjs's hand-made ones): all still applies
{
  const nested = fs.glue.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
  const r = fastGlue(nested);
  check(r.applied.length === ALL.length && r.trampolines === r.seen && r.direct === r.seen && r.lowered === 6 && !rewriteProblems(r).length,
    'raw_fs nested deeper: every step still applies', rewriteProblems(r).join('; '));
}
const rfs = fastGlue(fs.glue);
check(rfs.lowered === 6 && rfs.rawMissed.length === 0, `raw_fs: the six core-ABI lowerings are in (${rfs.lowered})`);
check(fastGlue(tcp.glue).lowered === 0, 'tcp_self: no descriptor call, no lowering');

// ---- each step broken under it: reported by name
const trampolineOf = (g, method) => {
  const end = g.indexOf(`.fnName = 'wasi:filesystem/types@0.2.0#${method}';`);
  return [g.lastIndexOf('const _trampoline', end), end];
};
const inTrampoline = (method, from, to) => (g) => {
  const [a, b] = trampolineOf(g, method);
  return g.slice(0, a) + g.slice(a, b).replace(from, to) + g.slice(b);
};
const BREAK = {
  'debug-log': (g) => g.replace('if (!globalThis?.process?.env?.JCO_DEBUG) { return; }', 'if (!globalThis.process.env.JCO_DEBUG) return;'),
  'lower-import': (g) => g.replace('const params = [...arguments].slice(1);', 'const params = Array.from(arguments).slice(1);'),
  'data-view': (g) => g.replace('dv.buffer === mem.buffer ? dv', 'mem.buffer === dv.buffer ? dv'),
  'utf8-decode': (g) => g.replace('const TEXT_DECODER_UTF8 = new TextDecoder();', "const TEXT_DECODER_UTF8 = new TextDecoder('utf-8');"),
  'created-reps': (g) => g.replace('    table._createdReps.add(rep);\n', '    table._createdReps.add(rep);\n    void table._createdReps;\n'),
};
for (const [step, brk] of Object.entries(BREAK)) {
  const g = brk(fs.glue);
  check(g !== fs.glue, `${step}: the mutation changes the glue`);
  const r = fastGlue(g);
  const msgs = rewriteProblems(r);
  check(r.missed.includes(step) && msgs.some((m) => m.includes(`'${step}'`)), `${step}: a miss is reported by name`, msgs.join('; '));
  if (step === 'debug-log' || step === 'lower-import') {
    check(r.fellBack && r.glue === g && msgs.some((m) => /as jco-transpile made it/.test(m)), `${step}: required, jco's glue is kept whole`);
  } else {
    check(!r.fellBack && r.applied.length === ALL.length - 1 && r.trampolines === r.eligible, `${step}: optional, the other steps still apply`);
  }
}
{
  const r = fastGlue(inTrampoline('write', 'let subtask;', 'let subtask = null;')(fs.glue));
  check(r.trampolines === r.eligible - 1 && rewriteProblems(r).some((m) => /1 of \d+ host imports keep/.test(m)), 'trampolines: one not rewritten is counted and reported');
}
{
  const r = fastGlue(fs.glue.replace('\n  Promise.all([module0', '\n  Promise.all([ module0'));
  check(r.direct === 0 && rewriteProblems(r).some((m) => m.startsWith("rewrite 'direct'")), 'direct: a changed layout is reported');
}
for (const m of ['statAt', 'openAt', 'read']) {
  const r = fastGlue(inTrampoline(m, /var handle(\d+) = arg0;/, 'let handle$1 = arg0;')(fs.glue));
  check(r.lowered === 5 && r.rawMissed.includes(m) && rewriteProblems(r).some((x) => x.includes(`descriptor.${m} does not match`)),
    `core-ABI lowering of ${m}: a miss is reported`, JSON.stringify(r.rawMissed));
}
{
  const w = await rewriteGlue(fs.glue.replace(/const HANDLE_TABLES\s*=\s*\[\];/, 'const HANDLE_TABLES = new Array();'));
  check(w.problems.some((p) => /handle tables not found/.test(p)), 'handle tables: a miss is reported');
}

// ---- the runner says it
const cache = join(dir, 'cache');
let runs = 0;
const run = () => {
  const data = join(dir, `data${runs++}`); // raw_fs.c wants a fresh folder
  mkdirSync(data);
  return spawnSync(process.execPath, [RUNNER, '--dir', `${data}::/data`, fs.wasm], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache, WASIP2_RUN_HOST: '' } });
};
let r = run();
check(r.status === 0 && !/glue of/.test(r.stderr), 'runner: a good glue, nothing said', r.stdout.slice(-300) + r.stderr);
const root = join(cache, 'wasip2-run');
const [entry] = readdirSync(root).filter((d) => !d.startsWith('.'));
const metaFile = join(root, entry, 'meta.json');
const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
check(Array.isArray(meta.glueProblems) && meta.glueProblems.length === 0, 'runner: meta.json records no problem');
writeFileSync(metaFile, JSON.stringify({ ...meta, glueProblems: rewriteProblems(fastGlue(BREAK['data-view'](fs.glue))) }));
r = run();
check(r.status === 0 && /wasip2-run: glue of .*raw_fs\.wasm: rewrite 'data-view' does not match/.test(r.stderr), 'runner: a rewrite that did not apply is said at every run', r.stderr);
process.exit(failures ? 1 : 0);
