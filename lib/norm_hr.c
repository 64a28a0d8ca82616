/*
 * norm_hr.c - HR connector CSV files (the layouts of Purview's HR
 * connector: resignation, job level change, performance review,
 * performance improvement plan, employee profile, and the multi-scenario
 * file with an HRScenario column) to hr_* events.  The scenario comes
 * from --hr-scenario, else from the HRScenario column of each row, else
 * from the columns of the header.  Employee profiles are reference data,
 * not events: their rows are skipped.
 */
#include <limits.h>
#include <string.h>

#include "irm.h"
#include "norm_int.h"

/* Column slots in m->cols. */
enum {
	H_USER,
	H_SCENARIO,
	H_RESIGN,
	H_LAST,
	H_EFFECTIVE,
	H_OLD,
	H_NEW,
	H_REMARKS,
	H_PIP_REMARKS,
	H_RATING,
	H_PIP_RATING,
	H_PROFILE
};

/*
 * The columns: slot, --map field name, header names.  The plan columns
 * (ImprovementRemarks, PerformanceRating) share the field names of the
 * review columns, so that one --map entry serves both layouts.
 */
static const struct hrcol {
	int slot;
	const char *field;
	const char *const names[4];
} hrcols[] = {
    {H_USER, "user", {"EmailAddress", "UserPrincipalName", "UPN", NULL}},
    {H_SCENARIO, "scenario", {"HRScenario", NULL}},
    {H_RESIGN, "resignation_date", {"ResignationDate", NULL}},
    {H_LAST, "last_working_date", {"LastWorkingDate", NULL}},
    {H_EFFECTIVE, "effective_date", {"EffectiveDate", NULL}},
    {H_OLD, "old_level", {"OldLevel", NULL}},
    {H_NEW, "new_level", {"NewLevel", NULL}},
    {H_REMARKS, "remarks", {"Remarks", NULL}},
    {H_PIP_REMARKS, "remarks", {"ImprovementRemarks", NULL}},
    {H_RATING, "rating", {"Rating", NULL}},
    {H_PIP_RATING, "rating", {"PerformanceRating", NULL}},
    {H_PROFILE, NULL, {"EmployeeFirstName", NULL}},
};

/* What each dated scenario becomes. */
static const struct scenario {
	const char *action; /* the HRScenario vocabulary */
	const char *activity;
	const char *dataset;
	int date; /* the slot of its own date column */
} scenarios[] = {
    [IRM_HR_RESIGNATION] = {"Resignation", "hr_resignation", "hr.resignation",
        H_RESIGN},
    [IRM_HR_JOB_CHANGE] = {"Job level change", "hr_job_change", "hr.job_change",
        H_EFFECTIVE},
    [IRM_HR_REVIEW] = {"Performance review", "hr_review", "hr.review",
        H_EFFECTIVE},
    [IRM_HR_PIP] = {"Performance improvement plan", "hr_pip", "hr.pip",
        H_EFFECTIVE},
};

/*
 * The date columns in the order a row without its scenario's own date is
 * searched (the published multi-scenario sample shifts a job change date
 * into ResignationDate), with the names used in messages.
 */
static const struct datecol {
	int slot;
	const char *name;
} datecols[] = {
    {H_RESIGN, "ResignationDate"},
    {H_EFFECTIVE, "EffectiveDate"},
    {H_LAST, "LastWorkingDate"},
};

#define NITEMS(a) (sizeof(a) / sizeof((a)[0]))

/* The scenario the header's columns imply, or IRM_HR_NONE. */
static enum irm_hr_scenario
header_scenario(const struct irm_csvmap *m)
{
	const int *c = m->cols;

	if (c[H_RESIGN] >= 0 || c[H_LAST] >= 0)
		return IRM_HR_RESIGNATION;
	if (c[H_OLD] >= 0 || c[H_NEW] >= 0)
		return IRM_HR_JOB_CHANGE;
	/* A --map remarks= or rating= entry names no plan column. */
	if ((c[H_PIP_REMARKS] >= 0 && c[H_PIP_REMARKS] != c[H_REMARKS]) ||
	    (c[H_PIP_RATING] >= 0 && c[H_PIP_RATING] != c[H_RATING]))
		return IRM_HR_PIP;
	if (c[H_EFFECTIVE] >= 0 && (c[H_REMARKS] >= 0 || c[H_RATING] >= 0))
		return IRM_HR_REVIEW;
	if (c[H_PROFILE] >= 0)
		return IRM_HR_PROFILE;
	return IRM_HR_NONE;
}

int
irm_hr_init(
    struct irm_csvmap *m, const struct irm_row *hdr, struct irm_error *e)
{
	const struct irm_norm_opts *o = m->opts;
	size_t i;

	for (i = 0; i < NITEMS(hrcols); i++)
		m->cols[hrcols[i].slot] =
		    irm_csv_column(hdr, o, hrcols[i].field, hrcols[i].names);
	if (m->cols[H_USER] < 0)
		return irm_seterr(e, "no user column");
	m->kind = o ? o->hr_scenario : IRM_HR_NONE;
	if (m->kind == IRM_HR_NONE && m->cols[H_SCENARIO] < 0) {
		m->kind = header_scenario(m);
		if (m->kind == IRM_HR_NONE)
			return irm_seterr(e,
			    "cannot tell the HR scenario (use --hr-scenario)");
	}
	if (m->kind == IRM_HR_NONE || m->kind == IRM_HR_PROFILE)
		return 0;
	for (i = 0; i < NITEMS(datecols); i++)
		if (m->cols[datecols[i].slot] >= 0)
			return 0;
	return irm_seterr(e, "no date column");
}

/* ------------------------------------------------------------- rows */

/* The scenario named in the row's scenario column. */
static int
row_scenario(const struct irm_csvmap *m, const struct irm_row *row,
    enum irm_hr_scenario *s, struct irm_error *e)
{
	const char *v = irm_row_get(row, m->cols[H_SCENARIO]);
	char q[IRM_QUOTE_LEN];

	if (v == NULL)
		return irm_seterr(e, "missing HR scenario");
	*s = irm_hr_scenario_parse(v);
	if (*s == IRM_HR_NONE) {
		irm_str_quote(v, strlen(v), q);
		return irm_seterr(e, "unknown HR scenario: %s", q);
	}
	return 0;
}

/* The value of column a, or of column b when a's is empty. */
static const char *
either(const struct irm_csvmap *m, const struct irm_row *row, int a, int b)
{
	const char *v = irm_row_get(row, m->cols[a]);

	return v ? v : irm_row_get(row, m->cols[b]);
}

static const char *
date_name(int slot)
{
	size_t i;

	for (i = 0; i < NITEMS(datecols); i++)
		if (datecols[i].slot == slot)
			return datecols[i].name;
	return "date";
}

static const char *
format_ms(struct irm_event *ev, int64_t ms)
{
	char buf[IRM_TIME_LEN];

	irm_time_format(ms, buf);
	return irm_event_strdup(ev, buf);
}

/*
 * Set the event time from the scenario's own date column or, when that
 * is empty, from the first date in the row (see datecols); return the
 * normalized date, or NULL with e filled.
 */
static const char *
event_date(const struct irm_csvmap *m, const struct irm_row *row, int own,
    struct irm_event *ev, struct irm_error *e)
{
	const char *v = irm_row_get(row, m->cols[own]);
	int slot = own;
	size_t i;

	for (i = 0; v == NULL && i < NITEMS(datecols); i++) {
		slot = datecols[i].slot;
		v = irm_row_get(row, m->cols[slot]);
	}
	if (v == NULL)
		return irm_seterr(e, "missing date"), NULL;
	if (irm_event_time_local(ev, date_name(slot), v, e) == -1)
		return NULL;
	return format_ms(ev, ev->ts);
}

/* irm.hr.last_working_date, when the row has one. */
static int
last_working_date(const struct irm_csvmap *m, const struct irm_row *row,
    struct irm_event *ev, struct irm_error *e)
{
	const char *v = irm_row_get(row, m->cols[H_LAST]);
	struct irm_error te;
	int64_t ms;
	int flags = 0;

	if (v == NULL)
		return 0;
	if (irm_time_parse(v, strlen(v), &flags, &ms, &te) == -1)
		return irm_seterr(e, "LastWorkingDate: %s", te.msg);
	ev->hr_last_working_date = format_ms(ev, ms);
	return 0;
}

/* The irm.hr fields of each scenario. */
static int
hr_fields(const struct irm_csvmap *m, const struct irm_row *row,
    enum irm_hr_scenario s, const char *date, struct irm_event *ev,
    struct irm_error *e)
{
	switch (s) {
	case IRM_HR_RESIGNATION:
		ev->hr_resignation_date = date;
		return last_working_date(m, row, ev, e);
	case IRM_HR_JOB_CHANGE:
		ev->hr_old_level = irm_row_get(row, m->cols[H_OLD]);
		ev->hr_new_level = irm_row_get(row, m->cols[H_NEW]);
		ev->hr_remarks = either(m, row, H_REMARKS, H_PIP_REMARKS);
		break;
	case IRM_HR_REVIEW:
		ev->hr_rating = either(m, row, H_RATING, H_PIP_RATING);
		ev->hr_remarks = either(m, row, H_REMARKS, H_PIP_REMARKS);
		break;
	case IRM_HR_PIP:
		ev->hr_rating = either(m, row, H_PIP_RATING, H_RATING);
		ev->hr_remarks = either(m, row, H_PIP_REMARKS, H_REMARKS);
		break;
	default:
		break;
	}
	ev->hr_effective_date = date;
	return 0;
}

/*
 * HR rows carry no id, so the id hashes the row; identical rows get the
 * same id (irm-score counts it once: a daily snapshot sent again adds
 * nothing).  The dataset goes into the hash because a review file and an
 * improvement plan file can hold the very same line.
 */
static int
hr_id(const struct irm_row *row, const struct scenario *sc,
    struct irm_event *ev, struct irm_error *e)
{
	size_t len = row->rawlen;
	const char *s;

	/* The same row gets the same id with LF or CRLF line ends. */
	if (len && row->raw[len - 1] == '\r')
		len--;
	if (len > INT_MAX - 64)
		return irm_seterr(e, "row too large");
	s = irm_event_printf(ev, "%s\n%.*s", sc->dataset, (int)len, row->raw);
	if (s == NULL)
		return irm_seterr(e, "row too large");
	irm_event_id_hash(ev, s, strlen(s));
	return 0;
}

int
irm_map_hr(struct irm_csvmap *m, const struct irm_row *row,
    struct irm_event *ev, struct irm_error *e)
{
	enum irm_hr_scenario s = (enum irm_hr_scenario)m->kind;
	const struct scenario *sc;
	const char *date;

	if (s == IRM_HR_NONE && row_scenario(m, row, &s, e) == -1)
		return IRM_MAP_REJECT;
	if (s == IRM_HR_PROFILE)
		return IRM_MAP_SKIP;
	sc = &scenarios[s];
	ev->user = irm_row_get(row, m->cols[H_USER]);
	if (ev->user == NULL)
		return irm_seterr(e, "missing user"), IRM_MAP_REJECT;
	date = event_date(m, row, sc->date, ev, e);
	if (date == NULL || hr_fields(m, row, s, date, ev, e) == -1)
		return IRM_MAP_REJECT;
	if (hr_id(row, sc, ev, e) == -1)
		return IRM_MAP_REJECT;
	ev->action = sc->action;
	ev->module = "hr";
	ev->dataset = sc->dataset;
	irm_event_set_activity(ev, sc->activity);
	return IRM_MAP_EVENT;
}
