// localtime/mktime/strftime/tzset with POSIX TZ strings (src/time/tz.c):
// CET/CEST with M rules and a /3 end time, US default rules (EST5EDT), a
// southern-hemisphere zone, a quoted name, all-year DST, UTC0, and names we
// cannot resolve (zoneinfo names) falling back to UTC.  The expected values
// were checked against glibc on Linux (this file also builds natively).
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "check.h"

static char out[128];
// localtime of t formatted as "Y-m-d H:M:S Z z isdst"
static const char *loc(time_t t) {
  struct tm tm;
  if (!localtime_r(&t, &tm)) return "localtime failed";
  char buf[100];
  strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %Z %z", &tm);
  snprintf(out, sizeof out, "%s %d", buf, tm.tm_isdst);
  return out;
}


static time_t mk(int y, int mo, int d, int h, int mi, int s, int isdst) {
  struct tm tm = {0};
  tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d;
  tm.tm_hour = h, tm.tm_min = mi, tm.tm_sec = s, tm.tm_isdst = isdst;
  return mktime(&tm);
}

// glibc's localtime_r reads TZ only in tzset; ours re-reads it on every call
// (checked separately below), but set it both ways for the native check.
static void settz(const char *tz) {
  setenv("TZ", tz, 1);
  tzset();
}

int main(void) {
  unsetenv("TZ");
  tzset();
  CHECK_STR(loc(0), "1970-01-01 00:00:00 UTC +0000 0");
  CHECK(timezone == 0 && daylight == 0);

  // Central Europe: DST from the last Sunday of March 02:00 CET to the last
  // Sunday of October 03:00 CEST.  2024: March 31 and October 27.
  settz("CET-1CEST,M3.5.0,M10.5.0/3");
  tzset();
  CHECK(!strcmp(tzname[0], "CET") && !strcmp(tzname[1], "CEST"));
  CHECK(timezone == -3600 && daylight == 1);
  CHECK_STR(loc(1705320000), "2024-01-15 13:00:00 CET +0100 0");
  CHECK_STR(loc(1719835200), "2024-07-01 14:00:00 CEST +0200 1");
  CHECK_STR(loc(1711846799), "2024-03-31 01:59:59 CET +0100 0");
  CHECK_STR(loc(1711846800), "2024-03-31 03:00:00 CEST +0200 1");
  CHECK_STR(loc(1729990799), "2024-10-27 02:59:59 CEST +0200 1");
  CHECK_STR(loc(1729990800), "2024-10-27 02:00:00 CET +0100 0");
  CHECK(mk(2024, 7, 1, 14, 0, 0, -1) == 1719835200);
  CHECK(mk(2024, 1, 15, 13, 0, 0, -1) == 1705320000);
  // An explicit tm_isdst that contradicts the date is honoured (POSIX):
  // 14:00 "standard time" in July is 13:00 UTC.
  CHECK(mk(2024, 7, 1, 14, 0, 0, 0) == 1719835200 + 3600);
  // The ambiguous hour after the end: tm_isdst picks the reading.
  CHECK(mk(2024, 10, 27, 2, 30, 0, 1) == 1729990800 - 1800);
  CHECK(mk(2024, 10, 27, 2, 30, 0, 0) == 1729990800 + 1800);
  // A time in the skipped hour is normalised forward to a real one.
  {
    struct tm tm = {0};
    tm.tm_year = 124, tm.tm_mon = 2, tm.tm_mday = 31, tm.tm_hour = 2, tm.tm_min = 30, tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    CHECK(t == 1711848600 && tm.tm_hour == 3 && tm.tm_min == 30 && tm.tm_isdst == 1);
  }
  // Other years: 2021 ended October 31, began March 28.
  CHECK_STR(loc(1616893200), "2021-03-28 03:00:00 CEST +0200 1");
  CHECK_STR(loc(1635642000), "2021-10-31 02:00:00 CET +0100 0");

  // US Eastern with the default rules (second Sunday of March, first of
  // November, 02:00): 2024-03-10 and 2024-11-03.
  settz("EST5EDT");
  CHECK_STR(loc(1710053999), "2024-03-10 01:59:59 EST -0500 0");
  CHECK_STR(loc(1710054000), "2024-03-10 03:00:00 EDT -0400 1");
  CHECK_STR(loc(1730613599), "2024-11-03 01:59:59 EDT -0400 1");
  CHECK_STR(loc(1730613600), "2024-11-03 01:00:00 EST -0500 0");
  tzset();
  CHECK(timezone == 18000 && daylight == 1);
  CHECK(!strcmp(ctime(&(time_t){1719835200}), "Mon Jul  1 08:00:00 2024\n"));

  // Southern hemisphere: DST spans the new year.
  settz("AEST-10AEDT,M10.1.0,M4.1.0/3");
  CHECK_STR(loc(1705276800), "2024-01-15 11:00:00 AEDT +1100 1");
  CHECK_STR(loc(1719792000), "2024-07-01 10:00:00 AEST +1000 0");
  CHECK(mk(2024, 1, 15, 11, 0, 0, -1) == 1705276800);

  // Quoted names, half-hour offsets, explicit DST offset, J and n rules.
  settz("<+0330>-3:30");
  CHECK_STR(loc(0), "1970-01-01 03:30:00 +0330 +0330 0");
  settz("NST3:30NDT2:30,J60/2,300");
  // J60 is March 1 even in a leap year; the change is at 02:00 NST.
  CHECK_STR(loc(1709270999), "2024-03-01 01:59:59 NST -0330 0");
  CHECK_STR(loc(1709271000), "2024-03-01 03:00:00 NDT -0230 1");
  CHECK_STR(loc(1709256600), "2024-02-29 22:00:00 NST -0330 0");
  // All-year DST (RFC 8536 style: day 0 at 00:00 to Dec 31 at 25:00).
  settz("EST5EDT,0/0,J365/25");
  CHECK_STR(loc(1719835200), "2024-07-01 08:00:00 EDT -0400 1");
  CHECK_STR(loc(1705320000), "2024-01-15 08:00:00 EDT -0400 1");

  settz("UTC0");
  CHECK_STR(loc(1719835200), "2024-07-01 12:00:00 UTC +0000 0");
  settz("JST-9");
  CHECK_STR(loc(0), "1970-01-01 09:00:00 JST +0900 0");

#ifdef __wasm__
  // No zoneinfo here: names that are not POSIX TZ strings mean UTC.
  const char *unknown[] = {"Europe/Berlin", ":Europe/Berlin", "EST", "", "EST+1x"};
  for (int i = 0; i < 5; i++) {
    setenv("TZ", unknown[i], 1);
    tzset();
    CHECK_STR(loc(1719835200), "2024-07-01 12:00:00 UTC +0000 0");
    CHECK(timezone == 0 && daylight == 0 && !strcmp(tzname[0], "UTC"));
  }
#endif

#ifdef __wasm__
  // localtime notices a changed TZ without a tzset call (POSIX: it behaves
  // as if tzset had been called).
  setenv("TZ", "JST-9", 1);
  CHECK_STR(loc(0), "1970-01-01 09:00:00 JST +0900 0");
  setenv("TZ", "EST5", 1);
  CHECK_STR(loc(0), "1969-12-31 19:00:00 EST -0500 0");
#endif

  // gmtime is untouched by TZ.
  settz("CET-1CEST,M3.5.0,M10.5.0/3");
  struct tm g;
  char buf[64];
  gmtime_r(&(time_t){1719835200}, &g);
  strftime(buf, sizeof buf, "%H:%M %Z", &g);
  CHECK(!strcmp(buf, "12:00 UTC") || !strcmp(buf, "12:00 GMT"));

  if (check_failures) return 1;
  printf("tz ok\n");
  return CHECK_DONE();
}
