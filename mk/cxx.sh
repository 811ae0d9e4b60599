#!/usr/bin/env bash
# C++ in the sysroot: Debian's libc++/libc++abi for wasm32-wasi (portable code over the C
# library), copied under SYSROOT's include/TRIPLE/c++/v1 and lib/TRIPLE, plus the parts
# Debian's build left out.
#
#   mk/cxx.sh INC_SRC LIB_SRC INCDIR LIBDIR OBJDIR -- CXX_SRC... -- CXX_THREAD_SRC...
#
# INC_SRC/LIB_SRC: Debian's headers and libraries; INCDIR/LIBDIR: the sysroot's; OBJDIR: where
# objects go.  Steps:
#   - refuse any library that references preview1 (__wasi_*, __imported_wasi*);
#   - copy the headers (INCDIR/c++ rebuilt from scratch) and libc++.a, libc++abi.a,
#     libc++experimental.a (copies, not symlinks: an installed sysroot stands alone);
#   - __config_site: filesystem support back on (Debian's off also empties <fstream>), and
#     threads on exactly when clang says the target has them (__STDCPP_THREADS__: -pthread),
#     over the pthread API;
#   - CXX_SRC (src/cxx/*.cpp) into libc++.a, cxa_* ones into libc++abi.a; CXX_THREAD_SRC
#     (src/cxx/thread/*.cpp, what a threadless libc++ lacks) compiled -pthread into
#     libc++-coop.a, which tools/lib/threads.mjs links ahead of libc++.a in -pthread links.
# Tools: CLANGXX (default clang++-22), LLVM_NM, LLVM_AR (default -22), TRIPLE (wasm32-wasip2),
# SYSROOT (the sysroot INCDIR and LIBDIR belong to).
set -euo pipefail
CLANGXX=${CLANGXX:-clang++-22}
LLVM_NM=${LLVM_NM:-llvm-nm-22}
LLVM_AR=${LLVM_AR:-llvm-ar-22}
TRIPLE=${TRIPLE:-wasm32-wasip2}
inc_src=$1 lib_src=$2 incdir=$3 libdir=$4 obj=$5
shift 5
[ "${1:-}" = -- ] && shift
srcs=() thr_srcs=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do srcs+=("$1"); shift; done
[ "${1:-}" = -- ] && shift
thr_srcs=("$@")
libs=(libc++.a libc++abi.a libc++experimental.a)
config=$incdir/c++/v1/__config_site

if [ ! -d "$inc_src" ]; then
  echo "no libc++ for wasm at $inc_src (apt-get install libc++-22-dev-wasm32 libc++abi-22-dev-wasm32): C++ not installed" >&2
  exit 0
fi
for a in "${libs[@]}"; do
  [ -f "$lib_src/$a" ] || continue
  undef=$("$LLVM_NM" -u "$lib_src/$a" 2>/dev/null || true)
  if grep -qE '__wasi_|__imported_wasi' <<<"$undef"; then
    echo "$lib_src/$a references preview1; not copied" >&2
    exit 1
  fi
done
rm -rf "$incdir/c++"
mkdir -p "$incdir/c++" "$libdir"
cp -RL "$inc_src" "$incdir/c++/v1"
for a in "${libs[@]}"; do if [ -f "$lib_src/$a" ]; then cp -L "$lib_src/$a" "$libdir/$a"; fi; done

# one edit of Debian's __config_site each; each must have applied
sed -i 's/^#define _LIBCPP_HAS_FILESYSTEM 0$/#define _LIBCPP_HAS_FILESYSTEM 1/' "$config"
sed -i -e 's/^#define _LIBCPP_HAS_THREADS 0$/#ifdef __STDCPP_THREADS__\n#define _LIBCPP_HAS_THREADS 1\n#else\n#define _LIBCPP_HAS_THREADS 0\n#endif/' \
  -e 's/^#define _LIBCPP_HAS_THREAD_API_PTHREAD 0$/#define _LIBCPP_HAS_THREAD_API_PTHREAD _LIBCPP_HAS_THREADS/' "$config"
for want in '#define _LIBCPP_HAS_FILESYSTEM 1' '#define _LIBCPP_HAS_THREAD_API_PTHREAD _LIBCPP_HAS_THREADS'; do
  grep -qx "$want" "$config" || { echo "$config: edit did not apply ($want)" >&2; exit 1; }
done

sysroot_flags=(--target="$TRIPLE" --sysroot="$SYSROOT" -O2 -std=c++20)
mkdir -p "$obj/cxx/thread"
for f in "${srcs[@]}"; do
  o=$obj/cxx/$(basename "$f" .cpp).o
  "$CLANGXX" "${sysroot_flags[@]}" -fno-exceptions -c "$f" -o "$o"
  case $f in */cxa_*) lib=libc++abi.a ;; *) lib=libc++.a ;; esac
  "$LLVM_AR" rs "$libdir/$lib" "$o"
done
rm -f "$libdir/libc++-coop.a"
for f in "${thr_srcs[@]}"; do
  o=$obj/cxx/thread/$(basename "$f" .cpp).o
  "$CLANGXX" "${sysroot_flags[@]}" -pthread -c "$f" -o "$o"
  "$LLVM_AR" rs "$libdir/libc++-coop.a" "$o"
done
