#!/usr/bin/env bash
# zlib: its own `example` test program and `minigzip` round trips (text, random bytes,
# every compression level), byte-identical, and interoperating with the host's gzip.
# Cross build as zlib documents it: CC and CHOST for ./configure.
# source: zlib
# needs: gzip
set -euo pipefail
src=$1 work=$2
cp -R "$src/." "$work/z" && cd "$work/z"
CC=wasip2-cc CHOST=wasm32-wasip2 ./configure --static > configure.log
make -j2 libz.a example minigzip > make.log
echo "built"
mkdir -p data
passed=0 total=0
t() { total=$((total + 1)); if "$@"; then passed=$((passed + 1)); else echo "failed: $*"; fi; }
t sh -c 'wasip2-run --dir ./data::/ ./example | tee example.out && grep -q "inflate with dictionary" example.out'
head -c 3000000 /dev/urandom > data/random.bin
for i in $(seq 1 2000); do echo "line $i of some compressible text, zlib port check"; done > data/text.txt
for f in random.bin text.txt; do
  for lvl in 1 6 9; do
    t sh -c "wasip2-run ./minigzip -$lvl < data/$f > data/$f.$lvl.gz && wasip2-run ./minigzip -d < data/$f.$lvl.gz | cmp - data/$f"
    t sh -c "gzip -dc < data/$f.$lvl.gz | cmp - data/$f"
  done
  t sh -c "gzip -c < data/$f | wasip2-run ./minigzip -d | cmp - data/$f"
done
# file-name mode: minigzip FILE writes FILE.gz in the preopen, -d restores it
cp data/text.txt data/named.txt
t sh -c 'wasip2-run --dir ./data::/d ./minigzip /d/named.txt && [ -f data/named.txt.gz ] && [ ! -f data/named.txt ] && wasip2-run --dir ./data::/d ./minigzip -d /d/named.txt.gz && cmp data/named.txt data/text.txt'
echo "built; $passed/$total tests passed"
[ $passed = $total ]
