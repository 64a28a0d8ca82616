/*
 * norm_detect.c - format names, detection of a file's format from its
 * first record or CSV header, and the helpers every CSV mapper shares.
 */
#include <ctype.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "norm_int.h"

static const char *const format_names[] = {
    [IRM_FMT_AUTO] = "auto",
    [IRM_FMT_O365] = "o365",
    [IRM_FMT_PURVIEW_CSV] = "purview-csv",
    [IRM_FMT_GRAPH] = "graph",
    [IRM_FMT_HR_CSV] = "hr-csv",
    [IRM_FMT_BADGE] = "badge-json",
    [IRM_FMT_CERT] = "cert",
    [IRM_FMT_CUSTOM_CSV] = "custom-csv",
};

const char *
irm_format_name(enum irm_format f)
{
	if ((size_t)f >= sizeof(format_names) / sizeof(format_names[0]))
		return "?";
	return format_names[f];
}

enum irm_format
irm_format_parse(const char *name)
{
	size_t i;

	for (i = 1; i < sizeof(format_names) / sizeof(format_names[0]); i++)
		if (irm_strcaseeq(name, format_names[i]))
			return (enum irm_format)i;
	return IRM_FMT_AUTO;
}

/* ------------------------------------------------------------ detection */

enum irm_format
irm_detect_json(struct json_object *rec)
{
	if (irm_json_get_ci(rec, "Operation") &&
	    (irm_json_get_ci(rec, "CreationTime") ||
	        irm_json_get_ci(rec, "RecordType")))
		return IRM_FMT_O365;
	if (irm_json_get(rec, "activityDateTime") ||
	    irm_json_get(rec, "createdDateTime") ||
	    irm_json_get(rec, "activityDisplayName"))
		return IRM_FMT_GRAPH;
	if (irm_json_get_ci(rec, "AssetId") &&
	    irm_json_get_ci(rec, "AccessStatus"))
		return IRM_FMT_BADGE;
	return IRM_FMT_AUTO;
}

/* Does the header have a column of this name? */
static int
has(const struct irm_row *hdr, const char *name)
{
	const char *const names[] = {name, NULL};

	return irm_csv_column(hdr, NULL, NULL, names) >= 0;
}

enum irm_format
irm_detect_csv(const struct irm_row *hdr)
{
	if (has(hdr, "AuditData"))
		return IRM_FMT_PURVIEW_CSV;
	if (has(hdr, "HRScenario") || has(hdr, "ResignationDate") ||
	    has(hdr, "EffectiveDate") || has(hdr, "LastWorkingDate") ||
	    (has(hdr, "EmailAddress") && has(hdr, "EmployeeFirstName")))
		return IRM_FMT_HR_CSV;
	/* CERT activity files, and its LDAP, psychometric and decoy files
	 * (reference data the cert mapper skips). */
	if ((has(hdr, "id") && has(hdr, "date") && has(hdr, "user") &&
	        has(hdr, "pc")) ||
	    (has(hdr, "user_id") && has(hdr, "employee_name")) ||
	    has(hdr, "decoy_filename"))
		return IRM_FMT_CERT;
	if (has(hdr, "UPN") || has(hdr, "Indicator"))
		return IRM_FMT_CUSTOM_CSV;
	return IRM_FMT_AUTO;
}

/* ----------------------------------------------------------- JSON maps */

static int
map_o365(struct json_object *o, const char *raw, size_t len,
    struct irm_event *ev, struct irm_error *e)
{
	(void)raw;
	(void)len;
	return irm_map_o365(o, ev, e);
}

struct jsonfmt {
	enum irm_format fmt;
	int (*map)(struct json_object *, const char *, size_t,
	    struct irm_event *, struct irm_error *);
};

/* One line per JSON format. */
static const struct jsonfmt jsonfmts[] = {
    {IRM_FMT_O365, map_o365},
    {IRM_FMT_GRAPH, irm_map_graph},
    {IRM_FMT_BADGE, irm_map_badge},
};

int
irm_map_json(enum irm_format f, struct json_object *o, const char *raw,
    size_t len, struct irm_event *ev, struct irm_error *e)
{
	size_t i;

	for (i = 0; i < sizeof(jsonfmts) / sizeof(jsonfmts[0]); i++)
		if (jsonfmts[i].fmt == f)
			return jsonfmts[i].map(o, raw, len, ev, e);
	irm_seterr(e, "%s is not a JSON format", irm_format_name(f));
	return IRM_MAP_REJECT;
}

int
irm_is_json_format(enum irm_format f)
{
	size_t i;

	for (i = 0; i < sizeof(jsonfmts) / sizeof(jsonfmts[0]); i++)
		if (jsonfmts[i].fmt == f)
			return 1;
	return f == IRM_FMT_GRAPH || f == IRM_FMT_BADGE;
}

/* ------------------------------------------------------------ CSV maps */

struct csvfmt {
	enum irm_format fmt;
	int (*init)(
	    struct irm_csvmap *, const struct irm_row *, struct irm_error *);
	int (*map)(struct irm_csvmap *, const struct irm_row *,
	    struct irm_event *, struct irm_error *);
};

/* One line per CSV format. */
static const struct csvfmt csvfmts[] = {
    {IRM_FMT_PURVIEW_CSV, irm_purview_init, irm_map_purview},
    {IRM_FMT_HR_CSV, irm_hr_init, irm_map_hr},
    {IRM_FMT_CUSTOM_CSV, irm_custom_init, irm_map_custom},
    {IRM_FMT_CERT, irm_cert_init, irm_map_cert},
};

static const struct csvfmt *
find_fmt(enum irm_format f)
{
	size_t i;

	for (i = 0; i < sizeof(csvfmts) / sizeof(csvfmts[0]); i++)
		if (csvfmts[i].fmt == f)
			return &csvfmts[i];
	return NULL;
}

int
irm_csvmap_init(struct irm_csvmap *m, enum irm_format fmt,
    const struct irm_row *hdr, const char *file,
    const struct irm_norm_opts *opts, struct irm_error *e)
{
	const struct csvfmt *cf = find_fmt(fmt);
	const char *slash;
	size_t i;

	memset(m, 0, sizeof(*m));
	for (i = 0; i < IRM_CSV_MAXCOLS; i++)
		m->cols[i] = -1;
	m->format = fmt;
	m->ncols = hdr->n;
	slash = strrchr(file, '/');
	m->file = slash ? slash + 1 : file;
	m->opts = opts;
	if (cf == NULL)
		return irm_seterr(
		    e, "%s is not a CSV format", irm_format_name(fmt));
	return cf->init(m, hdr, e);
}

void
irm_csvmap_free(struct irm_csvmap *m)
{
	if (m == NULL)
		return;
	if (m->tok)
		json_tokener_free(m->tok);
	json_object_put(m->obj);
	m->tok = NULL;
	m->obj = NULL;
}

int
irm_map_csv(struct irm_csvmap *m, const struct irm_row *row,
    struct irm_event *ev, struct irm_error *e)
{
	const struct csvfmt *cf = find_fmt(m->format);

	if (row->n > m->ncols)
		return irm_seterr(
		           e, "%zu fields, header has %zu", row->n, m->ncols),
		       IRM_MAP_REJECT;
	return cf->map(m, row, ev, e);
}

/* ------------------------------------------------------------- helpers */

/* Compare a header cell with a name, ignoring case and outer blanks. */
static int
cell_is(const char *cell, const char *name)
{
	size_t n;

	while (*cell == ' ' || *cell == '\t')
		cell++;
	n = strlen(cell);
	while (n &&
	    (cell[n - 1] == ' ' || cell[n - 1] == '\t' || cell[n - 1] == '\r'))
		n--;
	if (strlen(name) != n)
		return 0;
	while (n--) {
		if (tolower((unsigned char)cell[n]) !=
		    tolower((unsigned char)name[n]))
			return 0;
	}
	return 1;
}

static int
find_cell(const struct irm_row *hdr, const char *name)
{
	size_t i;

	for (i = 0; i < hdr->n; i++)
		if (cell_is(hdr->f[i], name))
			return (int)i;
	return -1;
}

int
irm_csv_column(const struct irm_row *hdr, const struct irm_norm_opts *o,
    const char *field, const char *const *names)
{
	size_t i;
	int c;

	if (o && field)
		for (i = 0; i < o->nmap; i++)
			if (irm_strcaseeq(o->map[i].field, field))
				return find_cell(hdr, o->map[i].column);
	for (; *names; names++)
		if ((c = find_cell(hdr, *names)) >= 0)
			return c;
	return -1;
}

const char *
irm_row_get(const struct irm_row *row, int c)
{
	const char *s;

	if (c < 0 || (size_t)c >= row->n)
		return NULL;
	s = row->f[c];
	while (*s == ' ' || *s == '\t')
		s++;
	return *s ? s : NULL;
}

int
irm_event_time_local(struct irm_event *ev, const char *field, const char *value,
    struct irm_error *e)
{
	struct irm_error te;
	int flags = 0;

	if (value == NULL)
		return irm_seterr(e, "missing timestamp (%s)", field);
	if (irm_time_parse(value, strlen(value), &flags, &ev->ts, &te) == -1)
		return irm_seterr(e, "%s: %s", field, te.msg);
	return 0;
}

void
irm_event_id_hash(struct irm_event *ev, const char *raw, size_t len)
{
	char hex[65];

	irm_sha256_hex(raw, len, hex);
	ev->id = irm_event_printf(ev, "sha256:%s", hex);
}

enum irm_hr_scenario
irm_hr_scenario_parse(const char *name)
{
	static const struct {
		const char *name;
		enum irm_hr_scenario s;
	} t[] = {
	    {"resignation", IRM_HR_RESIGNATION},
	    {"job level change", IRM_HR_JOB_CHANGE},
	    {"job-change", IRM_HR_JOB_CHANGE},
	    {"job_change", IRM_HR_JOB_CHANGE},
	    {"performance review", IRM_HR_REVIEW},
	    {"review", IRM_HR_REVIEW},
	    {"performance improvement plan", IRM_HR_PIP},
	    {"pip", IRM_HR_PIP},
	    {"employee profile", IRM_HR_PROFILE},
	    {"profile", IRM_HR_PROFILE},
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (cell_is(name, t[i].name))
			return t[i].s;
	return IRM_HR_NONE;
}
