#!/usr/bin/env bash
# Lua 5.4: the stock makefile with only CC= set (setjmp/longjmp need no flags: the target's
# default options lower them), the interpreter's and compiler's components checked for the
# standard exception-handling encoding only, then Lua code exercising error recovery (pcall,
# error, xpcall, errors inside coroutines, deep recursion caught as "stack overflow"), each
# output compared with the host's own build of the same sources.
# source: lua5.4
# needs: gcc make
set -euo pipefail
src=$1 work=$2
# Debian's tree adds a multiarch header to luaconf.h the cross build cannot find: the upstream
# tarball's src/ is the pristine one
origs=("$src"/../lua5.4_*.orig.tar.gz)
orig=; [ -f "${origs[0]}" ] && orig=${origs[0]}
mkdir -p "$work/w" "$work/native"
if [ -n "$orig" ]; then tar -xzf "$orig" -C "$work/w" --strip-components=1; else cp -R "$src/." "$work/w"; fi
cp -R "$work/w/." "$work/native"
make -C "$work/w/src" posix CC=wasip2-cc AR="llvm-ar-22 rcu" RANLIB=llvm-ranlib-22 > "$work/make.log" 2>&1
make -C "$work/native/src" posix > "$work/native.log" 2>&1
echo "built"
passed=0 total=0
t() { total=$((total + 1)); if "$@"; then passed=$((passed + 1)); else echo "failed: $*"; fi; }
# no legacy try/catch/delegate/rethrow in either component, exception tags present
t node "$PORTS_ROOT/tools/lib/eh-scan.mjs" "$work/w/src/lua" "$work/w/src/luac"
node "$PORTS_ROOT/tools/lib/eh-scan.mjs" "$work/w/src/lua" > "$work/scan.json" || true
t grep -q '"tagSection":true' "$work/scan.json"
if [ -x "$HOME/.cargo/bin/wasm-tools" ]; then
  for p in lua luac; do t "$HOME/.cargo/bin/wasm-tools" validate --features=wasm3,component-model "$work/w/src/$p"; done
fi
cat > "$work/errors.lua" <<'LUA'
print(pcall(error, "plain"))
local ok, e = pcall(error, {code = 7}); print(ok, e.code)
print(select(2, pcall(function() local t = nil; return t.x end)))
print(xpcall(function() error("deep", 2) end, function(m) return "handled: " .. m end))
local co = coroutine.create(function() coroutine.yield(1); error("in coroutine") end)
print(coroutine.resume(co)); print(coroutine.resume(co))
local function rec(n) return rec(n + 1) + 1 end
local ok, msg = pcall(rec, 1); print(ok, (msg:gsub("^.-:%d+: ", "")))
local depth = 0
local function nest(n) if n == 0 then error("bottom") end
  local ok, e = pcall(nest, n - 1); depth = depth + 1; error(e, 0) end
print(pcall(nest, 150), depth)
local s = 0; for i = 1, 10000 do if not pcall(error, i) then s = s + i end end; print(s)
LUA
# the same script path in both runs: it is part of the error messages
wasip2-run --dir "$work::/w" "$work/w/src/lua" /w/errors.lua > "$work/wasm.out" 2>&1 || true
sed -i 's#/w/errors.lua#errors.lua#g' "$work/wasm.out"
(cd "$work" && ./native/src/lua errors.lua) > "$work/native.out" 2>&1 || true
t cmp "$work/wasm.out" "$work/native.out"
echo 'print(string.format("%d", 6 * 7))' > "$work/p.lua"
t sh -c "wasip2-run --dir '$work::/w' '$work/w/src/luac' -o /w/p.luac /w/p.lua && [ \"\$(wasip2-run --dir '$work::/w' '$work/w/src/lua' /w/p.luac)\" = 42 ]"
echo "built; $passed/$total tests passed"
[ $passed = $total ]
