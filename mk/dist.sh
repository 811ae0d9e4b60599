#!/usr/bin/env bash
# The SDK as one relocatable folder, and its tarball (`make dist`):
#   mk/dist.sh stage DIR     lay the SDK out in DIR (also used by mk/deb.sh)
#   mk/dist.sh tar OUT.tar.gz
# Layout (the same relative positions as build/, so every launcher, the CMake toolchain file
# and the Meson cross file find their neighbours wherever the folder is moved):
#   bin/        wasip2-cc, wasip2-c++, wasip2-run, wasm-component-ld, wasm32-wasip2-pkg-config, and
#               whatever else build/bin holds
#   sysroot/    headers, libc.a, libc++, crt1.o, WIT; lib/wasm32-wasip2/pkgconfig for ports' .pc
#   tools/      the Node tools (and tools/native/*.node, the native host and signal modules, when built)
#   node_modules/, package.json   only the packages the tools load at run time
#   share/cmake/wasip2-toolchain.cmake, share/meson/wasm32-wasip2.ini
# Needs: node, clang-22, lld-22 and libclang-rt-22-dev-wasm32 on the machine that uses it.
set -euo pipefail
cd "$(dirname "$0")/.."
B=${B:-build}

stage() {
  local d=${1:?}
  rm -rf "$d" && mkdir -p "$d/bin" "$d/share/cmake" "$d/share/meson"
  cp -R "$B/sysroot" "$d/sysroot"
  mkdir -p "$d/sysroot/lib/wasm32-wasip2/pkgconfig" "$d/sysroot/share/pkgconfig"
  cp -R tools "$d/tools"
  for m in wasip2_host wasip2_signals; do
    if [ -f "$B/native/$m.node" ]; then cp "$B/native/$m.node" "$d/tools/native/"; fi
  done
  cp package.json "$d/"
  # the run-time closure of the tools' npm packages, each folder without its nested
  # node_modules (those that are needed are in the list themselves)
  node mk/node-closure.mjs "$PWD" @bytecodealliance/jco-transpile @bytecodealliance/preview2-shim binaryen |
    while read -r p; do
      # jco-transpile's own binaryen serves only its --optimize and --asm options (resolved
      # when called), which wasip2-run never passes: 93 MB left out
      case $p in */jco-transpile/node_modules/binaryen) continue ;; esac
      mkdir -p "$d/$p"
      tar -C "$p" -cf - --exclude=./node_modules . | tar -xf - -C "$d/$p"
    done
  # of jco, only the preview1 adapters (-Wl,--wasi-p1-adapter) and its package.json
  local jco=node_modules/@bytecodealliance/jco
  mkdir -p "$d/$jco/lib"
  cp "$jco/package.json" "$d/$jco/" && cp "$jco"/lib/wasi_snapshot_preview1.*.wasm "$d/$jco/lib/"
  for t in wasm-component-ld wasip2-run; do mk/wrapper.sh "$d/bin/$t" ../tools/$t ../sysroot ..; done
  mk/cc-wrapper.sh "$d/bin/wasip2-cc" ../sysroot "${CLANG:-clang-22}"
  mk/cc-wrapper.sh "$d/bin/wasip2-c++" ../sysroot "${CLANGXX:-clang++-22}"
  # other launchers build/bin holds (another area's: kept as they are, they find ../sysroot)
  for f in "$B"/bin/*; do
    [ -e "$d/bin/$(basename "$f")" ] || cp -P "$f" "$d/bin/"
  done
  [ -e "$d/bin/wasm32-wasip2-pkg-config" ] || mk/pkg-config-wrapper.sh "$d/bin/wasm32-wasip2-pkg-config" ../sysroot
  cp cmake/wasip2-toolchain.cmake "$d/share/cmake/" && mkdir -p "$d/share/cmake/Platform" && cp cmake/Platform/WASI.cmake "$d/share/cmake/Platform/"
  cp meson/wasm32-wasip2.ini "$d/share/meson/"
  # clang's configuration file for the target, for a clang that reads it from here
  # (the .deb puts it in /usr/lib/llvm-22/bin); the sysroot line is written by the .deb
  mk/clang-cfg.sh > "$d/share/wasm32-unknown-wasip2.cfg"
}

case ${1:-} in
  stage) stage "${2:?}" ;;
  tar)
    out=${2:?}
    name=$(basename "$out" .tar.gz)
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/wasip2-dist.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    stage "$tmp/$name"
    mkdir -p "$(dirname "$out")"
    tar -C "$tmp" --owner=0 --group=0 -czf "$out.tmp" "$name" && mv "$out.tmp" "$out"
    echo "dist: $out ($(du -h "$out" | cut -f1); unpacked $(du -sh "$tmp/$name" | cut -f1))" ;;
  *) echo "usage: mk/dist.sh stage DIR | tar OUT.tar.gz" >&2; exit 2 ;;
esac
