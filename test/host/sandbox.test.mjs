// The native host resolves every guest path beneath its preopen in the kernel (openat2
// RESOLVE_BENEATH): absolute paths, `..` above the preopen, and symlinks that lead out (also
// when named with a trailing slash, which makes Linux follow them) are refused with
// not-permitted, for every kind of call; inside the preopen the same calls work. Drives the host
// from JS as a guest would (tools/lib/host.mjs), on the native host.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildImports, nativeModulePath } from '../../tools/lib/host.mjs';

if (!nativeModulePath()) { console.log('skip: native host module not built'); process.exit(77); }
const top = mkdtempSync(join(tmpdir(), 'wasip2-sandbox-'));
process.on('exit', () => rmSync(top, { recursive: true, force: true }));
const box = join(top, 'box');
mkdirSync(join(box, 'sub'), { recursive: true });
writeFileSync(join(top, 'secret'), 'outside');
writeFileSync(join(box, 'inside'), 'inside');
symlinkSync(join(top, 'secret'), join(box, 'abs-link'));     // absolute target, outside
symlinkSync('../secret', join(box, 'up-link'));              // relative target, outside
symlinkSync(top, join(box, 'dir-link'));                     // a directory outside
symlinkSync('sub/../inside', join(box, 'in-link'));          // stays inside
const before = statSync(join(top, 'secret')).mtimeMs;

const imports = await buildImports({
  args: ['t'], env: {}, preopens: [['/box', box]], denyNetwork: true, host: 'native',
  onExit: (c) => process.exit(c),
});
const [[root]] = imports['wasi:filesystem/preopens'].getDirectories();
const code = (f) => { try { f(); return 'ok'; } catch (e) { return typeof e === 'string' ? e : `raw:${e?.message ?? e}`; } };
const follow = { symlinkFollow: true }, nofollow = { symlinkFollow: false };
const ts = { tag: 'timestamp', val: { seconds: 1000n, nanoseconds: 0 } };
const cases = [
  // [what, thunk, expected]
  ['open absolute path', () => root.openAt(nofollow, join(top, 'secret'), {}, { read: true }), 'not-permitted'],
  ['open ../', () => root.openAt(nofollow, '../secret', {}, { read: true }), 'not-permitted'],
  ['open sub/../../', () => root.openAt(nofollow, 'sub/../../secret', {}, { read: true }), 'not-permitted'],
  ['open via absolute link', () => root.openAt(follow, 'abs-link', {}, { read: true }), 'not-permitted'],
  ['open via relative link', () => root.openAt(follow, 'up-link', {}, { read: true }), 'not-permitted'],
  ['open through dir link', () => root.openAt(nofollow, 'dir-link/secret', {}, { read: true }), 'not-permitted'],
  ['create through dir link', () => root.openAt(nofollow, 'dir-link/new', { create: true }, { write: true }), 'not-permitted'],
  ['stat-at follow link out', () => root.statAt(follow, 'up-link'), 'not-permitted'],
  ['stat-at link/ (trailing slash)', () => root.statAt(nofollow, 'dir-link/'), 'not-permitted'],
  ['stat-at ..', () => root.statAt(nofollow, '..'), 'not-permitted'],
  ['set-times-at follow link out', () => root.setTimesAt(follow, 'abs-link', ts, ts), 'not-permitted'],
  ['mkdir through dir link', () => root.createDirectoryAt('dir-link/x'), 'not-permitted'],
  ['unlink ../secret', () => root.unlinkFileAt('../secret'), 'not-permitted'],
  ['rename out', () => root.renameAt('inside', root, '../moved'), 'not-permitted'],
  ['link out', () => root.linkAt(nofollow, 'inside', root, 'dir-link/hard'), 'not-permitted'],
  ['symlink absolute target', () => root.symlinkAt('/etc/passwd', 'new-link'), 'not-permitted'],
  ['readlink ../', () => root.readlinkAt('../box/in-link'), 'not-permitted'],
  // inside: all fine
  ['lstat of a link out (the link itself)', () => root.statAt(nofollow, 'abs-link'), 'ok'],
  ['open via link inside', () => root.openAt(follow, 'in-link', {}, { read: true })[Symbol.dispose ?? Symbol.for('dispose')](), 'ok'],
  ['open sub/../inside', () => root.openAt(nofollow, 'sub/../inside', {}, { read: true })[Symbol.dispose ?? Symbol.for('dispose')](), 'ok'],
  ['readlink of a link out', () => root.readlinkAt('abs-link'), 'ok'],
  ['mkdir d/ (trailing slash)', () => root.createDirectoryAt('d/'), 'ok'],
  ['open a link with nofollow', () => root.openAt(nofollow, 'in-link', {}, { read: true }), 'loop'],
  ['open missing', () => root.openAt(nofollow, 'missing', {}, { read: true }), 'no-entry'],
];
let fails = 0;
for (const [what, f, want] of cases) {
  const got = code(f);
  const ok = got === want;
  if (!ok) fails++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${got}${ok ? '' : ` (want ${want})`}`);
}
if (statSync(join(top, 'secret')).mtimeMs !== before) { console.log('FAIL the file outside was touched'); fails++; }
console.log(fails ? `${fails} failed` : 'sandbox holds');
process.exit(fails ? 1 : 0);
