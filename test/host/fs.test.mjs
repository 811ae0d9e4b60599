// Host bugs 1, 5, 6, 7 (docs/host-notes.md): wasi:filesystem on preview2-shim vs wasip2-run.
import { bug, done, freshDir } from './lib.mjs';

await bug('bug 1 open-at with mutate-directory', 'mutate-dir', { dir: freshDir });
await bug('bug 5 read on a write-only descriptor', 'wronly-read', { dir: freshDir });
await bug('bug 6 set-times (2^32 s, no-change, now)', 'set-times', { dir: freshDir });
await bug('bug 7 preopen get-flags (access W_OK)', 'preopen-flags', { dir: freshDir });
done();
