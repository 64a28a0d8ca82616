/*
 * irm_time.c - timestamps: parse the forms the sources use into
 * milliseconds since the epoch (UTC) and format them back as RFC 3339 UTC
 * with milliseconds, always 24 characters (DESIGN section 1).
 *
 * Parsing is by hand, since it runs once per record on millions of
 * records: no sscanf, no strptime.  Calendar arithmetic is our own
 * (Howard Hinnant's days_from_civil), so UTC values of any year from 0001
 * to 9999 work whatever the size of time_t and never touch the C
 * library's zone machinery.  Only zone-less values in a zone other than
 * UTC go through mktime(3), and a one-entry cache keyed by the local hour
 * keeps that off the common path.  irm_time_zone_offset gives the offset
 * of any other zone (working hours) by switching TZ for a moment.  The
 * zone and the caches are process state: these functions are not
 * thread-safe.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "irm.h"

#define ISDIGIT(c) ((unsigned)((unsigned char)(c) - '0') < 10u)
#define SECS_DAY 86400

/* How much of a bad value goes into an error message. */

/* Milliseconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z. */
#define MS_MIN (-62135596800000LL)
#define MS_MAX (253402300799999LL)

/* The zone for zone-less values; UTC until irm_time_setzone says else. */
static int zone_utc = 1;
static char zone_name[128] = "UTC";

/*
 * The last local hour converted (local seconds / 3600) and its offset,
 * valid only when the whole hour maps with that one offset.
 */
static int64_t cache_hour = INT64_MIN;
static int64_t cache_off;

/* The fields of one parsed value. */
struct tparse {
	int y, mo, d, h, mi, s, ms;
	int hastime; /* a time of day was given */
	int haszone; /* Z or an offset was given */
	int ampm;    /* 0 none, 1 AM, 2 PM */
	int off;     /* seconds east of UTC, when haszone */
};

/* ---------------------------------------------------------------------
 * Calendar arithmetic.
 */

/*
 * Days since 1970-01-01 of the proleptic Gregorian date y-m-d, with m in
 * 1..12 and d in 1..31 (not checked).  Hinnant's algorithm: count in
 * 400-year eras of 146097 days, with years starting on March 1 so that
 * the leap day falls at the end.
 */
int64_t
irm_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/*
 * The inverse of irm_days_from_civil: the date of day z since
 * 1970-01-01.  Valid for |z| well below 2^62.
 */
void
irm_civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static int
days_in_month(int y, int m)
{
	static const unsigned char mdays[12] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return mdays[m - 1];
}

/* Floor division, so that times before 1970 land on the right day. */
static int64_t
floordiv(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* ---------------------------------------------------------------------
 * Formatting.
 */

static char *
put_digits(char *p, unsigned v, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + n;
}

/*
 * Write ms as "YYYY-MM-DDTHH:MM:SS.mmmZ" and a NUL into out (IRM_TIME_LEN
 * bytes).  Values outside years 0001..9999 are clamped to that range, so
 * the output always has 24 characters and parses back.
 */
void
irm_time_format(int64_t ms, char *out)
{
	int64_t days, rem, y;
	unsigned m, d;
	char *p = out;

	if (ms < MS_MIN)
		ms = MS_MIN;
	if (ms > MS_MAX)
		ms = MS_MAX;
	days = floordiv(ms, SECS_DAY * 1000LL);
	rem = ms - days * SECS_DAY * 1000LL;
	irm_civil_from_days(days, &y, &m, &d);
	p = put_digits(p, (unsigned)y, 4);
	*p++ = '-';
	p = put_digits(p, m, 2);
	*p++ = '-';
	p = put_digits(p, d, 2);
	*p++ = 'T';
	p = put_digits(p, (unsigned)(rem / 3600000), 2);
	*p++ = ':';
	p = put_digits(p, (unsigned)(rem / 60000 % 60), 2);
	*p++ = ':';
	p = put_digits(p, (unsigned)(rem / 1000 % 60), 2);
	*p++ = '.';
	p = put_digits(p, (unsigned)(rem % 1000), 3);
	*p++ = 'Z';
	*p = '\0';
}

/* ---------------------------------------------------------------------
 * Zones.
 */

/* An IANA name: a relative path of [A-Za-z0-9_+-] components. */
static int
zone_name_ok(const char *zone)
{
	const char *p;

	if (*zone == '\0' || *zone == '/' || strlen(zone) >= sizeof(zone_name))
		return 0;
	if (strstr(zone, "..") != NULL || strstr(zone, "//") != NULL)
		return 0;
	for (p = zone; *p != '\0'; p++) {
		if (ISDIGIT(*p) || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= 'a' && *p <= 'z') || *p == '_' || *p == '+' ||
		    *p == '-' || *p == '/')
			continue;
		return 0;
	}
	return 1;
}

/*
 * Whether the zone file exists and is a compiled zone (TZif magic), so
 * that stray files in the directory, such as leapseconds, are refused
 * rather than silently read by tzset(3) as UTC.
 */
static int
zone_file_ok(const char *zone)
{
	const char *dir;
	char path[512], magic[4];
	struct stat st;
	FILE *fp;
	int n, ok;

	dir = getenv("TZDIR");
	if (dir == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	n = snprintf(path, sizeof(path), "%s/%s", dir, zone);
	if (n < 0 || (size_t)n >= sizeof(path))
		return 0;
	if (stat(path, &st) == -1 || !S_ISREG(st.st_mode))
		return 0;
	fp = fopen(path, "rb");
	if (fp == NULL)
		return 0;
	ok = fread(magic, 1, sizeof(magic), fp) == sizeof(magic) &&
	    memcmp(magic, "TZif", 4) == 0;
	fclose(fp);
	return ok;
}

/*
 * Select the zone for zone-less values.  "UTC" needs no zone file and
 * makes conversions pure arithmetic; any other name must be a zone file
 * under $TZDIR or /usr/share/zoneinfo.  Sets TZ in the environment.
 * Returns 0, or -1 with e filled (the previous zone stays).
 */
int
irm_time_zone_ok(const char *zone)
{
	return strcmp(zone, "UTC") == 0 ||
	    (zone_name_ok(zone) && zone_file_ok(zone));
}

int
irm_time_setzone(const char *zone, struct irm_error *e)
{
	if (zone == NULL)
		zone = "UTC";
	if (!irm_time_zone_ok(zone)) {
		char q[IRM_QUOTE_LEN];

		irm_str_quote(zone, strlen(zone), q);
		return irm_seterr(e, "unknown time zone: %s", q);
	}
	if (setenv("TZ", zone, 1) == -1)
		return irm_seterr(e, "%s: %s", zone, strerror(errno));
	tzset();
	zone_utc = strcmp(zone, "UTC") == 0;
	snprintf(zone_name, sizeof(zone_name), "%s", zone);
	cache_hour = INT64_MIN;
	return 0;
}

/* Fields of a broken-down time read as UTC, in seconds since the epoch. */
static int64_t
tm_secs(const struct tm *tm)
{
	int64_t days;

	days = irm_days_from_civil(tm->tm_year + 1900LL,
	    (unsigned)tm->tm_mon + 1, (unsigned)tm->tm_mday);
	return days * SECS_DAY + tm->tm_hour * 3600 + tm->tm_min * 60 +
	    tm->tm_sec;
}

/*
 * The zone's offset east of UTC at instant t, computed from the fields
 * localtime_r(3) gives back rather than tm_gmtoff, which is not POSIX.
 */
static int
zone_offset(int64_t t, int64_t *off)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if ((int64_t)tt != t || localtime_r(&tt, &tm) == NULL)
		return -1;
	*off = tm_secs(&tm) - t;
	return 0;
}

/*
 * Convert local seconds (the local fields read as if UTC) to an instant.
 * Returns 0, -1 when the local time does not exist (a DST gap: mktime
 * normalises it into a neighbouring hour, which the round trip through
 * localtime_r catches) or -2 when mktime cannot represent it.
 *
 * A repeated local time (DST fall back) yields the earlier instant, the
 * first time the clock shows it.  Which one mktime picks with tm_isdst
 * -1 is unspecified, so when the offset a day earlier was larger and also
 * maps to the same local time, that earlier instant wins.
 */
static int
local_to_utc(int64_t local, int64_t *t)
{
	int64_t y, off, prev, alt;
	unsigned m, d;
	int64_t days = floordiv(local, SECS_DAY);
	int64_t rem = local - days * SECS_DAY;
	struct tm tm;
	time_t tt;

	irm_civil_from_days(days, &y, &m, &d);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = (int)(y - 1900);
	tm.tm_mon = (int)m - 1;
	tm.tm_mday = (int)d;
	tm.tm_hour = (int)(rem / 3600);
	tm.tm_min = (int)(rem / 60 % 60);
	tm.tm_sec = (int)(rem % 60);
	tm.tm_isdst = -1;
	tt = mktime(&tm);
	if (zone_offset(tt, &off) == -1 || tt + off != local)
		return tt == (time_t)-1 ? -2 : -1;
	if (zone_offset(tt - SECS_DAY, &prev) == 0 && prev > off &&
	    zone_offset(local - prev, &alt) == 0 && alt == prev)
		off = prev;
	*t = local - off;
	return 0;
}

/*
 * Convert local seconds in the selected zone to UTC seconds.  When both
 * ends of the local hour convert with the same offset the whole hour
 * does (zones change offset at most once an hour), so the offset is
 * cached for the next value in that hour.
 */
static int
zone_to_utc(int64_t local, int64_t *t)
{
	int64_t hour = floordiv(local, 3600), t0, t1;

	if (hour == cache_hour) {
		*t = local - cache_off;
		return 0;
	}
	if (local_to_utc(hour * 3600, &t0) == 0 &&
	    local_to_utc(hour * 3600 + 3599, &t1) == 0 && t1 - t0 == 3599) {
		cache_hour = hour;
		cache_off = hour * 3600 - t0;
		*t = local - cache_off;
		return 0;
	}
	return local_to_utc(local, t);
}

/*
 * The offset of zone at instant t, for a zone other than the selected
 * one.  TZ is set to the zone for the conversion and put back at once, so
 * the selected zone stays as it was.  Offsets are cached per UTC hour
 * when both ends of the hour agree (zones change at most once in an
 * hour), so input in time order switches zones about once an hour.
 */
int64_t
irm_time_zone_offset(const char *zone, int64_t t)
{
	static struct {
		char zone[64];
		int64_t hour, off;
	} cache[64];
	int64_t h = floordiv(t, 3600), a = 0, b = 0;
	size_t slot = (size_t)((uint64_t)h & 63);
	const char *old;
	char *saved;

	if (strcmp(zone, "UTC") == 0)
		return 0;
	if (cache[slot].hour == h && strcmp(cache[slot].zone, zone) == 0)
		return cache[slot].off;
	old = getenv("TZ");
	saved = old ? irm_xstrdup(old) : NULL;
	if (setenv("TZ", zone, 1) == -1) {
		free(saved);
		return 0;
	}
	tzset();
	if (zone_offset(h * 3600, &a) == 0 &&
	    zone_offset(h * 3600 + 3599, &b) == 0 && a == b) {
		snprintf(
		    cache[slot].zone, sizeof(cache[slot].zone), "%s", zone);
		cache[slot].hour = h;
		cache[slot].off = a;
	} else if (zone_offset(t, &a) == -1) {
		a = 0;
	}
	if (saved != NULL)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
	return a;
}

/* ---------------------------------------------------------------------
 * Parsing.
 */

/*
 * The scanners below take and return the position after what they read,
 * or NULL on a mismatch; they pass a NULL through, so that a form reads
 * as a plain sequence of steps.
 */

/* Read lo..hi digits into *v. */
static const char *
num(const char *p, const char *end, int lo, int hi, int *v)
{
	int i, n = 0;

	if (p == NULL)
		return NULL;
	for (i = 0; i < hi && p < end && ISDIGIT(*p); i++, p++)
		n = n * 10 + (*p - '0');
	if (i < lo)
		return NULL;
	*v = n;
	return p;
}

static const char *
expect(const char *p, const char *end, char c)
{
	return p != NULL && p < end && *p == c ? p + 1 : NULL;
}

/* Whether the next character is c; false at the end or after a NULL. */
static int
peek(const char *p, const char *end, char c)
{
	return p != NULL && p < end && *p == c;
}

/*
 * The fraction after the seconds: any number of digits, truncated (never
 * rounded) to milliseconds, so that a value never moves to the next
 * second, minute or day.
 */
static const char *
fraction(const char *p, const char *end, int *ms)
{
	int i;

	if (p >= end || !ISDIGIT(*p))
		return NULL;
	*ms = 0;
	for (i = 0; p < end && ISDIGIT(*p); i++, p++)
		if (i < 3)
			*ms = *ms * 10 + (*p - '0');
	for (; i < 3; i++)
		*ms *= 10;
	return p;
}

/* H[H]:MM[:SS[.fraction]], with hdigits the fewest digits of the hour. */
static const char *
clock_part(const char *p, const char *end, int hdigits, struct tparse *tp)
{
	tp->hastime = 1;
	p = num(p, end, hdigits, 2, &tp->h);
	p = expect(p, end, ':');
	p = num(p, end, 2, 2, &tp->mi);
	if (!peek(p, end, ':'))
		return p;
	p = num(p + 1, end, 2, 2, &tp->s);
	if (peek(p, end, '.'))
		p = fraction(p + 1, end, &tp->ms);
	return p;
}

/* Nothing, Z, or +HH:MM, +HHMM, +HH (and the same with '-'). */
static const char *
zone_part(const char *p, const char *end, struct tparse *tp)
{
	int sign, oh, om = 0;

	if (p == NULL || p == end)
		return p;
	tp->haszone = 1;
	if (*p == 'Z' || *p == 'z')
		return p + 1;
	if (*p != '+' && *p != '-')
		return NULL;
	sign = *p == '-' ? -1 : 1;
	p = num(p + 1, end, 2, 2, &oh);
	if (peek(p, end, ':'))
		p = num(p + 1, end, 2, 2, &om);
	else if (p != NULL && p < end)
		p = num(p, end, 2, 2, &om);
	if (p == NULL || oh > 23 || om > 59)
		return NULL;
	tp->off = sign * (oh * 3600 + om * 60);
	return p;
}

/* YYYY-MM-DD[(T|t| )HH:MM[:SS[.fraction]][zone]] */
static const char *
parse_iso(const char *p, const char *end, struct tparse *tp)
{
	p = num(p, end, 4, 4, &tp->y);
	p = expect(p, end, '-');
	p = num(p, end, 2, 2, &tp->mo);
	p = expect(p, end, '-');
	p = num(p, end, 2, 2, &tp->d);
	if (p == NULL || p == end)
		return p;
	if (*p != 'T' && *p != 't' && *p != ' ')
		return NULL;
	p = clock_part(p + 1, end, 2, tp);
	return zone_part(p, end, tp);
}

/* AM or PM in any case, after an optional space. */
static const char *
ampm_part(const char *p, const char *end, struct tparse *tp)
{
	if (p == NULL || p == end)
		return p;
	if (*p == ' ')
		p++;
	if (end - p < 2 || (p[1] != 'M' && p[1] != 'm'))
		return NULL;
	if (*p == 'A' || *p == 'a')
		tp->ampm = 1;
	else if (*p == 'P' || *p == 'p')
		tp->ampm = 2;
	else
		return NULL;
	return p + 2;
}

/* M/D/YYYY[ H:MM[:SS[.fraction]][ AM|PM]] (Purview export, CERT). */
static const char *
parse_us(const char *p, const char *end, struct tparse *tp)
{
	p = num(p, end, 1, 2, &tp->mo);
	p = expect(p, end, '/');
	p = num(p, end, 1, 2, &tp->d);
	p = expect(p, end, '/');
	p = num(p, end, 4, 4, &tp->y);
	if (p == NULL || p == end)
		return p;
	p = expect(p, end, ' ');
	p = clock_part(p, end, 1, tp);
	return ampm_part(p, end, tp);
}

/*
 * Check the ranges and fold AM/PM into a 24-hour clock.  A leap second
 * (:60) is read as :59.999 of the same minute: time_t has no room for
 * it, and the alternative, the next minute's :00, could move the value
 * to the next day and change which day it counts for.
 */
static int
check_fields(struct tparse *tp)
{
	if (tp->y < 1 || tp->mo < 1 || tp->mo > 12 || tp->d < 1 ||
	    tp->d > days_in_month(tp->y, tp->mo) || tp->mi > 59 || tp->s > 60)
		return -1;
	if (tp->ampm != 0) {
		if (tp->h < 1 || tp->h > 12)
			return -1;
		tp->h = tp->h % 12 + (tp->ampm == 2 ? 12 : 0);
	} else if (tp->h > 23)
		return -1;
	if (tp->s == 60) {
		tp->s = 59;
		tp->ms = 999;
	}
	return 0;
}

/* Report a bad value: why is 0 (syntax or range) or a zone_to_utc code. */
static int
bad(struct irm_error *e, int why, const char *s, size_t len)
{
	char q[IRM_QUOTE_LEN];

	irm_str_quote(s, len, q);
	if (why == 0)
		return irm_seterr(e, "bad timestamp: %s", q);
	if (why == -1)
		return irm_seterr(
		    e, "local time does not exist in %s: %s", zone_name, q);
	if (why == -3)
		return irm_seterr(
		    e, "timestamp outside years 0001-9999 UTC: %s", q);
	return irm_seterr(e, "local time out of range in %s: %s", zone_name, q);
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Parse a timestamp into milliseconds since the epoch (see irm.h for the
 * forms).  flags may be NULL (zone-less values then use the zone).  Only
 * on success are *ms and *flags written.  Returns 0, or -1 with e filled
 * with a reason and at most IRM_QUOTE_MAX bytes of the value.
 */
int
irm_time_parse(
    const char *s, size_t len, int *flags, int64_t *ms, struct irm_error *e)
{
	struct tparse tp;
	const char *p, *end, *r;
	int64_t t;
	int rc, utc = flags != NULL && (*flags & IRM_TIME_UTC);

	if (s == NULL)
		return irm_seterr(e, "empty timestamp");
	for (p = s, end = s + len; p < end && is_blank(*p); p++)
		;
	while (end > p && is_blank(end[-1]))
		end--;
	if (p == end)
		return irm_seterr(e, "empty timestamp");
	memset(&tp, 0, sizeof(tp));
	if (end - p > 4 && p[4] == '-')
		r = parse_iso(p, end, &tp);
	else
		r = parse_us(p, end, &tp);
	if (r != end || check_fields(&tp) == -1)
		return bad(e, 0, p, (size_t)(end - p));
	t = irm_days_from_civil(tp.y, (unsigned)tp.mo, (unsigned)tp.d);
	t = t * SECS_DAY + tp.h * 3600 + tp.mi * 60 + tp.s;
	if (tp.haszone) {
		t -= tp.off;
	} else if (!utc && !zone_utc) {
		rc = zone_to_utc(t, &t);
		if (rc != 0)
			return bad(e, rc, p, (size_t)(end - p));
	}
	/* A zone can move a value past the years irm_time_format writes. */
	if (t * 1000 + tp.ms < MS_MIN || t * 1000 + tp.ms > MS_MAX)
		return bad(e, -3, p, (size_t)(end - p));
	*ms = t * 1000 + tp.ms;
	if (flags != NULL && !tp.hastime)
		*flags |= IRM_TIME_DATE;
	return 0;
}
