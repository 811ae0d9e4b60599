// Components that import WASI 0.2.x names other than 0.2.0 (what upstream wasi-sdk and Rust's
// wasm32-wasip2 emit) run on wasip2-run, with `exit-with-code`'s real status. The component is
// made by hand: a freestanding core module (clang-22, no libc) importing stdout, streams, the
// monotonic clock, the time zone and exit under one version, embedded with jco's shipped 0.2.12
// WIT (its @unstable gates opened, versions rewritten) and made a component. Runs with both hosts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, RUNNER, skip, tempDir, which } from '../tools/fixtures.mjs';

const CLANG = process.env.CLANG || 'clang-22';
if (!which(CLANG)) skip(`${CLANG} not found`);
// the wasm-tools component reads the WIT folder through preview2-shim's filesystem (grants nothing)
(await import('@bytecodealliance/preview2-shim/filesystem'))._setPreopens({ '/': '/' });
const { componentEmbed, componentNew } = await import('@bytecodealliance/jco-transpile/wasm-tools');

const src = (v) => `
typedef unsigned long size_t;
#define IMP(m, n) __attribute__((import_module(m "@${v}"), import_name(n)))
IMP("wasi:cli/stdout", "get-stdout") int get_stdout(void);
IMP("wasi:io/streams", "[method]output-stream.blocking-write-and-flush") void bwf(int, const char *, size_t, void *);
IMP("wasi:io/streams", "[resource-drop]output-stream") void drop_out(int);
IMP("wasi:clocks/monotonic-clock", "now") unsigned long long mono_now(void);
IMP("wasi:clocks/timezone", "utc-offset") int utc_offset(unsigned long long, unsigned);
IMP("wasi:cli/exit", "exit-with-code") void exit_with_code(int);
static char heap[65536];
static size_t top;
__attribute__((export_name("cabi_realloc"))) void *cabi_realloc(void *p, size_t o, size_t a, size_t n) {
  top = (top + a - 1) & ~(a - 1); void *r = heap + top; top += n; return r;
}
__attribute__((export_name("wasi:cli/run@${v}#run"))) int run(void) {
  static char msg[] = "hello from ${v}\\n";
  static unsigned char ret[16];
  unsigned long long t = mono_now();
  int out = get_stdout();
  bwf(out, msg, sizeof msg - 1, ret);
  drop_out(out);
  /* the status says the clock ran forwards and the zone offset is a sane number of seconds */
  int off = utc_offset(1700000000ull, 0);
  exit_with_code(mono_now() >= t && off > -86400 && off < 86400 ? 42 : 9);
  return 1;
}`;

function witFor(dir, v) {
  const from = join(ROOT, 'node_modules', '@bytecodealliance', 'jco', 'lib', 'wit', 'builtin', '0.2.12');
  const wit = join(dir, 'wit');
  for (const pkg of readdirSync(from)) {
    if (pkg === 'wasi-http') continue;
    const text = readFileSync(join(from, pkg, 'package.wit'), 'utf8')
      .replaceAll('@0.2.12', `@${v}`).replace(/^\s*@unstable\([^)]*\)\s*$/gm, '');
    mkdirSync(join(wit, 'deps', pkg), { recursive: true });
    writeFileSync(join(wit, 'deps', pkg, 'package.wit'), text);
  }
  writeFileSync(join(wit, 'world.wit'), `package test:versions;
world cmd {
  import wasi:cli/stdout@${v};
  import wasi:clocks/monotonic-clock@${v};
  import wasi:clocks/timezone@${v};
  import wasi:cli/exit@${v};
  export wasi:cli/run@${v};
}
`);
  return wit;
}

let failures = 0;
const tmp = tempDir('versions');
for (const v of ['0.2.12', '0.2.3']) {
  const d = join(tmp, `v${v.replaceAll('.', '_')}`);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'core.c'), src(v));
  const cc = spawnSync(CLANG, ['--target=wasm32', '-O2', '-nostdlib', '-Wl,--no-entry', '-o', join(d, 'core.wasm'), join(d, 'core.c')], { encoding: 'utf8' });
  if (cc.status !== 0) { console.log(`FAIL ${v}: core module: ${cc.stderr}`); failures++; continue; }
  const embedded = await componentEmbed({ binary: readFileSync(join(d, 'core.wasm')), witPath: witFor(d, v), world: 'test:versions/cmd' });
  writeFileSync(join(d, 'app.wasm'), await componentNew(embedded));
  for (const host of ['native', 'shim']) {
    const r = spawnSync(process.execPath, [RUNNER, `--host=${host}`, '--check-leaks', join(d, 'app.wasm')], { encoding: 'utf8', timeout: 60000 });
    const ok = r.status === 42 && r.stdout === `hello from ${v}\n`;
    console.log(`${ok ? 'ok  ' : 'FAIL'} @${v} --host=${host}: exit ${r.status}, stdout ${JSON.stringify(r.stdout)}${r.stderr ? `, stderr ${JSON.stringify(r.stderr.trim())}` : ''}`);
    if (!ok) failures++;
  }
}
process.exit(failures ? 1 : 0);
