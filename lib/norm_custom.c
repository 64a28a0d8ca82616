/*
 * norm_custom.c - custom detections as CSV, in the spirit of Purview's
 * "Insider Risk Indicators" connector: pre-aggregated detections from
 * another system (a SIEM query, a model), one row per user, time and
 * indicator, with an optional number, severity and id.  Each row becomes
 * one event of activity "custom" whose action is the indicator.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "norm_int.h"

/* Column slots in m->cols. */
enum { C_USER, C_TIME, C_INDICATOR, C_VALUE, C_SEVERITY, C_ID };

/* The columns: slot, --map field name, header names in order of choice. */
static const struct customcol {
	int slot;
	const char *field;
	const char *const names[7];
} customcols[] = {
    {C_USER, "user", {"UPN", "User", "UserId", "EmailAddress", NULL}},
    {C_TIME, "time",
        {"Time", "Timestamp", "EventTime", "Date", "PredictionTime",
            "Aggregation_Date", NULL}},
    {C_INDICATOR, "indicator", {"Indicator", "Source_Workload", "Name", NULL}},
    {C_VALUE, "value",
        {"Value", "Score", "Count", "PredictionScore", "Alert_Count", NULL}},
    {C_SEVERITY, "severity", {"Severity", "Alert_Severity", NULL}},
    {C_ID, "id", {"Id", "EventId", NULL}},
};

#define NITEMS(a) (sizeof(a) / sizeof((a)[0]))

/* The longest number accepted, as rewritten for JSON. */
#define NUMBER_MAX 64

int
irm_custom_init(
    struct irm_csvmap *m, const struct irm_row *hdr, struct irm_error *e)
{
	size_t i;

	for (i = 0; i < NITEMS(customcols); i++)
		m->cols[customcols[i].slot] = irm_csv_column(
		    hdr, m->opts, customcols[i].field, customcols[i].names);
	if (m->cols[C_USER] < 0)
		return irm_seterr(e, "no user column");
	if (m->cols[C_TIME] < 0)
		return irm_seterr(e, "no time column");
	if (m->cols[C_INDICATOR] < 0)
		return irm_seterr(e, "no indicator column");
	return 0;
}

/* ------------------------------------------------------------- rows */

/* Length of s without trailing blanks. */
static size_t
trimmed_len(const char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return n;
}

/* A number being rewritten; characters past NUMBER_MAX are counted only. */
struct numout {
	char s[NUMBER_MAX + 1];
	size_t n;
};

static void
put(struct numout *o, char c)
{
	if (o->n < NUMBER_MAX)
		o->s[o->n] = c;
	o->n++;
}

/* Append the digits at *p (up to end) to o; return how many. */
static size_t
digits(const char **p, const char *end, struct numout *o)
{
	const char *s = *p;

	while (*p < end && isdigit((unsigned char)**p))
		put(o, *(*p)++);
	return (size_t)(*p - s);
}

/*
 * Rewrite a decimal number as JSON into o: an optional sign ('+'
 * dropped), digits with an optional fraction (one of the two may be
 * empty: ".5" becomes "0.5" and "1." "1"), an optional exponent; leading
 * zeros of the integer part are dropped.  Returns 0, -1 when s (len
 * bytes) is no such number, or -2 when it is longer than NUMBER_MAX.
 */
static int
json_number(const char *s, size_t len, struct numout *o)
{
	const char *p = s, *end = s + len;
	size_t nint, nfrac = 0;

	o->n = 0;
	if (p < end && *p == '-')
		put(o, *p++);
	else if (p < end && *p == '+')
		p++;
	while (end - p > 1 && p[0] == '0' && isdigit((unsigned char)p[1]))
		p++;
	nint = digits(&p, end, o);
	if (nint == 0)
		put(o, '0');
	if (p < end && *p == '.') {
		p++;
		put(o, '.');
		nfrac = digits(&p, end, o);
		if (nfrac == 0)
			o->n--;
	}
	if (nint + nfrac == 0)
		return -1;
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		put(o, 'e');
		if (p < end && *p == '-')
			put(o, *p++);
		else if (p < end && *p == '+')
			p++;
		if (digits(&p, end, o) == 0)
			return -1;
	}
	if (p != end)
		return -1;
	if (o->n > NUMBER_MAX)
		return -2;
	o->s[o->n] = '\0';
	return 0;
}

/* irm.value: the value column as a JSON number. */
static int
set_value(struct irm_event *ev, const char *v, struct irm_error *e)
{
	struct numout num;
	char q[IRM_QUOTE_LEN];
	int rc;

	rc = json_number(v, trimmed_len(v), &num);
	irm_str_quote(v, strlen(v), q);
	if (rc == -1)
		return irm_seterr(e, "value: not a number: %s", q);
	/* Nor can JSON readers hold what overflows a double. */
	if (rc == -2 || !isfinite(strtod(num.s, NULL)))
		return irm_seterr(e, "value: out of range: %s", q);
	ev->value = irm_event_strdup(ev, num.s);
	return 0;
}

/* irm.severity and event.severity from low, medium or high. */
static int
set_severity(struct irm_event *ev, const char *v, struct irm_error *e)
{
	size_t n = trimmed_len(v);
	char word[8], q[IRM_QUOTE_LEN];
	int i;

	if (n < sizeof(word)) {
		memcpy(word, v, n);
		word[n] = '\0';
		for (i = IRM_SEV_LOW; i <= IRM_SEV_HIGH; i++) {
			if (irm_strcaseeq(word, irm_severity_name(i))) {
				ev->irm_severity = irm_severity_name(i);
				ev->severity = i;
				return 0;
			}
		}
	}
	irm_str_quote(v, strlen(v), q);
	return irm_seterr(e, "unknown severity: %s", q);
}

/* The id of a row without one: the same with LF or CRLF line ends. */
static void
set_hash_id(struct irm_event *ev, const struct irm_row *row)
{
	size_t len = row->rawlen;

	if (len && row->raw[len - 1] == '\r')
		len--;
	irm_event_id_hash(ev, row->raw, len);
}

int
irm_map_custom(struct irm_csvmap *m, const struct irm_row *row,
    struct irm_event *ev, struct irm_error *e)
{
	const char *v;

	ev->user = irm_row_get(row, m->cols[C_USER]);
	if (ev->user == NULL)
		return irm_seterr(e, "missing user"), IRM_MAP_REJECT;
	ev->indicator = irm_row_get(row, m->cols[C_INDICATOR]);
	if (ev->indicator == NULL)
		return irm_seterr(e, "missing indicator"), IRM_MAP_REJECT;
	if (irm_event_time_local(
	        ev, "time", irm_row_get(row, m->cols[C_TIME]), e) == -1)
		return IRM_MAP_REJECT;
	v = irm_row_get(row, m->cols[C_VALUE]);
	if (v && set_value(ev, v, e) == -1)
		return IRM_MAP_REJECT;
	v = irm_row_get(row, m->cols[C_SEVERITY]);
	if (v && set_severity(ev, v, e) == -1)
		return IRM_MAP_REJECT;
	v = irm_row_get(row, m->cols[C_ID]);
	if (v)
		ev->id = irm_event_printf(ev, "custom:%s:%s", m->file, v);
	else
		set_hash_id(ev, row);
	ev->action = ev->indicator;
	ev->module = "custom";
	ev->dataset = "custom.indicator";
	irm_event_set_activity(ev, "custom");
	return IRM_MAP_EVENT;
}
