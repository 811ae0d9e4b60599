// Our test program for the libpq port (PostgreSQL's own regression suite needs a server
// built for the target; the client library is what runs in a component). Against a real
// server on 127.0.0.1: connect, prepared statements, COPY in and out of 100,000 rows, error
// reporting with SQLSTATEs, transactions, and the asynchronous API over select() on
// PQsocket(). Usage: libpq_check "host=127.0.0.1 port=N dbname=postgres user=U" BADPORT
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

static int failures, checks;
#define CHECK(cond, ...) do { checks++; if (cond) { printf("ok   "); } else { failures++; printf("FAIL "); } \
  printf(__VA_ARGS__); printf("\n"); } while (0)

static PGresult *run(PGconn *c, const char *sql) { return PQexec(c, sql); }

static const char *sqlstate(const PGresult *r) {
  const char *s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
  return s ? s : "";
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: libpq_check CONNINFO BADPORT\n"); return 2; }
  PGconn *c = PQconnectdb(argv[1]);
  CHECK(PQstatus(c) == CONNECTION_OK, "connect: %s", PQstatus(c) == CONNECTION_OK ? "ok" : PQerrorMessage(c));
  if (PQstatus(c) != CONNECTION_OK) return 1;
  CHECK(PQserverVersion(c) >= 150000, "server version %d", PQserverVersion(c));
  CHECK(PQisthreadsafe() == 1, "PQisthreadsafe() = %d (a thread-safe build)", PQisthreadsafe());

  PGresult *r = run(c, "DROP TABLE IF EXISTS pt; CREATE TABLE pt(id int PRIMARY KEY, name text, v float8)");
  CHECK(PQresultStatus(r) == PGRES_COMMAND_OK, "create table: %s", PQresStatus(PQresultStatus(r)));
  PQclear(r);

  // prepared statement, 1,000 executions with text parameters
  r = PQprepare(c, "ins", "INSERT INTO pt VALUES ($1, $2, $3)", 3, NULL);
  CHECK(PQresultStatus(r) == PGRES_COMMAND_OK, "prepare");
  PQclear(r);
  int ok = 0;
  for (int i = 1; i <= 1000; i++) {
    char id[16], name[32], v[32];
    snprintf(id, sizeof id, "%d", i);
    snprintf(name, sizeof name, "row-%d", i);
    snprintf(v, sizeof v, "%d.25", i);
    const char *params[3] = { id, name, v };
    r = PQexecPrepared(c, "ins", 3, params, NULL, NULL, 0);
    ok += PQresultStatus(r) == PGRES_COMMAND_OK && strcmp(PQcmdTuples(r), "1") == 0;
    PQclear(r);
  }
  CHECK(ok == 1000, "1,000 prepared inserts (%d ok)", ok);
  r = run(c, "SELECT count(*), sum(v), max(name) FROM pt");
  CHECK(PQresultStatus(r) == PGRES_TUPLES_OK && strcmp(PQgetvalue(r, 0, 0), "1000") == 0 &&
        strcmp(PQgetvalue(r, 0, 1), "500750") == 0 && strcmp(PQgetvalue(r, 0, 2), "row-999") == 0,
        "aggregate over prepared rows: %s %s %s", PQgetvalue(r, 0, 0), PQgetvalue(r, 0, 1), PQgetvalue(r, 0, 2));
  PQclear(r);

  // COPY IN of 100,000 rows in chunks
  r = run(c, "CREATE TEMP TABLE big(a int, b text)");
  PQclear(r);
  r = run(c, "COPY big FROM STDIN");
  CHECK(PQresultStatus(r) == PGRES_COPY_IN, "COPY FROM STDIN starts");
  PQclear(r);
  char buf[8192];
  size_t n = 0;
  int put_ok = 1;
  for (int i = 0; i < 100000; i++) {
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%d\tvalue %d\n", i, i * 7);
    if (n > sizeof buf - 64 || i == 99999) { put_ok &= PQputCopyData(c, buf, (int)n) == 1; n = 0; }
  }
  put_ok &= PQputCopyEnd(c, NULL) == 1;
  r = PQgetResult(c);
  CHECK(put_ok && PQresultStatus(r) == PGRES_COMMAND_OK && strcmp(PQcmdTuples(r), "100000") == 0,
        "COPY in of 100,000 rows: %s", PQcmdTuples(r));
  PQclear(r);
  while ((r = PQgetResult(c))) PQclear(r);
  r = run(c, "SELECT count(*), sum(a::bigint), sum(length(b)) FROM big");
  CHECK(strcmp(PQgetvalue(r, 0, 0), "100000") == 0 && strcmp(PQgetvalue(r, 0, 1), "4999950000") == 0,
        "rows arrived intact: %s rows, sum %s", PQgetvalue(r, 0, 0), PQgetvalue(r, 0, 1));
  PQclear(r);

  // COPY OUT of the same rows
  r = run(c, "COPY (SELECT a, b FROM big ORDER BY a) TO STDOUT");
  CHECK(PQresultStatus(r) == PGRES_COPY_OUT, "COPY TO STDOUT starts");
  PQclear(r);
  long long rows = 0, sum = 0, bad = 0;
  char *line;
  int len;
  while ((len = PQgetCopyData(c, &line, 0)) > 0) {
    int a = atoi(line);
    char expect[64];
    snprintf(expect, sizeof expect, "%d\tvalue %d\n", a, a * 7);
    bad += a != rows || strcmp(line, expect) != 0;
    rows++;
    sum += a;
    PQfreemem(line);
  }
  r = PQgetResult(c);
  CHECK(len == -1 && rows == 100000 && sum == 4999950000LL && bad == 0 && PQresultStatus(r) == PGRES_COMMAND_OK,
        "COPY out of 100,000 rows: %lld rows, %lld wrong", rows, bad);
  PQclear(r);
  while ((r = PQgetResult(c))) PQclear(r);

  // errors carry their SQLSTATE and the connection survives them
  r = run(c, "SELEC 1");
  CHECK(PQresultStatus(r) == PGRES_FATAL_ERROR && strcmp(sqlstate(r), "42601") == 0, "syntax error -> %s", sqlstate(r));
  PQclear(r);
  r = run(c, "INSERT INTO pt VALUES (1, 'dup', 0)");
  CHECK(PQresultStatus(r) == PGRES_FATAL_ERROR && strcmp(sqlstate(r), "23505") == 0, "unique violation -> %s", sqlstate(r));
  PQclear(r);
  r = run(c, "SELECT 1/0");
  CHECK(PQresultStatus(r) == PGRES_FATAL_ERROR && strcmp(sqlstate(r), "22012") == 0, "division by zero -> %s", sqlstate(r));
  PQclear(r);

  // a rolled-back transaction leaves no trace
  PQclear(run(c, "BEGIN"));
  PQclear(run(c, "DELETE FROM pt"));
  PQclear(run(c, "ROLLBACK"));
  r = run(c, "SELECT count(*) FROM pt");
  CHECK(strcmp(PQgetvalue(r, 0, 0), "1000") == 0, "rollback keeps the rows: %s", PQgetvalue(r, 0, 0));
  PQclear(r);

  // the asynchronous API, waiting in select() on the connection's socket
  CHECK(PQsetnonblocking(c, 1) == 0, "PQsetnonblocking");
  CHECK(PQsendQuery(c, "SELECT pg_sleep(0.2), 42") == 1, "PQsendQuery");
  int waits = 0;
  while (PQisBusy(c)) {
    fd_set rd;
    FD_ZERO(&rd);
    FD_SET(PQsocket(c), &rd);
    struct timeval tv = { 5, 0 };
    if (select(PQsocket(c) + 1, &rd, NULL, NULL, &tv) <= 0) break;
    waits++;
    if (!PQconsumeInput(c)) break;
  }
  r = PQgetResult(c);
  CHECK(r && PQresultStatus(r) == PGRES_TUPLES_OK && strcmp(PQgetvalue(r, 0, 1), "42") == 0 && waits >= 1,
        "async query after %d select() waits", waits);
  PQclear(r);
  while ((r = PQgetResult(c))) PQclear(r);
  PQfinish(c);

  // a port nobody listens on: refused, with the message libpq builds from errno
  char bad_info[256];
  snprintf(bad_info, sizeof bad_info, "host=127.0.0.1 port=%s dbname=postgres connect_timeout=5", argv[2]);
  PGconn *b = PQconnectdb(bad_info);
  CHECK(PQstatus(b) == CONNECTION_BAD && strstr(PQerrorMessage(b), "refused") != NULL,
        "closed port: %s", strtok(PQerrorMessage(b), "\n"));
  PQfinish(b);

  printf("%d/%d checks passed\n", checks - failures, checks);
  return failures != 0;
}
