#!/usr/bin/env bash
# hiredis: its own test.c suite (the `hiredis-test` program its Makefile builds) against a real
# redis-server on 127.0.0.1. The suite's own switch --skip-inherit-fd drops the inherited-fd
# group (it needs AF_UNIX). This version has no switch for its Unix-socket group: it runs
# last, and its first connect fails (AF_UNIX is EAFNOSUPPORT), which ends the program; the
# result counts the groups before it and reports the Unix group as skipped.
# Cross build: the Makefile's CC variable, its static library and test targets. One flag
# beyond that, through the Makefile's own CFLAGS: hiredis 0.14.1 assigns createArrayObject
# (size_t elements) to a pointer taking int, which clang 16 and later reject by default for
# every target, native too (gcc only warns; later hiredis releases fixed the prototype).
# source: hiredis
# needs: redis-server
set -euo pipefail
src=$1 work=$2
cp -R "$src/." "$work/h" && cd "$work/h"
make -j2 CC=wasip2-cc CFLAGS=-Wno-error=incompatible-function-pointer-types libhiredis.a hiredis-test > make.log 2>&1 \
  || { tail -20 make.log; echo "build failed"; exit 1; }
echo "built"
port=$(( 20000 + RANDOM % 20000 ))
redis-server --port $port --bind 127.0.0.1 --save '' --appendonly no --daemonize no > redis.log 2>&1 &
rpid=$!
trap 'kill $rpid 2>/dev/null; wait $rpid 2>/dev/null || true' EXIT
for i in $(seq 50); do redis-cli -p $port ping >/dev/null 2>&1 && break; sleep 0.1; done
set +e
wasip2-run ./hiredis-test -h 127.0.0.1 -p $port --skip-inherit-fd > test.out 2>&1
rc=$?
set -e
cat test.out
# groups before the Unix-socket one must all pass
tcp_part=$(sed '/^Testing against Unix socket/,$d' test.out)
passed=$(grep -c 'PASSED' <<< "$tcp_part" || true)
failed=$(grep -c 'FAILED' <<< "$tcp_part" || true)
total=$((passed + failed))
reached_unix=$(grep -c '^Testing against Unix socket' test.out || true)
echo "exit status $rc; Unix group reached: $reached_unix"
if [ "$reached_unix" = 1 ] && grep -q 'Connection error' <<< "$(sed -n '/^Testing against Unix socket/,$p' test.out)"; then
  echo "built; $passed/$total tests passed; skipped: Unix-socket group (AF_UNIX)"
else
  echo "built; $passed/$total tests passed; Unix-socket group did not end as expected"; exit 1
fi
[ "$failed" = 0 ] && [ "$total" -gt 0 ]
