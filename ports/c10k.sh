#!/usr/bin/env bash
# C10K: an epoll server (ports/c10k/c10k_server.c, built for wasm and with gcc from one source)
# holds N concurrent loopback connections (default 10,000; C10K_N) and answers a line on every
# one of them while all are open; a native client (ports/c10k/c10k_client.c) checks each
# answer.  Reports the time to connect and to answer all, and memory per connection: the
# server's linear memory (it reports it itself) and the runner's RSS, sampled with 0 and with N
# connections open, next to the native server's RSS.  Kernel socket memory is in neither.
# The server raises RLIMIT_NOFILE to N + 64 itself (the guest's limit starts at 1024, the host
# allows up to WASIP2_FD_MAX = 65536); the runner and the client need the host limit above N.
# Not in `make check`: it takes about a minute on this machine (epoll_wait is O(registered
# fds) per call here, see docs/benchmarks.md, "C10K").
# source:
# needs:
set -euo pipefail
work=$2
n=${C10K_N:-10000}
here=$PORTS_ROOT/ports/c10k
ulimit -n $(( n + 256 )) 2>/dev/null || { echo "host RLIMIT_NOFILE $(ulimit -Hn) < $(( n + 256 ))"; exit 1; }
gcc -O2 -o "$work/client" "$here/c10k_client.c"
gcc -O2 -o "$work/server-native" "$here/c10k_server.c"
wasip2-cc -O2 -o "$work/server.wasm" "$here/c10k_server.c"
echo "built"
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
one() {  # one run: $1 = native|wasm; prints "rss0_kb rss1_kb client-line"
  local kind=$1 out=$work/$1.server.out
  if [ "$kind" = wasm ]; then wasip2-run "$work/server.wasm" "$n" > "$out" 2>&1 & else "$work/server-native" "$n" > "$out" 2>&1 & fi
  local sp=$!
  for _ in $(seq 300); do [ -s "$out" ] && break; sleep 0.1; done
  local port rss0 rss1
  port=$(head -n 1 "$out")
  rss0=$(rss_kb $sp)
  rm -f "$work/fifo" && mkfifo "$work/fifo"
  "$work/client" "$port" "$n" < "$work/fifo" > "$work/$kind.client.out" 2>&1 & local cp=$!
  exec 9> "$work/fifo"
  while kill -0 $cp 2>/dev/null && ! grep -q connections= "$work/$kind.client.out"; do sleep 0.2; done
  rss1=$(rss_kb $sp)
  echo go >&9; exec 9>&-
  local rc=0
  wait $cp || rc=$?
  wait $sp || rc=$?
  cat "$work/$kind.client.out" "$out" >&2
  [ $rc = 0 ] || return 1
  echo "$rss0 $rss1 $(grep connections= "$work/$kind.client.out")"
}
t0=$(date +%s)
native=$(one native) || { echo "native run failed"; exit 1; }
t1=$(date +%s)
wasm=$(one wasm) || { echo "wasm run failed"; exit 1; }
t2=$(date +%s)
echo "native ($((t1 - t0)) s): $native"
echo "wasm ($((t2 - t1)) s): $wasm"
read -r n0 n1 _ <<< "$native"
read -r w0 w1 wline <<< "$wasm"
mem=$(sed -n 's/.*mem=\([0-9]*\).*/\1/p' <<< "$wline")
mem0=$(sed -n 's/^mem0=//p' "$work/wasm.server.out")
answered=$(sed -n 's/.*answered=\([0-9]*\).*/\1/p' <<< "$wline")
wrong=$(sed -n 's/.*wrong=\([0-9]*\).*/\1/p' <<< "$wline")
echo "built; $answered/$n connections answered while all open ($wrong wrong); linear memory $mem0 -> $mem B" \
  "(+$(( (mem - mem0) / n )) B per connection); runner RSS +$(( (w1 - w0) * 1024 / n )) B per connection;" \
  "native RSS +$(( (n1 - n0) * 1024 / n )) B per connection"
[ "$answered" = "$n" ] && [ "$wrong" = 0 ]
