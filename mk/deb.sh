#!/usr/bin/env bash
# The SDK as a Debian package (`make deb`):  mk/deb.sh OUT.deb
# Installs the relocatable SDK folder (mk/dist.sh stage) as /usr/lib/wasip2-libc, with
#   /usr/bin/{wasip2-run,wasm-component-ld,wasip2-cc,wasip2-c++,wasm32-wasip2-pkg-config} -> it,
#   /usr/lib/llvm-22/bin/wasm32-unknown-wasip2.cfg   (mk/clang-cfg.sh: the sysroot and the
#       code-generation options, so `clang-22 --target=wasm32-wasip2 app.c` needs no flags),
#   /usr/share/meson/cross/wasm32-wasip2             (`meson setup --cross-file wasm32-wasip2`),
#   /usr/lib/cmake/wasip2-libc -> the CMake toolchain file.
# Depends: what compiles and links (clang-22, lld-22, the wasm32 builtins); Node >= 20 is
# Recommends only: bookworm's own nodejs is 18 (too old), Node 20 comes from NodeSource's
# nodejs package or any install on PATH, which dpkg cannot see (docs: README, Install).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: mk/deb.sh OUT.deb}
version=$(node -p "require('./package.json').version")
arch=$(dpkg --print-architecture)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wasip2-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
lib=/usr/lib/wasip2-libc
mk/dist.sh stage "$root$lib"
mkdir -p "$root/usr/bin" "$root/usr/lib/llvm-22/bin" "$root/usr/share/meson/cross" "$root/usr/lib/cmake" "$root/DEBIAN"
for t in wasip2-run wasm-component-ld wasip2-cc wasip2-c++ wasm32-wasip2-pkg-config; do ln -s "../lib/wasip2-libc/bin/$t" "$root/usr/bin/$t"; done
ln -s ../wasip2-libc/share/cmake "$root/usr/lib/cmake/wasip2-libc"
mk/clang-cfg.sh "$lib/sysroot" > "$root/usr/lib/llvm-22/bin/wasm32-unknown-wasip2.cfg"
rm -f "$root$lib/share/wasm32-unknown-wasip2.cfg"
cp meson/wasm32-wasip2.ini "$root/usr/share/meson/cross/wasm32-wasip2"
size=$(du -sk "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CTL
Package: wasip2-libc
Version: $version
Architecture: $arch
Maintainer: wasip2-libc developers <wasip2-libc@localhost>
Installed-Size: $size
Depends: clang-22, lld-22, libclang-rt-22-dev-wasm32
Recommends: nodejs (>= 20), llvm-22, pkg-config
Suggests: cmake, meson, pkg-config
Section: devel
Priority: optional
Description: C library and toolchain for WASI 0.2 components
 clang-22 --target=wasm32-wasip2 builds C and C++ programs into WASI 0.2
 (Preview 2) components with POSIX files, sockets and cooperative threads;
 wasip2-run runs them on Node (>= 20, which must be on PATH). llvm-22 gives
 trap backtraces their file:line (llvm-symbolizer).
CTL
dpkg-deb --root-owner-group -Zxz --build "$root" "$out.tmp" >/dev/null && mv "$out.tmp" "$out"
echo "deb: $out ($(du -h "$out" | cut -f1); installed $((size / 1024)) MB)"
