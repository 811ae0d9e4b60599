#!/usr/bin/env bash
# The bare-machine path, for real: a new Debian bookworm root (debootstrap) with none of our
# packages, the project copied in (committed files only: no build/, no node_modules/), and
# then exactly what the README tells a new user: `make demo && make check`.
#
#   sudo mk/fresh-machine-check.sh [WORKDIR]      (default: a new temp directory)
#
# Needs root (debootstrap, chroot, mounts) and Debian's package mirror (the same one this
# machine's apt uses; MIRROR= and SECURITY_MIRROR= override). Node comes from the host:
# this machine kind has Node 20 preinstalled, so the host's node binary and npm are copied
# into the root (NODE_DIR= names another Node install prefix). The root's apt sources are
# bookworm + bookworm-updates + bookworm-security, as on this machine kind.
# Prints the wall time of each step; exits non-zero if any failed. KEEP=1 keeps the root.
# The package too: DEB=file.deb (default: the newest build/dist/wasip2-libc_*.deb, from
# `make deb`) is installed with `apt-get install ./file.deb` first, and a program is built
# with `clang-22 --target=wasm32-wasip2` and run with `wasip2-run`, with no checkout on PATH.
# DEB_ONLY=1 stops after that (no make demo / make check).
set -euo pipefail
trap 'echo "fresh-machine-check: failed (status $?) at line $LINENO: $BASH_COMMAND" >&2' ERR

here=$(cd "$(dirname "$0")/.." && pwd)
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
work=${1:-$(mktemp -d "${TMPDIR:-/tmp}/fresh-machine.XXXXXX")}
root="$work/root"
mkdir -p "$work"

[ "$(id -u)" = 0 ] || { echo "fresh-machine-check: run as root (debootstrap and chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null 2>&1 || apt-get install -y debootstrap

t0=$(date +%s)
step() { echo "== $(( $(date +%s) - t0 ))s: $*"; }

cleanup() {
  for m in dev/pts dev proc sys; do mountpoint -q "$root/$m" && umount -l "$root/$m" || true; done
  # never delete through a mount that is still there (that would be the host's /dev)
  if grep -q " $root/" /proc/mounts; then
    echo "fresh-machine-check: mounts under $root remain; not deleting $work" >&2
  elif [ -z "${KEEP:-}" ]; then
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# The bare root is cached as a tarball (BASE_CACHE) so a second run skips debootstrap;
# it holds only Debian's base, never anything of ours.
BASE_CACHE=${BASE_CACHE:-/var/tmp/wasip2-libc-bookworm-base.tar}
if [ -f "$BASE_CACHE" ]; then
  step "bare bookworm root from $BASE_CACHE"
  mkdir -p "$root" && tar -xf "$BASE_CACHE" -C "$root"
else
  step "debootstrap bookworm into $root"
  # make, git, gcc and iproute2 are on every machine of this kind besides Debian's base
  debootstrap --variant=minbase --include=make,git,ca-certificates,iproute2,gcc,libc6-dev \
    bookworm "$root" "$MIRROR" > "$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  tar -cf "$BASE_CACHE.tmp" -C "$root" . && mv "$BASE_CACHE.tmp" "$BASE_CACHE"
fi
cat > "$root/etc/apt/sources.list" <<EOF
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb $SECURITY_MIRROR bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"
# this machine kind's own CA certificates (its registries are reached through them)
if [ -d /usr/local/share/ca-certificates ]; then cp -R /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"; fi
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"

step "Node from the host (preinstalled on this machine kind)"
node_bin=$(command -v node)
node_prefix=${NODE_DIR:-$(dirname "$(dirname "$(readlink -f "$node_bin")")")}
mkdir -p "$root/usr/local/bin" "$root/usr/local/lib"
cp "$(readlink -f "$node_bin")" "$root/usr/local/bin/node"
cp -R "$node_prefix/lib/node_modules" "$root/usr/local/lib/"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
# its C headers too (node_api.h: wasip2-run's native host), as this machine kind installs them
if [ -d "$node_prefix/include/node" ]; then mkdir -p "$root/usr/local/include" && cp -R "$node_prefix/include/node" "$root/usr/local/include/"; fi
# the Node install's global npmrc (registry and CA settings of this machine kind)
if [ -f "$node_prefix/etc/npmrc" ]; then mkdir -p "$root/usr/local/etc" && cp "$node_prefix/etc/npmrc" "$root/usr/local/etc/npmrc"; fi

step "the project's committed files"
mkdir -p "$root/src/wasip2-libc"
git -C "$here" archive HEAD | tar -x -C "$root/src/wasip2-libc"
# ../shared (the planning notes) sits beside a checkout; tests do not need it

for m in proc sys dev dev/pts; do mkdir -p "$root/$m"; mount --bind "/$m" "$root/$m"; done

if [ -z "${DEB:-}" ]; then
  for f in "$here"/build/dist/wasip2-libc_*.deb; do
    if [ -f "$f" ] && { [ -z "${DEB:-}" ] || [ "$f" -nt "$DEB" ]; }; then DEB=$f; fi
  done
fi
DEB=${DEB:-}
if [ -n "$DEB" ]; then
  step "apt-get install ./$(basename "$DEB") (clang-22 and the rest come from the mirror)"
  cp "$DEB" "$root/tmp/wasip2-libc.deb"
  chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin DEBIAN_FRONTEND=noninteractive \
    sh -c 'apt-get update -qq && apt-get install -y -qq /tmp/wasip2-libc.deb' > "$work/deb.log" 2>&1 \
    || { tail -20 "$work/deb.log" >&2; echo "fresh-machine-check: the .deb did not install (log: $work/deb.log)" >&2; KEEP=1; exit 1; }
  step "clang-22 --target=wasm32-wasip2 app.c && wasip2-run app.wasm, installed toolchain only"
  mkdir -p "$root/tmp/app"
  cat > "$root/tmp/app/app.c" <<'C'
#include <stdio.h>
int main(int argc, char **argv) { printf("hello from %s, %d args\n", argv[1], argc); return 3; }
C
  out=$(chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root sh -c '
    set -e; cd /tmp/app
    clang-22 --target=wasm32-wasip2 -O2 app.c -o app.wasm
    st=0; wasip2-run app.wasm deb x || st=$?; echo "status $st"' 2>&1) \
    || { echo "$out" >&2; echo "fresh-machine-check: building with the installed package failed" >&2; KEEP=1; exit 1; }
  echo "$out"
  [ "$out" = "$(printf 'hello from deb, 3 args\nstatus 3')" ] \
    || { echo "fresh-machine-check: unexpected output from the installed toolchain" >&2; KEEP=1; exit 1; }
  if [ -n "${DEB_ONLY:-}" ]; then step "done: the .deb installs and works on a bare bookworm root"; exit 0; fi
  # the rest checks the README's from-source path on a root without our package
  chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq wasip2-libc > /dev/null 2>&1
fi

# cmake is on every new machine of this kind too (not in Debian's base)
step "cmake, as on a new machine of this kind"
chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin DEBIAN_FRONTEND=noninteractive \
  sh -c 'apt-get update -qq && apt-get install -y -qq cmake' > "$work/cmake.log" 2>&1 || { tail -5 "$work/cmake.log" >&2; exit 1; }
step "packages none of ours: $(chroot "$root" dpkg -l 'clang-22' 'wasi-libc' 2>&1 | grep -c '^ii' || true) of them installed"
step "make demo"
chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
  sh -c 'cd /src/wasip2-libc && make demo' > "$work/demo.log" 2>&1 \
  || { tail -30 "$work/demo.log" >&2; echo "fresh-machine-check: make demo failed (log: $work/demo.log)" >&2; KEEP=1; exit 1; }
tail -3 "$work/demo.log"
step "make check"
chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
  sh -c 'cd /src/wasip2-libc && make check' > "$work/check.log" 2>&1 \
  || { grep -E '^(FAIL|network:)|passed' "$work/check.log" >&2; echo "fresh-machine-check: make check failed (log: $work/check.log)" >&2; KEEP=1; exit 1; }
grep -m 1 -E '^network:' "$work/check.log"
tail -1 "$work/check.log"
step "done: make demo && make check passed on a bare bookworm root"
