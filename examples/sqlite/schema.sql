-- Tables and an index for the SQLite test and demo (examples/sqlite/README.md).
PRAGMA journal_mode = DELETE;   -- rollback journal (WAL is compiled out for WASI by SQLite itself)
CREATE TABLE IF NOT EXISTS bench(id INTEGER PRIMARY KEY, name TEXT, score REAL);
CREATE TABLE IF NOT EXISTS notes(id INTEGER PRIMARY KEY, body TEXT NOT NULL);
