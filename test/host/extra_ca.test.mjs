// NODE_EXTRA_CA_CERTS costs every Node start the parse of its file (tens of ms on machines that
// set it for every process), and only wasi:http components make TLS connections from the
// runner. The launcher (build/bin/wasip2-run, from mk/wrapper.sh) moves the variable aside;
// tools/wasip2-run restarts Node with it for a component importing wasi:http, and gives it back
// under its own name to everyone else. Observed through Node's own warning for a certificate
// file that does not exist: it appears exactly when a Node process loaded the variable.
// Two hand-made components (test/host/component.mjs): one prints and exits, the other also
// imports wasi:http/types (a fields resource made and dropped).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, skip, tempDir, which } from '../tools/fixtures.mjs';

if (!which(process.env.CLANG || 'clang-22')) skip('clang-22 not found');
const { handMadeComponent } = await import('./component.mjs');
const LAUNCHER = join(ROOT, 'build', 'bin', 'wasip2-run');

const V = '0.2.12';
const src = (http) => `
typedef unsigned long size_t;
#define IMP(m, n) __attribute__((import_module(m "@${V}"), import_name(n)))
IMP("wasi:cli/stdout", "get-stdout") int get_stdout(void);
IMP("wasi:io/streams", "[method]output-stream.blocking-write-and-flush") void bwf(int, const char *, size_t, void *);
IMP("wasi:io/streams", "[resource-drop]output-stream") void drop_out(int);
IMP("wasi:cli/exit", "exit-with-code") void exit_with_code(int);
${http ? `IMP("wasi:http/types", "[constructor]fields") int fields_new(void);
IMP("wasi:http/types", "[resource-drop]fields") void fields_drop(int);` : ''}
static char heap[4096];
static size_t top;
__attribute__((export_name("cabi_realloc"))) void *cabi_realloc(void *p, size_t o, size_t a, size_t n) {
  top = (top + a - 1) & ~(a - 1); void *r = heap + top; top += n; return r;
}
__attribute__((export_name("wasi:cli/run@${V}#run"))) int run(void) {
  static char msg[] = "ran\\n";
  static unsigned char ret[16];
  ${http ? 'fields_drop(fields_new());' : ''}
  int out = get_stdout();
  bwf(out, msg, sizeof msg - 1, ret);
  drop_out(out);
  exit_with_code(7);
  return 1;
}`;

let failures = 0;
const check = (ok, what, detail) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `: ${detail}`}`); if (!ok) failures++; };
const tmp = tempDir('extraca');
const missing = join(tmp, 'no-such-bundle.pem');
const WARN = 'Ignoring extra certs';

// Node itself warns for this file: the observation works on this Node.
const plain = spawnSync(process.execPath, ['-e', '0'], { encoding: 'utf8', env: { ...process.env, NODE_EXTRA_CA_CERTS: missing } });
check(plain.stderr.includes(WARN), 'a plain Node start parses NODE_EXTRA_CA_CERTS (warns for a missing file)', JSON.stringify(plain.stderr));

for (const http of [false, true]) {
  let app;
  try {
    app = await handMadeComponent(join(tmp, http ? 'http' : 'plain'), {
      csrc: src(http), version: V,
      imports: ['wasi:cli/stdout', 'wasi:cli/exit', ...(http ? ['wasi:http/types'] : [])],
    });
  } catch (e) { check(false, 'component builds', e.message); continue; }
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: missing };
  delete env.WASIP2_RUN_EXTRA_CA_CERTS;
  const r = spawnSync(LAUNCHER, [app], { encoding: 'utf8', env, timeout: 60000 });
  const what = http ? 'a wasi:http component' : 'a component without wasi:http';
  check(r.status === 7 && r.stdout === 'ran\n', `${what} runs through the launcher (exit 7, its output)`,
    `exit ${r.status}, stdout ${JSON.stringify(r.stdout)}, stderr ${JSON.stringify(r.stderr)}`);
  const warned = (r.stderr.match(new RegExp(WARN, 'g')) || []).length;
  if (http) check(warned === 1, `${what}: run by one Node that loaded NODE_EXTRA_CA_CERTS`, `${warned} warnings: ${JSON.stringify(r.stderr)}`);
  else check(warned === 0, `${what}: no Node parsed NODE_EXTRA_CA_CERTS`, JSON.stringify(r.stderr));
}
process.exit(failures ? 1 : 0);
