#!/usr/bin/env bash
# SQLite: the sqlite3 shell from Debian's source tree, running a SQL battery on a database in a
# preopened directory (transactions and rollback, indexes, a 100,000-row insert, integrity
# check, reopen), each answer compared with the native shell built from the same tree.
# The amalgamation (sqlite3.c, shell.c) is generated natively by the tree's own configure and
# make, as SQLite documents for cross builds; the compile options are SQLite's documented ones
# for a platform without dynamic loading.
# source: sqlite3
# needs: tcl
set -euo pipefail
src=$1 work=$2
mkdir -p "$work/bld" && cd "$work/bld"
"$src/configure" --disable-tcl --disable-readline > configure.log
make -j2 sqlite3.c shell.c > make.log
wasip2-cc -O2 -DSQLITE_OMIT_LOAD_EXTENSION shell.c sqlite3.c -o sqlite3.wasm
gcc -O2 -DSQLITE_OMIT_LOAD_EXTENSION shell.c sqlite3.c -o sqlite3-native -lm -lpthread
echo "built"
passed=0 total=0
t() { total=$((total + 1)); if "$@"; then passed=$((passed + 1)); else echo "failed: $*"; fi; }
mkdir -p wasm native
battery() { # $1: runner prefix, $2: db path
  cat <<'SQL'
PRAGMA journal_mode=DELETE;
CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL, grp INTEGER);
BEGIN;
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 100000)
INSERT INTO t(name, score, grp) SELECT 'name-' || x, x * 0.5, x % 97 FROM c;
COMMIT;
SELECT count(*), sum(score), min(name), max(grp) FROM t;
CREATE INDEX t_grp ON t(grp, score);
SELECT grp, count(*), round(avg(score), 3) FROM t WHERE grp IN (3, 50, 96) GROUP BY grp ORDER BY grp;
EXPLAIN QUERY PLAN SELECT * FROM t WHERE grp = 5;
BEGIN; DELETE FROM t WHERE grp = 7; SELECT count(*) FROM t; ROLLBACK;
SELECT count(*) FROM t WHERE grp = 7;
SAVEPOINT a; UPDATE t SET score = -1 WHERE id < 10; RELEASE a;
SELECT sum(score < 0) FROM t;
PRAGMA integrity_check;
SQL
}
battery > battery.sql
printf 'SELECT count(*), sum(score) FROM t;\nPRAGMA integrity_check;\nSELECT page_count > 0 FROM pragma_page_count();\n' > reopen.sql
t sh -c 'wasip2-run --dir ./wasm::/d ./sqlite3.wasm /d/test.db < battery.sql > wasm.out 2>&1'
t sh -c './sqlite3-native native/test.db < battery.sql > native.out 2>&1'
t cmp wasm.out native.out
t grep -qx ok wasm.out
t sh -c 'wasip2-run --dir ./wasm::/d ./sqlite3.wasm /d/test.db < reopen.sql > wasm2.out && ./sqlite3-native native/test.db < reopen.sql > native2.out && cmp wasm2.out native2.out'
# the database file the guest wrote is one the native library reads
t sh -c 'echo "PRAGMA integrity_check; SELECT count(*) FROM t;" | ./sqlite3-native wasm/test.db | tr "\n" " " | grep -x "ok 100000 " >/dev/null'
# the shell's dot-commands over files in the preopen: CSV import and dump
t sh -c 'printf "a,b\n1,x\n2,y\n" > wasm/in.csv && wasip2-run --dir ./wasm::/d ./sqlite3.wasm /d/csv.db ".import --csv /d/in.csv c" "SELECT sum(a) || group_concat(b) FROM c;" | grep -x "3x,y" >/dev/null'
echo "built; $passed/$total tests passed"
[ $passed = $total ]
