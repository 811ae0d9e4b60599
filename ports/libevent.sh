#!/usr/bin/env bash
# libevent 2.1.12 (Debian's source package): its regress suite, built twice from the same
# source -- with our CMake toolchain and -pthread, and natively with gcc -- and run with
# --no-fork under each backend (epoll; EVENT_NOEPOLL=1: poll; EVENT_NOEPOLL=1 EVENT_NOPOLL=1:
# select).  In --no-fork mode some tests leave global state behind even natively, so the two
# builds are compared test by test (ports/libevent/compare.mjs): every test that passes
# natively must pass here, except the known limits below.
# Flags beyond the toolchain, each for a reason that is libevent's, not ours:
#  - CMAKE_THREAD_LIBS_INIT=-pthread: its CMakeLists sets MSVC=1 for every clang, which makes
#    FindThreads skip its -pthread probe (libevent 2.1.12, CMakeLists.txt "set(MSVC 1)").
#  - -Wno-error=int-conversion: it stores a clockid_t in an int (time-internal.h); with
#    upstream wasi-libc's ABI clockid_t is a pointer, and clang 16+ makes that an error.
# Tests not run (the same on both builds):
#  - http/connection_fail: connects to 239.10.20.30 (an outside, unroutable address).
#  - main/fork, thread/forking, util/log: they call fork() (no processes on WASI 0.2).
# Known limits (run on both; allowed to differ): LIMITS below, each with its reason.
# source: libevent
# needs: cmake
set -euo pipefail
src=$1 work=$2
here=$PORTS_ROOT/ports/libevent
opts=(-DEVENT__LIBRARY_TYPE=STATIC -DEVENT__DISABLE_OPENSSL=ON -DEVENT__DISABLE_BENCHMARK=ON
      -DEVENT__DISABLE_SAMPLES=ON -DCMAKE_BUILD_TYPE=Release)
t0=$(date +%s)
# the native build runs beside the (much longer, link-bound) wasm configure
(cmake -S "$src" -B "$work/native" "${opts[@]}" > "$work/native.cfg.log" 2>&1 &&
 make -C "$work/native" regress > "$work/native.build.log" 2>&1) & npid=$!
cmake -S "$src" -B "$work/wasm" -DCMAKE_TOOLCHAIN_FILE="$PORTS_ROOT/build/share/cmake/wasip2-toolchain.cmake" \
  "${opts[@]}" -DCMAKE_THREAD_LIBS_INIT=-pthread "-DCMAKE_C_FLAGS=-pthread -Wno-error=int-conversion" \
  > "$work/wasm.cfg.log" 2>&1 || { tail -20 "$work/wasm.cfg.log"; echo "configure failed"; exit 1; }
make -C "$work/wasm" -j2 regress > "$work/wasm.build.log" 2>&1 || { tail -20 "$work/wasm.build.log"; echo "build failed"; exit 1; }
wait $npid || { tail -20 "$work/native.build.log"; echo "native build failed"; exit 1; }
echo "built in $(( $(date +%s) - t0 )) s"

skips=(--skip=http/connection_fail="connects to 239.10.20.30, an outside address"
       --skip=main/fork="calls fork()" --skip=thread/forking="calls fork()" --skip=util/log="calls fork()")
LIMITS=(--limit=main/simpleclose_close="our poll() has no POLLRDHUP: libevent's poll backend lacks EV_FEATURE_EARLY_CLOSE and skips it (in group mode also under epoll: main/base_environ leaves EVENT_NOEPOLL=1 set)"
        --limit=main/simpleclose_shutdown="as main/simpleclose_close"
        --limit=main/simpleclose_close_persist="as main/simpleclose_close"
        --limit=main/simpleclose_shutdown_persist="as main/simpleclose_close"
        --limit=evbuffer/add_file_sendfile="libevent uses sendfile() only under __linux__ (buffer.c): skipped"
        --limit=evbuffer/add_big_file_sendfile="as evbuffer/add_file_sendfile"
        --limit=evbuffer/add_file_offset_sendfile="as evbuffer/add_file_sendfile"
        --limit=evbuffer/add_file_offset2_sendfile="as evbuffer/add_file_sendfile"
        --limit=evbuffer/add_file_offset3_sendfile="as evbuffer/add_file_sendfile"
        --limit=bufferevent/bufferevent_zlib="no zlib for wasm in the sysroot: built without it, skipped")
# the tests make temporary files in /tmp; dns/initialize_nameservers reads /etc/resolv.conf
mkdir -p "$work/tmp" "$work/etc"
echo "nameserver 127.0.0.1" > "$work/etc/resolv.conf"
# LIBEVENT_BACKENDS="epoll poll" leaves out select, whose hangs (docs/ports.md) cost 30 s each
backends=(${LIBEVENT_BACKENDS:-epoll poll select})
for b in "${backends[@]}"; do
  case $b in
    epoll) envs=() ;;
    poll) envs=(EVENT_NOEPOLL=1) ;;
    select) envs=(EVENT_NOEPOLL=1 EVENT_NOPOLL=1) ;;
  esac
  wenv=(); for e in "${envs[@]}"; do wenv+=(--env "$e"); done
  t1=$(date +%s)
  # native beside wasm (2 cores)
  env "${envs[@]}" node "$here/run-regress.mjs" "$work/$b-native.json" "${skips[@]}" -- \
    "$work/native/bin/regress" > "$work/$b-native.txt" 2>&1 & rpid=$!
  # the tests make their temporary files in /tmp
  node "$here/run-regress.mjs" "$work/$b-wasm.json" "${skips[@]}" -- \
    wasip2-run "${wenv[@]}" --dir "$work/tmp::/tmp" --dir "$work/etc::/etc" "$work/wasm/bin/regress.wasm" > "$work/$b-wasm.txt" 2>&1
  wait $rpid
  echo "$b: native and wasm runs took $(( $(date +%s) - t1 )) s"
  paste -d'|' "$work/$b-wasm.txt" "$work/$b-native.txt" | sed 's/|/   native: /'
done
node "$here/compare.mjs" "$work" "${backends[@]}" "${LIMITS[@]}"
