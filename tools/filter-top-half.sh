#!/usr/bin/env bash
# Filter Debian's preview1 wasi-libc libc.a down to its portable "top half".
#
#   tools/filter-top-half.sh IN_LIBC_A OUT_DIR [BUILTINS_A]
#
# Recomputes at every build (no hard-coded list) which archive members reference
# preview1 (an undefined `__wasi_*` or `__imported_wasi_snapshot_preview1_*`
# symbol) and deletes them from a COPY of the archive.  It also deletes the
# members listed in tools/replaced-members.txt (REPLACED_MEMBERS overrides the
# path): portable members our bottom half deliberately replaces; a listed name
# that is not in the archive, or occurs twice, is an error. Writes into OUT_DIR:
#   libtop.a      the kept members
#   dropped.txt   the dropped member names (preview1 and replaced), one a line
#   replaced.txt  "<symbol> <member>" for every global symbol a replaced member
#                 defined: mk/merge-libc.sh checks our objects define them all
#   needed.txt    symbols the kept members reference but none of them defines
#                 (excluded: linker-provided symbols, tools/linker-symbols.txt; what
#                 BUILTINS_A, clang's libclang_rt.builtins, defines; `main`, the
#                 user's): the bottom half's contract
#   elsewhere.txt  the excluded ones, "<provider> <symbol>", for the record
#   defined.txt   "<type> <symbol> <member>" for every symbol a kept member defines
#                 (used by the clash check when merging the bottom half)
# The kept members lose their DWARF (.debug_* sections: about 60 KB of a hello world
# at -O2) unless KEEP_DEBUG=1 (`make LIBC_DEBUG=1`).
# Tools: LLVM_NM (default llvm-nm-22), LLVM_AR (default llvm-ar-22), LLVM_OBJCOPY
# (default llvm-objcopy-22).
set -euo pipefail
# Under set -e a failing step would end the script silently: say which one failed.
trap 'echo "filter-top-half: failed (status $?) at line $LINENO: $BASH_COMMAND" >&2' ERR

in=${1:?usage: filter-top-half.sh IN_LIBC_A OUT_DIR}
out=${2:?usage: filter-top-half.sh IN_LIBC_A OUT_DIR}
builtins=${3:-}
NM=${LLVM_NM:-llvm-nm-22}
AR=${LLVM_AR:-llvm-ar-22}
OBJCOPY=${LLVM_OBJCOPY:-llvm-objcopy-22}
here=$(cd "$(dirname "$0")" && pwd)
linker_syms="$here/linker-symbols.txt"
replaced_list=${REPLACED_MEMBERS:-$here/replaced-members.txt}

mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/filter-top.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# One line per symbol: "<member index> <member name> <type> <symbol>".
# llvm-nm prints archive members in archive order, each introduced by "name:",
# so duplicate member names (there are two errno.o) stay distinguishable by index.
"$NM" "$in" | awk '
  /^$/ { next }
  /^[^ \t].*:$/ && !/^[0-9a-f]+ / { idx++; name = substr($0, 1, length($0) - 1); next }
  NF == 2 { print idx, name, $1, $2; next }      # "U sym"
  NF == 3 { print idx, name, $2, $3; next }      # "addr T sym"
' > "$tmp/syms"

"$AR" t "$in" > "$tmp/members"
nmembers=$(wc -l < "$tmp/members")
nseen=$(awk '{print $1}' "$tmp/syms" | sort -un | wc -l)
# members without any symbol would not show in syms; only a sanity bound here
if [ "$nseen" -gt "$nmembers" ]; then
  echo "filter-top-half: parsed $nseen members from nm but archive has $nmembers" >&2
  exit 1
fi

# members to drop: index + name
awk '$3 == "U" && $4 ~ /^(__wasi_|__imported_wasi_snapshot_preview1_)/ { print $1, $2 }' \
  "$tmp/syms" | sort -un > "$tmp/drop-preview1"

# members we replace: first word of each non-comment line of the list
: > "$tmp/replaced-names"
if [ -f "$replaced_list" ]; then
  sed -e 's/#.*//' "$replaced_list" | awk 'NF { print $1 }' > "$tmp/replaced-names"
fi
: > "$tmp/drop-replaced"
while read -r m; do
  n=$(grep -cxF "$m" "$tmp/members" || true)
  if [ "$n" -eq 0 ]; then
    echo "filter-top-half: $replaced_list lists '$m', which is not a member of $in" >&2
    exit 1
  elif [ "$n" -gt 1 ]; then
    echo "filter-top-half: $replaced_list lists '$m', whose name occurs $n times in $in (ambiguous)" >&2
    exit 1
  fi
  # its index (members with no symbol at all have none: nothing to account for)
  awk -v m="$m" '$2 == m { print $1, $2; exit }' "$tmp/syms" >> "$tmp/drop-replaced"
  if ! awk -v m="$m" '$2 == m { f = 1 } END { exit !f }' "$tmp/syms"; then
    echo "filter-top-half: replaced member '$m' defines no symbol; drop it from $replaced_list" >&2
    exit 1
  fi
done < "$tmp/replaced-names"
# the global symbols the replaced members defined: what our objects must define
awk 'NR == FNR { r[$1] = 1; next } ($1 in r) && $3 != "U" && $3 ~ /^[A-Z]$/ { print $4, $2 }' \
  "$tmp/drop-replaced" "$tmp/syms" | sort -u > "$tmp/replaced.txt"
sort -un "$tmp/drop-preview1" "$tmp/drop-replaced" > "$tmp/drop"

# a duplicated member name whose copies disagree cannot be deleted by name safely
sort "$tmp/members" | uniq -d > "$tmp/dupnames"
while read -r dup; do
  [ -n "$dup" ] || continue
  if awk -v d="$dup" '$2 == d { found = 1 } END { exit !found }' "$tmp/drop"; then
    echo "filter-top-half: member name '$dup' occurs more than once and one copy must be dropped;" >&2
    echo "  deleting by name is ambiguous. Extend this script (ar xN) before going on." >&2
    exit 1
  fi
done < "$tmp/dupnames"

cp "$in" "$tmp/libtop.a"
awk '{print $2}' "$tmp/drop" > "$tmp/dropped.txt"
if [ -s "$tmp/dropped.txt" ]; then
  # names are unique among dropped members (checked above)
  xargs "$AR" d "$tmp/libtop.a" < "$tmp/dropped.txt"
fi
if [ "${KEEP_DEBUG:-0}" != 1 ]; then
  "$OBJCOPY" --strip-debug "$tmp/libtop.a"
fi
"$AR" s "$tmp/libtop.a"

# what the kept members need and do not define
awk 'NR == FNR { d[$1] = 1; next } !($1 in d)' "$tmp/drop" "$tmp/syms" > "$tmp/kept"
awk '$3 != "U" && $3 ~ /^[A-Z]$/ { print $3, $4, $2 }' "$tmp/kept" | sort -k2 > "$tmp/defined.txt"
awk '$3 != "U" { print $4 }' "$tmp/kept" | sort -u > "$tmp/def"
awk '$3 == "U" { print $4 }' "$tmp/kept" | sort -u > "$tmp/undef"
grep -v '^#' "$linker_syms" | sed '/^$/d' | sort -u > "$tmp/linker"
printf '%s\n' main __main_argc_argv | sort -u > "$tmp/user"
: > "$tmp/rt"
if [ -n "$builtins" ]; then
  "$NM" --defined-only "$builtins" | awk 'NF == 3 && $2 ~ /^[A-Z]$/ { print $3 }' | sort -u > "$tmp/rt"
fi
comm -23 "$tmp/undef" "$tmp/def" > "$tmp/missing"
{
  comm -12 "$tmp/missing" "$tmp/linker" | sed 's/^/linker /'
  comm -12 "$tmp/missing" "$tmp/rt" | sed 's/^/compiler-rt /'
  comm -12 "$tmp/missing" "$tmp/user" | sed 's/^/user-program /'
} > "$tmp/elsewhere.txt"
comm -23 "$tmp/missing" "$tmp/linker" | comm -23 - "$tmp/rt" | comm -23 - "$tmp/user" > "$tmp/needed.txt"

kept=$(( nmembers - $(wc -l < "$tmp/dropped.txt") ))
kept_actual=$("$AR" t "$tmp/libtop.a" | wc -l)
if [ "$kept" -ne "$kept_actual" ]; then
  echo "filter-top-half: expected $kept members in libtop.a, found $kept_actual" >&2
  exit 1
fi

mv "$tmp/dropped.txt" "$tmp/replaced.txt" "$tmp/needed.txt" "$tmp/defined.txt" "$tmp/elsewhere.txt" "$out/"
mv "$tmp/libtop.a" "$out/libtop.a"
echo "filter-top-half: $nmembers members, dropped $(wc -l < "$out/dropped.txt")" \
     "($(wc -l < "$tmp/drop-preview1") preview1, $(wc -l < "$tmp/drop-replaced") replaced), kept $kept;" \
     "$(wc -l < "$out/needed.txt") symbols needed from the bottom half (see $out/needed.txt)"
