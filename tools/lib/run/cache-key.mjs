// Where wasip2-run keeps transpiled glue: ${XDG_CACHE_HOME:-~/.cache}/wasip2-run/<content key>/.
const { homedir } = process.getBuiltinModule('node:os');
const { join } = process.getBuiltinModule('node:path');

// The cache key: a 128-bit hash of the runner version and the component's bytes. Four
// multiply-rotate lanes over 32-bit words (murmur3's mixing), not a cryptographic hash: the
// cache belongs to the user, and loading node:crypto costs more start-up than the whole hash.
export function contentKey(prefix, bytes) {
  const text = Buffer.from(prefix + '\0');
  const all = Buffer.concat([text, bytes, Buffer.alloc((4 - ((text.length + bytes.length) % 4)) % 4)]);
  const w = new Uint32Array(all.buffer, all.byteOffset, all.length / 4);
  const h = [0x9747b28c, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f];
  for (let i = 0; i < w.length; i++) {
    const l = i & 3;
    let k = Math.imul(w[i], 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    let x = h[l] ^ k;
    x = (x << 13) | (x >>> 19);
    h[l] = (Math.imul(x, 5) + 0xe6546b64 + l) | 0;
  }
  const out = h.map((x, l) => {
    x ^= all.length + l;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return ((x ^ (x >>> 16)) >>> 0).toString(16).padStart(8, '0');
  });
  return out.join('');
}

export function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'wasip2-run');
}
