// wasip2-run's transpile step, on a cache miss: jco-transpile's glue for the component,
// rewritten (../glue-fast.mjs), in module and classic-script form, and its core modules (the
// originals of setjmp/longjmp ones, ../sjlj.mjs), written to the cache folder at once.
const { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');
const { pathToFileURL } = process.getBuiltinModule('node:url');

// Map handle-table index -> resource name, from the glue text: every own handle is created by
// `rscTableCreateOwn(handleTableN, ...)` shortly after an `instanceof ClassName` check.
function tableNames(glue) {
  const names = {};
  const re = /rscTableCreateOwn\(handleTable(\d+)/g;
  let m;
  while ((m = re.exec(glue))) {
    if (names[m[1]]) continue;
    const before = glue.slice(Math.max(0, m.index - 2000), m.index);
    const all = [...before.matchAll(/instanceof ([A-Za-z_$][\w$]*)/g)];
    if (!all.length) continue;
    const cls = all[all.length - 1][1].replace(/\$\d+$/, '');
    names[m[1]] = cls.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  }
  return names;
}

export async function transpileInto(bytes, dir, paths) {
  const { transpileBytes } = await import(pathToFileURL(paths.pkgFile('@bytecodealliance/jco-transpile', 'dist/transpile.js')).href);
  // setjmp/longjmp (wasm EH) modules: jco cannot read them, Node can run them. Transpile a copy
  // whose EH modules are stand-ins, then store the original module under the stand-in's name.
  const { stubComponent } = await import('../sjlj.mjs');
  const stubbed = stubComponent(bytes);
  const r = await transpileBytes(stubbed ? stubbed.bytes : bytes, {
    name: 'component',
    instantiation: 'async',
    emitTypescriptDeclarations: false,
  });
  const tmp = mkdtempSync(join(dir, '..', `.tmp-${process.pid}-`));
  let glue = null;
  for (const [name, data] of Object.entries(r.files)) {
    if (name.includes('/') || name.includes('..')) continue;
    if (name === 'component.js') {
      glue = Buffer.from(data).toString('utf8');
      continue;
    }
    let out = data;
    const hit = stubbed?.originals.find((o) => o.stub.equals(Buffer.from(data)));
    // standard exception handling -> legacy when this engine lacks exnref (../eh-legacy.mjs)
    if (hit) { out = (await import('../eh-legacy.mjs')).forEngine(hit.original); hit.used = true; }
    writeFileSync(join(tmp, name), out);
  }
  if (stubbed && !stubbed.originals.every((o) => o.used)) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error('setjmp/longjmp support: could not find the transpiled copy of a core module');
  }
  if (glue === null) throw new Error('jco-transpile produced no component.js');
  const { glue: patched, script, problems } = await rewriteGlue(glue);
  writeFileSync(join(tmp, 'component.js'), patched);
  if (script) writeFileSync(join(tmp, 'component.script.js'), script);
  writeFileSync(join(tmp, 'meta.json'), JSON.stringify({
    imports: r.imports, exports: r.exports, tableNames: tableNames(glue),
    tablesExposed: !problems.some((p) => p.startsWith('handle tables')), glueProblems: problems,
  }));
  try {
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(dir, 'meta.json'))) throw e; // lost a race: fine if the other one finished
  }
}

// jco's glue as the runner runs it: the per-call async machinery bypassed for sync host
// imports (../glue-fast.mjs), the handle tables exposed (--check-leaks), and its classic-script
// form. problems: what did not apply, one message each (the runner says them at every run).
export async function rewriteGlue(jcoGlue) {
  const { fastGlue, rewriteProblems } = await import('../glue-fast.mjs');
  const fast = fastGlue(jcoGlue);
  const problems = rewriteProblems(fast);
  const glue = fast.glue.replace(/const HANDLE_TABLES\s*=\s*\[\];/,
    (s) => `${s} globalThis[Symbol.for('wasip2-run.handle-tables')] = HANDLE_TABLES;`);
  // (a glue without handle tables has no resources, nothing that could leak)
  if (glue === fast.glue && /\bHANDLE_TABLES\b/.test(fast.glue)) problems.push('handle tables not found: --check-leaks cannot see live handles');
  const script = glueScript(glue);
  if (!script) problems.push('no classic-script form: the glue loads as an ES module, without a code cache');
  return { glue, script, problems };
}

// The glue as a classic script (a function expression returning its exports), so that V8's
// code cache can be kept next to it (vm.Script cachedData; Node 20 has no compile cache for
// ES modules). Its only module-only parts are its two exports and the fetch fallback for core
// modules (import.meta.url, import('node:fs/promises')), which the runner never uses: it
// always passes getCoreModule. null when the glue does not look as expected.
function glueScript(glue) {
  let t = glue;
  const swaps = [
    [/^export function instantiate\(/m, 'function instantiate('],
    [/^export const _util = /m, 'const _util = '],
  ];
  for (const [re, to] of swaps) { if (!re.test(t)) return null; t = t.replace(re, to); }
  t = t.replaceAll('import.meta.url', "'file:///wasip2-run-unused/'")
    .replaceAll("import('node:fs/promises')", "Promise.reject(new Error('wasip2-run: fetching core modules is not supported'))");
  if (/^\s*(import|export)\s/m.test(t) || /\bimport\s*\(|import\.meta/.test(t)) return null;
  return `(function () {\n${t}\nreturn { instantiate, _util };\n})()`;
}
