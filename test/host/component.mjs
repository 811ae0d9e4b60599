// Hand-made components for test/host/*.test.mjs (not a test itself): a freestanding core module
// (clang-22 --target=wasm32, no libc) whose C source imports WASI functions by name, embedded
// with jco's shipped 0.2.12 WIT (its @unstable gates opened, its version rewritten to the one
// asked for) in a world of the given imports that exports wasi:cli/run, then made a component.
// For what our own toolchain cannot make: other 0.2.x versions, interfaces our libc never uses.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../tools/fixtures.mjs';

export const CLANG = process.env.CLANG || 'clang-22';

// the wasm-tools component reads the WIT folder through preview2-shim's filesystem (grants nothing)
(await import('@bytecodealliance/preview2-shim/filesystem'))._setPreopens({ '/': '/' });
const { componentEmbed, componentNew } = await import('@bytecodealliance/jco-transpile/wasm-tools');

// dir/app.wasm from C source `csrc`; `imports`: interface names without version
// ('wasi:cli/stdout'...); `skip`: WIT packages left out (e.g. 'wasi-http' when its WIT
// does not survive the version rewrite). Throws with clang's message if the source fails.
export async function handMadeComponent(dir, { csrc, version = '0.2.12', imports, skip = [] }) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'core.c'), csrc);
  const core = join(dir, 'core.wasm');
  const cc = spawnSync(CLANG, ['--target=wasm32', '-O2', '-nostdlib', '-Wl,--no-entry', '-o', core, join(dir, 'core.c')], { encoding: 'utf8' });
  if (cc.status !== 0) throw new Error(`core module: ${cc.stderr}`);
  const from = join(ROOT, 'node_modules', '@bytecodealliance', 'jco', 'lib', 'wit', 'builtin', '0.2.12');
  const wit = join(dir, 'wit');
  for (const pkg of readdirSync(from)) {
    if (skip.includes(pkg)) continue;
    const text = readFileSync(join(from, pkg, 'package.wit'), 'utf8')
      .replaceAll('@0.2.12', `@${version}`).replace(/^\s*@unstable\([^)]*\)\s*$/gm, '');
    mkdirSync(join(wit, 'deps', pkg), { recursive: true });
    writeFileSync(join(wit, 'deps', pkg, 'package.wit'), text);
  }
  writeFileSync(join(wit, 'world.wit'), `package test:handmade;
world cmd {
${imports.map((i) => `  import ${i}@${version};`).join('\n')}
  export wasi:cli/run@${version};
}
`);
  const embedded = await componentEmbed({ binary: readFileSync(core), witPath: wit, world: 'test:handmade/cmd' });
  const app = join(dir, 'app.wasm');
  writeFileSync(app, await componentNew(embedded));
  return app;
}
