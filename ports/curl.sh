#!/usr/bin/env bash
# curl 7.88 (Debian's source), no TLS: the curl tool built with the tree's own configure for
# the host triple (the features we do not have are configure's documented --without options),
# then a range of its own runtests.pl tests with our curl as the tool under test. The suite's
# servers (sws, the perl HTTP/FTP servers) are the suite's own, built natively from a second,
# native configure of the same tree; they listen on 127.0.0.1 inside the namespace.
# CURL_TESTS overrides the selection (runtests.pl syntax, default "1 to 100"). -n: no valgrind
# (the tool is a script that starts wasip2-run, not a binary valgrind could run).
# source: curl
# needs: perl python3
set -euo pipefail
src=$1 work=$2
opts=(--without-ssl --without-libpsl --without-zlib --without-brotli --without-zstd --without-nghttp2
      --without-libidn2 --disable-ldap --disable-shared)
mkdir -p "$work/wasm" "$work/native"
(cd "$work/wasm" && "$src/configure" --host=wasm32-wasip2 CC=wasip2-cc "${opts[@]}" > configure.log 2>&1 \
  && make -j2 > make.log 2>&1) || { tail -5 "$work/wasm/configure.log"; grep -m5 error "$work/wasm/make.log" || true; echo "build failed"; exit 1; }
(cd "$work/native" && "$src/configure" "${opts[@]}" > configure.log 2>&1 \
  && make -j2 -C lib > make.log 2>&1 && make -j2 -C src >> make.log 2>&1 && make -j2 -C tests/server >> make.log 2>&1) \
  || { echo "native test servers failed to build"; exit 1; }
echo "built"
# runtests.pl runs the tool by path, from tests/, with relative paths into tests/log:
# preopen that directory at the same path so every path means the same inside
wrapper=$work/curl-wasm
printf '#!/bin/sh\nexec wasip2-run --dir "%s::%s" --inherit-env "%s" "$@"\n' \
  "$work/native/tests" "$work/native/tests" "$work/wasm/src/curl" > "$wrapper"
chmod +x "$wrapper"
"$wrapper" --version | sed -n 1,3p || true
cd "$work/native/tests"
set +e
# an out-of-tree build runs the suite from the source tree, as curl's own `make test` does
srcdir="$src/tests" perl -I"$src/tests" "$src/tests/runtests.pl" -n -a -c "$wrapper" ${CURL_TESTS:-1 to 100} > runtests.out 2>&1
set -e
tail -n 15 runtests.out
ok=$(sed -n 's/^TESTDONE: \([0-9]*\) tests out of \([0-9]*\) reported OK.*/\1/p' runtests.out)
all=$(sed -n 's/^TESTDONE: \([0-9]*\) tests out of \([0-9]*\) reported OK.*/\2/p' runtests.out)
failed=$(sed -n 's/^TESTFAIL: These test cases failed: //p' runtests.out)
echo "built; ${ok:-0}/${all:-0} tests passed${failed:+; failed: $failed}"
[ -n "$ok" ] && [ "$ok" = "$all" ]
