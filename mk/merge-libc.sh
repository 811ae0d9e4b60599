#!/usr/bin/env bash
# Merge the filtered top half with the bottom-half objects into one libc.a,
# refusing silent overrides.
#
#   mk/merge-libc.sh OUT_LIBC_A TOP_DIR OBJ...
#
# TOP_DIR is tools/filter-top-half.sh's output (libtop.a, defined.txt).
# Fails, listing each clash, when
#   - one of our objects defines a strong symbol that a kept top-half member also
#     defines (strong or weak: inside one archive, which one wins depends on member
#     order and on what else the program pulls in; our weak defaults may meet a
#     strong top-half definition), or
#   - two of our objects define the same strong symbol, or
#   - a global symbol of a member dropped through tools/replaced-members.txt
#     (TOP_DIR/replaced.txt) is defined by none of our objects: replacing a
#     member must not silently lose a helper other members call.  A symbol the
#     replaced member defined that a kept member also defines (a weak default,
#     e.g. __lctrans_impl in __lctrans.o) counts as still provided.
# Tools: LLVM_NM (default llvm-nm-22), LLVM_AR (default llvm-ar-22).
set -euo pipefail
# Under set -e a failing step would end the script silently: say which one failed.
trap 'echo "merge-libc: failed (status $?) at line $LINENO: $BASH_COMMAND" >&2' ERR
out=${1:?usage}; top=${2:?usage}; shift 2
NM=${LLVM_NM:-llvm-nm-22}
AR=${LLVM_AR:-llvm-ar-22}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/merge-libc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# "<type> <symbol> <object>" for every global definition in our objects
: > "$tmp/ours"
for o in "$@"; do
  "$NM" --defined-only "$o" | awk -v o="$o" 'NF == 3 && $2 ~ /^[A-Z]$/ { print $2, $3, o }' >> "$tmp/ours"
done

status=0
# strong ours vs anything global in the top half
# Exception: a symbol a replaced member defined strongly, that kept members define only
# weakly (musl's dummy `__stdout_used` in fflush.o for programs without stdout): ours
# takes the replaced member's place, exactly as the original overrode the dummies.
: > "$tmp/replaced-syms"
[ ! -s "$top/replaced.txt" ] || awk '{ print $1 }' "$top/replaced.txt" > "$tmp/replaced-syms"
awk 'FILENAME == ARGV[1] { rep[$1] = 1; next }
     FILENAME == ARGV[2] { top[$2] = top[$2] " " $3 "(" $1 ")"; if ($1 != "W" && $1 != "V") strong[$2] = 1; next }
     $1 != "W" && $1 != "V" && ($2 in top) && !(($2 in rep) && !($2 in strong)) {
       printf "  %s: defined by %s and by top-half member%s\n", $2, $3, top[$2] }' \
  "$tmp/replaced-syms" "$top/defined.txt" "$tmp/ours" > "$tmp/clash"
# A weak definition of ours meeting a strong top-half one is deliberate: ours is
# the default, and when the program pulls the top-half member in (environ.o for
# `environ`), the linker takes the strong one whatever the member order.
if [ -s "$tmp/clash" ]; then
  echo "merge-libc: bottom-half objects clash with kept top-half members:" >&2
  sort "$tmp/clash" >&2
  echo "  (drop the top-half member in tools/filter-top-half.sh, or rename/remove ours)" >&2
  status=1
fi
# strong duplicates among our own objects
awk '$1 != "W" && $1 != "V" { n[$2]++; where[$2] = where[$2] " " $3 }
     END { for (s in n) if (n[s] > 1) printf "  %s:%s\n", s, where[s] }' "$tmp/ours" > "$tmp/dups"
if [ -s "$tmp/dups" ]; then
  echo "merge-libc: symbols defined by more than one bottom-half object:" >&2
  sort "$tmp/dups" >&2
  status=1
fi
# everything a replaced top-half member defined must still be defined
if [ -s "$top/replaced.txt" ]; then
  awk 'FILENAME == ARGV[1] { have[$2] = 1; next }
       FILENAME == ARGV[2] { have[$2] = 1; next }
       !($1 in have) { printf "  %s (was defined by %s)\n", $1, $2 }' \
    "$tmp/ours" "$top/defined.txt" "$top/replaced.txt" > "$tmp/lost"
  if [ -s "$tmp/lost" ]; then
    echo "merge-libc: symbols of replaced top-half members (tools/replaced-members.txt) that no object defines:" >&2
    cat "$tmp/lost" >&2
    status=1
  fi
fi
[ $status -eq 0 ] || exit $status

rm -f "$tmp/libc.a"
"$AR" qcL "$tmp/libc.a" "$top/libtop.a"
[ $# -eq 0 ] || "$AR" qc "$tmp/libc.a" "$@"
"$AR" s "$tmp/libc.a"
mv "$tmp/libc.a" "$out"
echo "merge-libc: $out = $("$AR" t "$top/libtop.a" | wc -l) top-half members + $# bottom-half objects"
