// Components that import WASI 0.2.x names other than 0.2.0 (what upstream wasi-sdk and Rust's
// wasm32-wasip2 emit) run on wasip2-run, with `exit-with-code`'s real status. The component is
// made by hand: a freestanding core module (clang-22, no libc) importing stdout, streams, the
// monotonic clock, the time zone and exit under one version, embedded with jco's shipped 0.2.12
// WIT (its @unstable gates opened, versions rewritten) and made a component. Runs with both hosts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { RUNNER, skip, tempDir, which } from '../tools/fixtures.mjs';

if (!which(process.env.CLANG || 'clang-22')) skip('clang-22 not found');
const { handMadeComponent } = await import('./component.mjs');

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

let failures = 0;
const tmp = tempDir('versions');
for (const v of ['0.2.12', '0.2.3']) {
  let app;
  try {
    app = await handMadeComponent(join(tmp, `v${v.replaceAll('.', '_')}`), {
      csrc: src(v), version: v, skip: ['wasi-http'],
      imports: ['wasi:cli/stdout', 'wasi:clocks/monotonic-clock', 'wasi:clocks/timezone', 'wasi:cli/exit'],
    });
  } catch (e) { console.log(`FAIL ${v}: ${e.message}`); failures++; continue; }
  for (const host of ['native', 'shim']) {
    const r = spawnSync(process.execPath, [RUNNER, `--host=${host}`, '--check-leaks', app], { encoding: 'utf8', timeout: 60000 });
    const ok = r.status === 42 && r.stdout === `hello from ${v}\n`;
    console.log(`${ok ? 'ok  ' : 'FAIL'} @${v} --host=${host}: exit ${r.status}, stdout ${JSON.stringify(r.stdout)}${r.stderr ? `, stderr ${JSON.stringify(r.stderr.trim())}` : ''}`);
    if (!ok) failures++;
  }
}
process.exit(failures ? 1 : 0);
