/*
 * test_time.c - unit tests for lib/irm_time.c: every timestamp form the
 * sources use, range checks, zones (DST gap and fall back) and the
 * formatting of instants before 1970 and at the ends of years 1..9999.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "irm.h"
#include "testhelp.h"

/*
 * Parse s with the given input flags and return its formatted form, or
 * "ERR: reason".  The result lives in a static buffer.
 */
static const char *
conv(const char *s, int flags)
{
	static char out[320];
	struct irm_error e;
	int64_t ms;

	if (irm_time_parse(s, strlen(s), &flags, &ms, &e) == -1) {
		snprintf(out, sizeof(out), "ERR: %s", e.msg);
		return out;
	}
	irm_time_format(ms, out);
	return out;
}

static int
is_err(const char *s, int flags)
{
	return strncmp(conv(s, flags), "ERR: ", 5) == 0;
}

/* The flags irm_time_parse leaves, or -1 when it fails. */
static int
flags_after(const char *s, int flags)
{
	int64_t ms;

	if (irm_time_parse(s, strlen(s), &flags, &ms, NULL) == -1)
		return -1;
	return flags;
}

static void
test_format(void)
{
	char buf[IRM_TIME_LEN];

	irm_time_format(0, buf);
	test_streq("format epoch", buf, "1970-01-01T00:00:00.000Z");
	irm_time_format(-1, buf);
	test_streq("format -1 ms", buf, "1969-12-31T23:59:59.999Z");
	irm_time_format(-86400000LL, buf);
	test_streq("format -1 day", buf, "1969-12-31T00:00:00.000Z");
	irm_time_format(1772460453000LL, buf);
	test_streq("format 2026", buf, "2026-03-02T14:07:33.000Z");
	test_cond("format is 24 chars", strlen(buf) == 24);
	irm_time_format(-62135596800000LL, buf);
	test_streq("format year 1", buf, "0001-01-01T00:00:00.000Z");
	irm_time_format(253402300799999LL, buf);
	test_streq("format year 9999", buf, "9999-12-31T23:59:59.999Z");
	irm_time_format(INT64_MAX, buf);
	test_streq("format clamps high", buf, "9999-12-31T23:59:59.999Z");
	irm_time_format(INT64_MIN, buf);
	test_streq("format clamps low", buf, "0001-01-01T00:00:00.000Z");
}

static void
test_civil(void)
{
	int64_t y, z;
	unsigned m, d;
	int ok = 1;

	test_cond("days 1970-01-01", irm_days_from_civil(1970, 1, 1) == 0);
	test_cond("days 2000-03-01", irm_days_from_civil(2000, 3, 1) == 11017);
	test_cond("days 1969-12-31", irm_days_from_civil(1969, 12, 31) == -1);
	test_cond("days 0001-01-01", irm_days_from_civil(1, 1, 1) == -719162);
	for (z = -800000; z <= 3000000 && ok; z += 7) {
		irm_civil_from_days(z, &y, &m, &d);
		ok = irm_days_from_civil(y, m, d) == z;
	}
	test_cond("civil round trip over years 0-10000", ok);
	irm_civil_from_days(19782, &y, &m, &d);
	test_cond("civil 2024-02-29", y == 2024 && m == 2 && d == 29);
}

static void
test_iso(void)
{
	test_streq("RFC 3339 Z", conv("2026-03-02T14:07:33Z", 0),
	    "2026-03-02T14:07:33.000Z");
	test_streq("lower-case z and t", conv("2026-03-02t14:07:33z", 0),
	    "2026-03-02T14:07:33.000Z");
	test_streq("7-digit fraction, trailing space",
	    conv("2026-01-24T06:54:24.0000000Z ", 0),
	    "2026-01-24T06:54:24.000Z");
	test_streq("fraction truncated",
	    conv("2026-01-24T06:54:24.9999999Z", 0),
	    "2026-01-24T06:54:24.999Z");
	test_streq("one-digit fraction", conv("2026-01-24T06:54:24.5Z", 0),
	    "2026-01-24T06:54:24.500Z");
	test_streq("two-digit fraction", conv("2026-01-24T06:54:24.25Z", 0),
	    "2026-01-24T06:54:24.250Z");
	test_streq("9-digit fraction",
	    conv("2026-01-24T06:54:24.123456789Z", 0),
	    "2026-01-24T06:54:24.123Z");
	test_streq("+05:30 subtracts",
	    conv("2019-04-23T15:18:02.4675041+05:30", 0),
	    "2019-04-23T09:48:02.467Z");
	test_streq("-08:00 adds", conv("2019-04-23T20:00:00-08:00", 0),
	    "2019-04-24T04:00:00.000Z");
	test_streq("+0530", conv("2019-04-23T15:18:02+0530", 0),
	    "2019-04-23T09:48:02.000Z");
	test_streq("+05", conv("2019-04-23T15:18:02+05", 0),
	    "2019-04-23T10:18:02.000Z");
	test_streq("+23:59", conv("2019-04-23T23:59:00+23:59", 0),
	    "2019-04-23T00:00:00.000Z");
	test_streq("no seconds", conv("2026-03-02T14:07Z", 0),
	    "2026-03-02T14:07:00.000Z");
	test_streq("no seconds, offset", conv("2026-03-02T14:07+01:00", 0),
	    "2026-03-02T13:07:00.000Z");
	test_streq("space separator (Panther)", conv("2022-12-12 19:31:41", 0),
	    "2022-12-12T19:31:41.000Z");
	test_streq("no zone, default UTC", conv("2026-03-02T14:07:33.123", 0),
	    "2026-03-02T14:07:33.123Z");
	test_streq("surrounding blanks", conv(" \t2026-03-02T14:07:33Z\t ", 0),
	    "2026-03-02T14:07:33.000Z");
	test_streq(
	    "date only", conv("2026-03-02", 0), "2026-03-02T00:00:00.000Z");
	test_cond("date only sets IRM_TIME_DATE",
	    flags_after("2026-03-02", 0) == IRM_TIME_DATE);
	test_cond("date only keeps input flags",
	    flags_after("2026-03-02", IRM_TIME_UTC) ==
	        (IRM_TIME_UTC | IRM_TIME_DATE));
	test_cond("time of day leaves flags",
	    flags_after("2026-03-02T00:00:00Z", IRM_TIME_UTC) == IRM_TIME_UTC);
	test_streq("year 0001", conv("0001-01-01T00:00:00Z", 0),
	    "0001-01-01T00:00:00.000Z");
	test_streq("year 9999", conv("9999-12-31T23:59:59.999Z", 0),
	    "9999-12-31T23:59:59.999Z");
	test_streq("before 1970", conv("1969-07-20T20:17:40Z", 0),
	    "1969-07-20T20:17:40.000Z");
	test_streq(
	    "leap day 2024", conv("2024-02-29", 0), "2024-02-29T00:00:00.000Z");
	test_streq("leap day 2000", conv("2000-02-29T12:00:00Z", 0),
	    "2000-02-29T12:00:00.000Z");
	test_cond("no leap day 2023", is_err("2023-02-29", 0));
	test_cond("no leap day 1900", is_err("1900-02-29", 0));
	test_streq("leap second is :59.999", conv("2016-12-31T23:59:60Z", 0),
	    "2016-12-31T23:59:59.999Z");
	test_streq("leap second drops its fraction",
	    conv("2016-12-31T23:59:60.5Z", 0), "2016-12-31T23:59:59.999Z");
}

static void
test_us(void)
{
	test_streq("Purview AM", conv("9/20/2023 4:05:03 AM", 0),
	    "2023-09-20T04:05:03.000Z");
	test_streq("Purview PM", conv("9/20/2023 4:05:03 PM", 0),
	    "2023-09-20T16:05:03.000Z");
	test_streq("12 AM is 00", conv("9/20/2023 12:05:03 AM", 0),
	    "2023-09-20T00:05:03.000Z");
	test_streq("12 PM is 12", conv("9/20/2023 12:05:03 PM", 0),
	    "2023-09-20T12:05:03.000Z");
	test_streq("11 PM", conv("12/31/2023 11:59:59 pm", 0),
	    "2023-12-31T23:59:59.000Z");
	test_streq("AM without space", conv("1/2/2023 1:02:03AM", 0),
	    "2023-01-02T01:02:03.000Z");
	test_streq("CERT 24h", conv("01/02/2010 07:12:28", 0),
	    "2010-01-02T07:12:28.000Z");
	test_streq("CERT afternoon", conv("01/02/2010 17:12:28", 0),
	    "2010-01-02T17:12:28.000Z");
	test_streq(
	    "M/D/YYYY alone", conv("9/20/2023", 0), "2023-09-20T00:00:00.000Z");
	test_cond("M/D/YYYY sets IRM_TIME_DATE",
	    flags_after("9/20/2023", 0) == IRM_TIME_DATE);
	test_streq("M/D/YYYY H:MM", conv("9/20/2023 4:05", 0),
	    "2023-09-20T04:05:00.000Z");
	test_streq("US leap day", conv("2/29/2024 0:00", 0),
	    "2024-02-29T00:00:00.000Z");
	test_cond("US no leap day 2023", is_err("2/29/2023", 0));
	test_cond("0 AM rejected", is_err("9/20/2023 0:05:03 AM", 0));
	test_cond("13 PM rejected", is_err("9/20/2023 13:05:03 PM", 0));
	test_cond("month 13 rejected", is_err("13/01/2020 1:00:00", 0));
	test_cond("24h hour 24 rejected", is_err("01/02/2010 24:00:00", 0));
	test_cond("two-digit year rejected", is_err("1/2/23", 0));
	test_cond("junk after AM", is_err("9/20/2023 4:05:03 AMX", 0));
}

static void
test_bad(void)
{
	test_streq("empty", conv("", 0), "ERR: empty timestamp");
	test_streq("blanks only", conv("   ", 0), "ERR: empty timestamp");
	test_streq(
	    "Feb 30", conv("2026-02-30", 0), "ERR: bad timestamp: 2026-02-30");
	test_streq("month 13", conv("2019-13-01", 0),
	    "ERR: bad timestamp: 2019-13-01");
	test_streq(
	    "garbage", conv("garbage", 0), "ERR: bad timestamp: garbage");
	test_streq("trailing junk", conv("2026-03-02T14:07:33Zjunk", 0),
	    "ERR: bad timestamp: 2026-03-02T14:07:33Zjunk");
	test_streq("control chars shown as ?", conv("2026\n03\x01", 0),
	    "ERR: bad timestamp: 2026?03?");
	test_streq("long value cut",
	    conv("2026-03-02T14:07:33Z0123456789012345678901234567890", 0),
	    "ERR: bad timestamp: 2026-03-02T14:07:33Z01234567890123456789...");
	test_cond("month 0", is_err("2026-00-10", 0));
	test_cond("day 0", is_err("2026-01-00", 0));
	test_cond("day 32", is_err("2026-01-32", 0));
	test_cond("April 31", is_err("2026-04-31", 0));
	test_cond("year 0000", is_err("0000-01-01", 0));
	test_cond("hour 24", is_err("2026-01-01T24:00:00Z", 0));
	test_cond("minute 60", is_err("2026-01-01T23:60:00Z", 0));
	test_cond("second 61", is_err("2026-01-01T23:59:61Z", 0));
	test_cond("offset hour 24", is_err("2026-01-01T10:00:00+24:00", 0));
	test_cond("offset minute 60", is_err("2026-01-01T10:00:00+01:60", 0));
	test_cond("offset one digit", is_err("2026-01-01T10:00:00+1", 0));
	test_cond("offset three digits", is_err("2026-01-01T10:00:00+013", 0));
	test_cond(
	    "offset dangling colon", is_err("2026-01-01T10:00:00+01:", 0));
	test_cond("empty fraction", is_err("2026-01-01T10:00:00.Z", 0));
	test_cond("one-digit hour in ISO", is_err("2026-01-01T1:00:00Z", 0));
	test_cond("two spaces", is_err("2026-01-01  10:00:00", 0));
	test_cond("date then T only", is_err("2026-01-01T", 0));
	test_cond("zone on a date", is_err("2026-01-01Z", 0));
	test_cond("five-digit year", is_err("20261-01-01", 0));
	test_cond("one-digit month ISO", is_err("2026-1-01", 0));
	test_cond("AM on ISO", is_err("2026-01-01 10:00:00 AM", 0));
	test_cond("NUL inside",
	    irm_time_parse("2026-01-01\0x", 12, NULL, &(int64_t){0}, NULL) ==
	        -1);
	test_cond("length bounds the value",
	    irm_time_parse("2026-01-01T10:00:00Zjunk", 20, NULL, &(int64_t){0},
	        NULL) == 0);
	test_cond("NULL error buffer",
	    irm_time_parse("x", 1, NULL, &(int64_t){0}, NULL) == -1);
}

static void
test_zones(void)
{
	struct irm_error e;

	test_cond(
	    "unknown zone rejected", irm_time_setzone("Mars/Base", &e) == -1);
	test_streq(
	    "unknown zone message", e.msg, "unknown time zone: Mars/Base");
	test_cond("absolute path rejected",
	    irm_time_setzone("/usr/share/zoneinfo/UTC", &e) == -1);
	test_cond("dot-dot rejected",
	    irm_time_setzone("../zoneinfo/Europe/Berlin", &e) == -1);
	test_cond("directory rejected", irm_time_setzone("Europe", &e) == -1);
	test_cond("empty rejected", irm_time_setzone("", &e) == -1);
	test_cond("POSIX TZ string rejected",
	    irm_time_setzone("CET-1CEST,M3.5.0,M10.5.0/3", &e) == -1);
	test_streq("failed setzone keeps UTC", conv("2026-03-02 10:00:00", 0),
	    "2026-03-02T10:00:00.000Z");

	test_cond("Europe/Berlin accepted",
	    irm_time_setzone("Europe/Berlin", &e) == 0);
	test_streq("Berlin winter", conv("2026-03-02 10:00:00", 0),
	    "2026-03-02T09:00:00.000Z");
	test_streq("Berlin winter, cached hour", conv("2026-03-02 10:59:59", 0),
	    "2026-03-02T09:59:59.000Z");
	test_streq("Berlin summer", conv("2026-07-01 10:00:00.250", 0),
	    "2026-07-01T08:00:00.250Z");
	test_streq("Berlin date only", conv("2026-07-01", 0),
	    "2026-06-30T22:00:00.000Z");
	test_streq("Berlin US form", conv("7/1/2026 12:00:00 PM", 0),
	    "2026-07-01T10:00:00.000Z");
	test_streq("IRM_TIME_UTC ignores the zone",
	    conv("2026-03-02 10:00:00", IRM_TIME_UTC),
	    "2026-03-02T10:00:00.000Z");
	test_streq("explicit Z ignores the zone",
	    conv("2026-03-02T10:00:00Z", 0), "2026-03-02T10:00:00.000Z");
	test_streq("explicit offset ignores the zone",
	    conv("2026-03-02T10:00:00+05:30", 0), "2026-03-02T04:30:00.000Z");
	test_streq("Berlin gap", conv("2026-03-29 02:30:00", 0),
	    "ERR: local time does not exist in Europe/Berlin: "
	    "2026-03-29 02:30:00");
	test_streq("Berlin before gap", conv("2026-03-29 01:59:59", 0),
	    "2026-03-29T00:59:59.000Z");
	test_streq("Berlin after gap", conv("2026-03-29 03:00:00", 0),
	    "2026-03-29T01:00:00.000Z");
	test_streq("Berlin fall back takes the earlier instant",
	    conv("2026-10-25 02:30:00", 0), "2026-10-25T00:30:00.000Z");
	test_streq("Berlin year 1", conv("0001-01-01 00:53:28", 0),
	    "0001-01-01T00:00:00.000Z");

	test_cond("America/New_York accepted",
	    irm_time_setzone("America/New_York", &e) == 0);
	test_streq("New York winter", conv("2026-03-02 10:00:00", 0),
	    "2026-03-02T15:00:00.000Z");
	test_streq("New York DST gap", conv("2026-03-08 02:30:00", 0),
	    "ERR: local time does not exist in America/New_York: "
	    "2026-03-08 02:30:00");
	test_cond(
	    "New York gap, start of hour", is_err("2026-03-08 02:00:00", 0));
	test_cond(
	    "New York gap, end of hour", is_err("2026-03-08 02:59:59", 0));
	test_cond("New York gap, IRM_TIME_UTC",
	    !is_err("2026-03-08 02:30:00", IRM_TIME_UTC));
	test_streq("New York after gap", conv("2026-03-08 03:00:00", 0),
	    "2026-03-08T07:00:00.000Z");
	test_streq("New York fall back 01:30 is EDT",
	    conv("2026-11-01 01:30:00", 0), "2026-11-01T05:30:00.000Z");
	test_streq("New York fall back 01:30 again (cached)",
	    conv("2026-11-01 01:45:00", 0), "2026-11-01T05:45:00.000Z");
	test_streq("New York fall back 01:00", conv("2026-11-01 01:00:00", 0),
	    "2026-11-01T05:00:00.000Z");
	test_streq("New York after fall back", conv("2026-11-01 02:00:00", 0),
	    "2026-11-01T07:00:00.000Z");
	test_streq("New York 2100 (past time_t 32)",
	    conv("2100-07-04 12:00:00", 0), "2100-07-04T16:00:00.000Z");
	test_streq("New York date only in gap-free day", conv("3/8/2026", 0),
	    "2026-03-08T05:00:00.000Z");

	test_cond("Australia/Lord_Howe accepted",
	    irm_time_setzone("Australia/Lord_Howe", &e) == 0);
	test_cond("Lord Howe half-hour gap", is_err("2026-10-04 02:15:00", 0));
	test_streq("Lord Howe after half-hour gap",
	    conv("2026-10-04 02:45:00", 0), "2026-10-03T15:45:00.000Z");
	test_streq("Lord Howe before half-hour gap",
	    conv("2026-10-04 01:59:00", 0), "2026-10-03T15:29:00.000Z");

	test_cond("back to UTC", irm_time_setzone("UTC", &e) == 0);
	test_streq("UTC again", conv("2026-03-08 02:30:00", 0),
	    "2026-03-08T02:30:00.000Z");
}

/* The offset of a zone other than the selected one (working hours). */
static void
test_zone_offset(void)
{
	struct irm_error e;

	test_cond(
	    "offset of UTC", irm_time_zone_offset("UTC", 1772445600) == 0);
	test_cond("offset Berlin winter",
	    irm_time_zone_offset("Europe/Berlin", 1772445600) == 3600);
	test_cond("offset Berlin winter, cached",
	    irm_time_zone_offset("Europe/Berlin", 1772449199) == 3600);
	/* 2026-03-29T01:00:00Z, the hour Berlin moves to summer time. */
	test_cond("offset Berlin, last second of winter",
	    irm_time_zone_offset("Europe/Berlin", 1774745999) == 3600);
	test_cond("offset Berlin, first second of summer",
	    irm_time_zone_offset("Europe/Berlin", 1774746000) == 7200);
	test_cond("offset New York winter",
	    irm_time_zone_offset("America/New_York", 1772445600) == -18000);
	test_cond("offset Lord Howe half hour",
	    irm_time_zone_offset("Australia/Lord_Howe", 1772445600) == 39600);
	test_streq("offsets leave the selected zone (UTC)",
	    conv("2026-03-02 10:00:00", 0), "2026-03-02T10:00:00.000Z");
	test_cond(
	    "select New York", irm_time_setzone("America/New_York", &e) == 0);
	test_cond("offset Berlin under New York",
	    irm_time_zone_offset("Europe/Berlin", 1783000000) == 7200);
	test_streq("offsets leave the selected zone (New York)",
	    conv("2026-03-02 10:00:00", 0), "2026-03-02T15:00:00.000Z");
	test_cond("back to UTC again", irm_time_setzone("UTC", &e) == 0);
}

int
main(void)
{
	test_format();
	test_civil();
	test_iso();
	test_us();
	test_bad();
	test_zones();
	test_zone_offset();
	test_report();
}
