#!/usr/bin/env bash
# Install what building wasip2-libc needs on a fresh Debian bookworm machine.
# Called by `make deps`; cheap when everything is already there.
#   mk/deps.sh apt     Debian packages (clang-22, lld-22, llvm-22, libclang-rt-22-dev-wasm32, wasi-libc,
#                      libc++-22-dev-wasm32 + libc++abi-22-dev-wasm32 for C++, iproute2, pkg-config)
#   mk/deps.sh npm     node_modules from package-lock.json (npm ci --ignore-scripts) when stale
set -euo pipefail
# Under set -e a failing step would end the script silently: say which one failed.
trap 'echo "deps: failed (status $?) at line $LINENO: $BASH_COMMAND" >&2' ERR

APT_PACKAGES=(clang-22 lld-22 llvm-22 libclang-rt-22-dev-wasm32 wasi-libc libc++-22-dev-wasm32 libc++abi-22-dev-wasm32
              iproute2   # ip: tests run in a network namespace with only lo up
              pkg-config)  # what build/bin/wasm32-wasip2-pkg-config runs, over the sysroot only
COMMANDS=(clang-22 wasm-ld-22 llvm-ar-22 llvm-nm-22 ip unshare pkg-config)
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "deps: need root (or sudo) to run: $*" >&2; return 1
  fi
}

apt_deps() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  for c in "${COMMANDS[@]}"; do
    command -v "$c" >/dev/null 2>&1 || missing+=("command:$c")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "deps: Debian packages present (${APT_PACKAGES[*]})"
  else
    echo "deps: missing: ${missing[*]}; installing"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update
    # Capture first, then match: a `| grep -q` under pipefail can kill apt-cache with
    # SIGPIPE and turn a match into a failure (status 141).
    local policy
    policy=$(apt-cache policy clang-22 2>/dev/null || true)
    case "$policy" in
      *"Candidate: (none)"*|"") 
        echo "deps: clang-22 is not offered by the configured apt sources; enable bookworm-security (deb http://security.debian.org/debian-security bookworm-security main) or install clang-22 lld-22 llvm-22 libclang-rt-22-dev-wasm32 yourself" >&2
        exit 1 ;;
    esac
    as_root apt-get install -y "${APT_PACKAGES[@]}"
  fi
  for c in node npm gcc; do
    command -v "$c" >/dev/null 2>&1 || { echo "deps: '$c' is required (node >= 20, npm, gcc for native test helpers)" >&2; exit 1; }
  done
}

npm_deps() {
  # npm writes node_modules/.package-lock.json after every install: when it is newer
  # than package-lock.json the tree matches the lock.
  if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "deps: node_modules up to date with package-lock.json"
  else
    echo "deps: npm ci --ignore-scripts"
    npm ci --ignore-scripts --no-audit --no-fund
  fi
}

case "${1:-all}" in
  apt) apt_deps ;;
  npm) npm_deps ;;
  all) apt_deps; npm_deps ;;
  *) echo "usage: mk/deps.sh [apt|npm|all]" >&2; exit 2 ;;
esac
