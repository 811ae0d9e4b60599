#!/usr/bin/env bash
# make check-ports: real C libraries from Debian's source packages, built unmodified with our
# toolchain, running their own tests against real servers on loopback.
#
#   ports/check-ports.sh [LIB...]      (default: the list below; PORTS="a b" also works)
#
# A port whose "# source:" line is empty builds only this tree's files (c10k) or takes its
# source from the environment (darkhttpd: DARKHTTPD_SRC; not in the default list).
# libevent is not in the default list either: its CMake configure links each check as a
# component (about 25 minutes on 2 cores under load), too long for CI; run PORTS=libevent,
# and LIBEVENT_BACKENDS="epoll poll" (its select backend assumes a bitmap fd_set: docs/ports.md).
#
# Phase 1, with the network: the server packages the suites need (redis-server, postgresql,
# perl for curl's runtests) and each library's source, by `apt-get source` with a deb-src
# entry that exists only for this step (removed on every exit path). Sources are cached in
# build/ports/src.
# Phase 2, confined: the build and every test run in a network namespace with only lo up;
# some suites target outside addresses, so without a namespace this refuses to go on.
# Prints one line per library and ends with `N passed, N failed`.
set -euo pipefail
trap 'echo "check-ports: failed (status $?) at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
ROOT=$PWD
export PORTS_ROOT=$ROOT PORTS_BUILD=$ROOT/build/ports
SRC=$PORTS_BUILD/src
mkdir -p "$SRC"

if [ $# -gt 0 ]; then libs=("$@"); else read -r -a libs <<< "${PORTS:-zlib sqlite hiredis libpq curl lua c10k}"; fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ "${WASIP2_PORTS_PHASE:-}" != confined ]; then
  # ------------------------------------------------ phase 1: packages and sources
  pkgs=()
  for l in "${libs[@]}"; do
    [ -f "ports/$l.sh" ] || { echo "check-ports: no ports/$l.sh" >&2; exit 2; }
    # each port names its Debian source package and the host packages its suite needs
    src=$(sed -n 's/^# source: *//p' "ports/$l.sh")
    need=$(sed -n 's/^# needs: *//p' "ports/$l.sh")
    for p in $need; do dpkg -s "$p" >/dev/null 2>&1 || pkgs+=("$p"); done
    echo "$l $src" >> "$PORTS_BUILD/.wanted.$$"
  done
  dpkg -s dpkg-dev >/dev/null 2>&1 || pkgs+=(dpkg-dev)
  if [ ${#pkgs[@]} -gt 0 ]; then
    echo "check-ports: installing ${pkgs[*]}"
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${pkgs[@]}" > "$PORTS_BUILD/apt.log" 2>&1 \
      || { tail -20 "$PORTS_BUILD/apt.log" >&2; exit 1; }
  fi
  srclist=/etc/apt/sources.list.d/wasip2-ports-src.sources
  fetched_list=0
  remove_src() {
    if [ -f "$srclist" ]; then as_root rm -f "$srclist"; as_root apt-get update -qq >/dev/null 2>&1 || true; fi
    rm -f "$PORTS_BUILD/.wanted.$$"
  }
  trap remove_src EXIT
  while read -r l src; do
    [ -n "$src" ] || continue
    have=("$SRC/$l"/*/); [ -d "${have[0]}" ] && continue
    if [ $fetched_list = 0 ]; then
      # the same mirror and suite as the machine's binary packages
      printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        | as_root tee "$srclist" >/dev/null
      as_root apt-get update -qq >/dev/null
      fetched_list=1
    fi
    echo "check-ports: apt-get source $src"
    rm -rf "$SRC/$l.tmp" && mkdir -p "$SRC/$l.tmp"
    (cd "$SRC/$l.tmp" && apt-get source -qq "$src" > ../$l.fetch.log 2>&1) \
      || { tail -5 "$SRC/$l.fetch.log" >&2; echo "check-ports: could not fetch $src" >&2; exit 1; }
    rm -rf "$SRC/$l" && mv "$SRC/$l.tmp" "$SRC/$l"
  done < "$PORTS_BUILD/.wanted.$$"
  remove_src
  trap - EXIT

  # ------------------------------------------------ phase 2: re-run confined
  if ! unshare -n sh -c 'ip link set lo up' 2>/dev/null; then
    echo "check-ports: cannot make a private network namespace (unshare -n; needs root): refusing to run third-party suites" >&2
    exit 1
  fi
  exec unshare -n sh -c 'ip link set lo up && WASIP2_PORTS_PHASE=confined exec bash "$0" "$@"' "$0" "${libs[@]}"
fi

# ------------------------------------------------ phase 2 (inside the namespace)
ifs=$(awk -F: 'NR > 2 { gsub(/ /, "", $1); print $1 }' /proc/self/net/dev | tr '\n' ' ')
[ "$ifs" = "lo " ] || { echo "check-ports: not confined (interfaces: $ifs)" >&2; exit 1; }
echo "check-ports: network: private namespace with only lo"
export PATH="$ROOT/build/bin:$PATH"
pass=0 fail=0
for l in "${libs[@]}"; do
  t0=$(date +%s)
  dirs=("$SRC/$l"/*/); dir=${dirs[0]%/}
  [ -d "$dir" ] || dir=''  # a port without a Debian source
  work=$PORTS_BUILD/work/$l
  rm -rf "$work" && mkdir -p "$work"
  log=$PORTS_BUILD/$l.log
  # a port prints its result line last: "built; N/M tests passed[; skipped: ...]"
  if result=$(bash "ports/$l.sh" "$dir" "$work" > "$log" 2>&1; rc=$?; tail -n 1 "$log"; exit $rc); then
    pass=$((pass + 1)); echo "PASS $l: $result ($(( $(date +%s) - t0 ))s)"
  else
    fail=$((fail + 1)); echo "FAIL $l: $result ($(( $(date +%s) - t0 ))s; log: build/ports/$l.log)"
  fi
done
echo "$pass passed, $fail failed"
exit $(( fail > 0 ))
