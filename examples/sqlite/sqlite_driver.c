// A small driver for the unmodified SQLite amalgamation: runs SQL scripts against a database
// file and prints result rows ("a|b|c", NULL as empty), like `sqlite3 -batch`.  Builds the same
// way natively (gcc) and for wasm32-wasip2, so the two can be timed against each other.
//
//   sqlite_driver DB [ARG...]     ARG, in order:
//     FILE.sql             run the script in FILE
//     -e SQL               run SQL given inline
//     --insert N           insert N rows into bench(id INTEGER PRIMARY KEY, name TEXT, score REAL)
//                          with one prepared statement inside one transaction; prints the time
//     --reopen             close the database and open it again (tests durability)
// Exit status 1 on the first SQL error (message on stderr).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "sqlite3.h"

static const char *db_path;

static int print_row(void *unused, int n, char **vals, char **names) {
  (void)unused; (void)names;
  for (int i = 0; i < n; i++) printf("%s%s", i ? "|" : "", vals[i] ? vals[i] : "");
  putchar('\n');
  return 0;
}

static int run_sql(sqlite3 *db, const char *sql, const char *where) {
  char *err = NULL;
  if (sqlite3_exec(db, sql, print_row, NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "sqlite_driver: %s: %s\n", where, err ? err : sqlite3_errmsg(db));
    sqlite3_free(err);
    return -1;
  }
  return 0;
}

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); return NULL; }
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  size_t n;
  while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
    len += n;
    if (cap - len < 2) { char *b = realloc(buf, cap *= 2); if (!b) { free(buf); buf = NULL; } else buf = b; }
  }
  fclose(f);
  if (buf) buf[len] = 0;
  return buf;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// The benchmark: N single-row INSERTs through one prepared statement in one transaction, the
// usual way an application loads data.
static int insert_rows(sqlite3 *db, long n) {
  sqlite3_stmt *st = NULL;
  double t0 = now_ms();
  if (run_sql(db, "CREATE TABLE IF NOT EXISTS bench(id INTEGER PRIMARY KEY, name TEXT, score REAL); BEGIN;", "--insert") < 0) return -1;
  if (sqlite3_prepare_v2(db, "INSERT INTO bench(name, score) VALUES(?1, ?2)", -1, &st, NULL) != SQLITE_OK) {
    fprintf(stderr, "sqlite_driver: prepare: %s\n", sqlite3_errmsg(db));
    return -1;
  }
  char name[32];
  for (long i = 0; i < n; i++) {
    snprintf(name, sizeof name, "name-%ld", i * 7919 % n);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(st, 2, (double)(i % 1000) / 10.0);
    if (sqlite3_step(st) != SQLITE_DONE) {
      fprintf(stderr, "sqlite_driver: insert %ld: %s\n", i, sqlite3_errmsg(db));
      sqlite3_finalize(st);
      return -1;
    }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  if (run_sql(db, "COMMIT;", "--insert") < 0) return -1;
  printf("inserted %ld rows in %.1f ms\n", n, now_ms() - t0);
  return 0;
}

static sqlite3 *open_db(void) {
  sqlite3 *db = NULL;
  if (sqlite3_open(db_path, &db) != SQLITE_OK) {
    fprintf(stderr, "sqlite_driver: cannot open %s: %s\n", db_path, db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return NULL;
  }
  return db;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: sqlite_driver DB [FILE.sql | -e SQL | --insert N | --reopen]...\n");
    return 2;
  }
  db_path = argv[1];
  sqlite3 *db = open_db();
  if (!db) return 1;
  int rc = 0;
  for (int i = 2; i < argc && rc == 0; i++) {
    if (strcmp(argv[i], "-e") == 0 && i + 1 < argc) {
      rc = run_sql(db, argv[++i], "-e");
    } else if (strcmp(argv[i], "--insert") == 0 && i + 1 < argc) {
      rc = insert_rows(db, atol(argv[++i]));
    } else if (strcmp(argv[i], "--reopen") == 0) {
      if (sqlite3_close(db) != SQLITE_OK) { fprintf(stderr, "sqlite_driver: close: %s\n", sqlite3_errmsg(db)); return 1; }
      db = open_db();
      if (!db) return 1;
    } else {
      char *sql = read_file(argv[i]);
      rc = sql ? run_sql(db, sql, argv[i]) : -1;
      free(sql);
    }
  }
  if (sqlite3_close(db) != SQLITE_OK) {
    fprintf(stderr, "sqlite_driver: close: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  return rc ? 1 : 0;
}
