#!/usr/bin/env bash
# libpq from PostgreSQL 15 (Debian's postgresql-15 source), thread-safe (configure's
# default), built with the tree's own configure for the host triple and its documented
# template option for a platform config.guess does not name (--with-template=linux), then the
# client library's static-library target. CFLAGS adds -O2 and our target's documented setjmp
# switch (-mllvm -wasm-enable-sjlj: src/common's prompt code uses sigsetjmp). Our libpq_check.c exercises it against a private
# cluster (initdb in a temp dir, trust auth, 127.0.0.1 only, its own port, no Unix socket).
# source: postgresql-15
# needs: postgresql-15 perl bison flex
set -euo pipefail
src=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work/bld" && cd "$work/bld"
"$src/configure" --host=wasm32-wasip2 --with-template=linux CC=wasip2-cc CFLAGS="-O2 -mllvm -wasm-enable-sjlj" \
  --without-readline --without-zlib --without-icu > configure.log 2>&1 \
  || { tail -20 configure.log; grep -n 'error' config.log | tail -5; echo "configure failed"; exit 1; }
grep -q 'define ENABLE_THREAD_SAFETY 1' src/include/pg_config.h || { echo "not a thread-safe build"; exit 1; }
{ make -C src/backend generated-headers && make -C src/port all && make -C src/common all \
  && make -C src/interfaces/libpq all-static-lib; } > make.log 2>&1 \
  || { grep -B2 -A3 'error' make.log | tail -30; echo "build failed"; exit 1; }
wasip2-cc -O2 -mllvm -wasm-enable-sjlj -I"$src/src/interfaces/libpq" -Isrc/include -I"$src/src/include" "$here/libpq_check.c" \
  src/interfaces/libpq/libpq.a src/common/libpgcommon_shlib.a src/port/libpgport_shlib.a -o libpq_check.wasm \
  > link.log 2>&1 || { cat link.log | tail -20; echo "link failed"; exit 1; }
echo "built"
bindir=$(ls -d /usr/lib/postgresql/15/bin)
port=$(( 20000 + RANDOM % 20000 ))
data="$work/pgdata"
mkdir -p "$data" && chown postgres "$data" "$work"
runuser -u postgres -- "$bindir/initdb" -D "$data" -A trust -U wasip2 > initdb.log 2>&1
runuser -u postgres -- "$bindir/pg_ctl" -D "$data" -l "$work/server.log" -w \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start > pgctl.log 2>&1
trap 'runuser -u postgres -- "$bindir/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true' EXIT
set +e
wasip2-run ./libpq_check.wasm "host=127.0.0.1 port=$port dbname=postgres user=wasip2" $((port + 1)) > check.out 2>&1
rc=$?
set -e
cat check.out
res=$(sed -n 's|^\([0-9]*/[0-9]*\) checks passed$|\1|p' check.out)
echo "built; ${res:-0/0} tests passed"
[ $rc = 0 ]
