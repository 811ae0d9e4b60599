// Time zones from a POSIX TZ string, replacing Debian's __tz.o (a UTC-only
// stub without tzset; see tools/replaced-members.txt).
//
// The top half's localtime_r/mktime/strftime call three helpers that __tz.o
// used to define, so this file provides the same three with the same
// signatures: __secs_to_zone, __tm_to_tzname and the "UTC" string __utc
// (gmtime_r/timegm point tm_zone at it).  Plus the public tzset, tzname,
// timezone and daylight.
//
// TZ syntax (POSIX.1-2024, 8.3):  std offset [dst [offset] [,start[/time],end[/time]]]
//   names: 3+ letters, or <...> of letters, digits, '+' and '-'
//   offset: [+-]hh[:mm[:ss]], positive WEST of Greenwich; dst defaults to std - 1 h
//   start/end: Jn (1..365, Feb 29 never counted), n (0..365), Mm.w.d
//   (month, week 1..5 with 5 = last, weekday 0 = Sunday); time [+-]hhh[:mm[:ss]],
//   default 02:00:00, in the local time in force before the change.
// No zoneinfo database exists in a sandbox: TZ unset or empty, a leading ':',
// an Olson name such as "Europe/Berlin" and anything else that does not parse
// give UTC (named "UTC").  A dst part without rules uses the US rules
// (M3.2.0,M11.1.0), as other libcs do.
//
// TZ is looked up on every conversion (localtime must act as if tzset ran),
// and parsed again only when its text changed.
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "wasip2_top.h"

const char __utc[] = "UTC";

char *tzname[2] = {(char *)__utc, (char *)__utc};
long timezone;
int daylight;

// A transition rule: kind 'J' (n = 1..365), 'N' (n = 0..365) or 'M'.
struct rule {
  char kind;
  int n, m, w, d;
  long time;  // seconds after local midnight (may be negative or > 24 h)
};

// The zone in force.  Offsets are seconds EAST of UTC (tm_gmtoff's sign).
static struct zone {
  char std_name[24], dst_name[24];
  long std_off, dst_off;
  int has_dst;
  struct rule start, end;
} zone;
static int zone_is_utc = 1;

// The TZ text the zone was parsed from; longer ones are parsed every time.
static char parsed_tz[128];
static int parsed_valid;

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

static int parse_name(const char **pp, char *out, size_t cap) {
  const char *p = *pp;
  size_t n = 0;
  if (*p == '<') {
    for (p++; *p && *p != '>'; p++) {
      if (!is_alpha(*p) && !is_digit(*p) && *p != '+' && *p != '-') return -1;
      if (n + 1 >= cap) return -1;
      out[n++] = *p;
    }
    if (*p != '>') return -1;
    p++;
  } else {
    for (; is_alpha(*p); p++) {
      if (n + 1 >= cap) return -1;
      out[n++] = *p;
    }
  }
  if (n < 3) return -1;
  out[n] = 0;
  *pp = p;
  return 0;
}

// [+-]h[h...][:mm[:ss]] with at most max_h hours; seconds, sign applied.
static int parse_hms(const char **pp, long max_h, long *out) {
  const char *p = *pp;
  int neg = 0;
  if (*p == '+' || *p == '-') neg = *p++ == '-';
  if (!is_digit(*p)) return -1;
  long h = 0, m = 0, s = 0;
  for (int i = 0; is_digit(*p); i++, p++) {
    if (i == 3) return -1;
    h = h * 10 + (*p - '0');
  }
  if (h > max_h) return -1;
  if (*p == ':') {
    p++;
    if (!is_digit(p[0]) || !is_digit(p[1])) return -1;
    m = (p[0] - '0') * 10 + (p[1] - '0');
    p += 2;
    if (m > 59) return -1;
    if (*p == ':') {
      p++;
      if (!is_digit(p[0]) || !is_digit(p[1])) return -1;
      s = (p[0] - '0') * 10 + (p[1] - '0');
      p += 2;
      if (s > 59) return -1;
    }
  }
  long v = h * 3600 + m * 60 + s;
  *out = neg ? -v : v;
  *pp = p;
  return 0;
}

static int parse_num(const char **pp, int lo, int hi, int *out) {
  const char *p = *pp;
  if (!is_digit(*p)) return -1;
  long v = 0;
  while (is_digit(*p)) {
    v = v * 10 + (*p++ - '0');
    if (v > hi) return -1;
  }
  if (v < lo) return -1;
  *out = (int)v;
  *pp = p;
  return 0;
}

static int parse_rule(const char **pp, struct rule *r) {
  const char *p = *pp;
  if (*p == 'J') {
    p++;
    r->kind = 'J';
    if (parse_num(&p, 1, 365, &r->n)) return -1;
  } else if (*p == 'M') {
    p++;
    r->kind = 'M';
    if (parse_num(&p, 1, 12, &r->m) || *p++ != '.' || parse_num(&p, 1, 5, &r->w) ||
        *p++ != '.' || parse_num(&p, 0, 6, &r->d))
      return -1;
  } else {
    r->kind = 'N';
    if (parse_num(&p, 0, 365, &r->n)) return -1;
  }
  r->time = 7200;
  // Rule times may run from -167 h to +167 h (RFC 8536's extension, which
  // POSIX.1-2024 adopted) so "all year DST" can be spelled.
  if (*p == '/' && (p++, parse_hms(&p, 167, &r->time))) return -1;
  *pp = p;
  return 0;
}

// Parse a whole TZ string into *z; -1 if it is not a POSIX TZ string.
static int parse_tz(const char *p, struct zone *z) {
  long off;
  memset(z, 0, sizeof *z);
  if (parse_name(&p, z->std_name, sizeof z->std_name) || parse_hms(&p, 24, &off)) return -1;
  z->std_off = -off;
  if (!*p) return 0;
  if (parse_name(&p, z->dst_name, sizeof z->dst_name)) return -1;
  z->has_dst = 1;
  z->dst_off = z->std_off + 3600;
  if (*p && *p != ',') {
    if (parse_hms(&p, 24, &off)) return -1;
    z->dst_off = -off;
  }
  if (!*p) {
    // No rules given: the US rules since 2007, as glibc and musl assume.
    z->start = (struct rule){'M', 0, 3, 2, 0, 7200};
    z->end = (struct rule){'M', 0, 11, 1, 0, 7200};
    return 0;
  }
  if (*p++ != ',' || parse_rule(&p, &z->start) || *p++ != ',' || parse_rule(&p, &z->end) || *p)
    return -1;
  return 0;
}

static void do_tzset(void) {
  const char *tz = getenv("TZ");
  if (!tz) tz = "";
  size_t len = strlen(tz);
  if (parsed_valid && len < sizeof parsed_tz && !strcmp(tz, parsed_tz)) return;
  if (len < sizeof parsed_tz) {
    memcpy(parsed_tz, tz, len + 1);
    parsed_valid = 1;
  } else {
    parsed_valid = 0;
  }
  struct zone z;
  if (*tz == ':' || parse_tz(tz, &z)) {
    // Unset, empty, a zoneinfo name we cannot read, or garbage: UTC.
    zone_is_utc = 1;
    tzname[0] = tzname[1] = (char *)__utc;
    timezone = 0;
    daylight = 0;
    return;
  }
  zone = z;
  zone_is_utc = 0;
  tzname[0] = zone.std_name;
  tzname[1] = zone.has_dst ? zone.dst_name : zone.std_name;
  timezone = -zone.std_off;
  daylight = zone.has_dst;
}

void tzset(void) {
  do_tzset();
}

// ---- calendar arithmetic (proleptic Gregorian, days since 1970-01-01) ----

static long long floor_div(long long a, long long b) {
  long long q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int is_leap(long long y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Days from 1970-01-01 to January 1st of year y.
static long long year_start(long long y) {
  long long p = y - 1;
  return 365 * (y - 1970) + (floor_div(p, 4) - 492) - (floor_div(p, 100) - 19) + (floor_div(p, 400) - 4);
}

// The year containing day number `days`.
static long long year_of_day(long long days) {
  long long y = 1970 + days / 365;  // close; step to the exact year
  while (year_start(y) > days) y--;
  while (year_start(y + 1) <= days) y++;
  return y;
}

static const short month_start[2][13] = {
  {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
  {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366},
};

// Day of the year (0-based) on which rule r falls in year y.
static int rule_yday(const struct rule *r, long long y) {
  int leap = is_leap(y);
  switch (r->kind) {
  case 'J':  // 1..365, February 29th never counted
    return r->n - 1 + (leap && r->n >= 60);
  case 'N':
    return r->n;
  default: {
    int first = month_start[leap][r->m - 1];
    int len = month_start[leap][r->m] - first;
    // 1970-01-01 was a Thursday (4).
    int wd_first = (int)((year_start(y) + first + 4) % 7 + 7) % 7;
    int day = (r->d - wd_first + 7) % 7 + 7 * (r->w - 1);
    while (day >= len) day -= 7;  // week 5 = the last such weekday
    return first + day;
  }
  }
}

// UTC instant of rule r in year y, r->time being local time at offset `off`.
static long long rule_instant(const struct rule *r, long long y, long off) {
  return (year_start(y) + rule_yday(r, y)) * 86400LL + r->time - off;
}

// Is UTC instant t inside daylight saving time?
static int in_dst(long long t) {
  long long y = year_of_day(floor_div(t + zone.std_off, 86400));
  long long s = rule_instant(&zone.start, y, zone.std_off);
  long long e = rule_instant(&zone.end, y, zone.dst_off);
  if (s < e) return s <= t && t < e;
  // Southern hemisphere: DST spans the new year.
  return !(e <= t && t < s);
}

// For localtime_r (local == 0: t is UTC) and mktime (local == 1: t is a
// local wall-clock time counted as if it were UTC): whether DST applies,
// the offset east of UTC, the other state's offset (mktime corrects a
// caller-given tm_isdst with it) and the zone's abbreviation.
void __secs_to_zone(long long t, int local, int *isdst, long *offset, long *oppoff, const char **zonename) {
  do_tzset();
  int dst = 0;
  if (!zone_is_utc && zone.has_dst) {
    if (!local) {
      dst = in_dst(t);
    } else if (in_dst(t - zone.std_off)) {
      // Read as standard time it falls in DST: it is DST if reading it as
      // DST agrees; otherwise it lies in the skipped hour, taken as standard.
      dst = in_dst(t - zone.dst_off);
    }
  }
  long std = zone_is_utc ? 0 : zone.std_off;
  long other = zone_is_utc || !zone.has_dst ? std : zone.dst_off;
  *isdst = dst;
  *offset = dst ? other : std;
  if (oppoff) *oppoff = dst ? std : other;
  *zonename = zone_is_utc ? __utc : dst ? zone.dst_name : zone.std_name;
}

// strftime's %Z.  tm_zone is trusted only when it points at one of our
// names (a struct tm filled by hand may hold anything); otherwise the
// current zone's name for tm_isdst, as POSIX describes %Z.
const char *__tm_to_tzname(const struct tm *tm) {
  const char *p = tm->__tm_zone;
  do_tzset();
  if (p == __utc || p == zone.std_name || p == zone.dst_name) return p;
  return tzname[tm->tm_isdst > 0];
}
