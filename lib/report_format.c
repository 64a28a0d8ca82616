/*
 * report_format.c - the output formats of alerts (irm-alert(5)) but
 * html (report_html.c): the streaming records jsonl, o365 (the Security
 * & Compliance alert record Purview exports for insider risk) and ocsf
 * (an OCSF 1.1.0 Detection Finding), and the documents csv (RFC 4180,
 * cells neutralised against formula injection) and table (aligned text,
 * control characters and terminal escapes removed).
 *
 * Every value derived here is a function of the alert alone: ids are
 * hashes, times are the alert's own, so output is reproducible.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_event.h"
#include "irm_format.h"
#include "irm_report.h"

#define NFORMATS 6
#define GUID_LEN 37
#define TABLE_COLS 9
#define EV_COLS 5
#define CELL_MAX 40 /* code points of a table cell, TOP excepted */
#define TOP_MAX 60

static const char *const format_names[NFORMATS] = {
    "jsonl", "csv", "table", "html", "o365", "ocsf"};

int
irm_out_parse(const char *name)
{
	int i;

	for (i = 0; i < NFORMATS; i++)
		if (irm_strcaseeq(name, format_names[i]))
			return i;
	return -1;
}

const char *
irm_out_name(enum irm_out f)
{
	return (unsigned)f < NFORMATS ? format_names[f] : "?";
}

int
irm_out_streams(enum irm_out f)
{
	return f == IRM_OUT_JSONL || f == IRM_OUT_O365 || f == IRM_OUT_OCSF;
}

void
irm_out_top(const struct irm_alert *al, struct irm_buf *out)
{
	size_t idx[IRM_ALERT_TOP], i, n = irm_alert_top(al, idx);

	for (i = 0; i < n; i++)
		irm_buf_printf(out, "%s%s:%dx%d", i ? ";" : "",
		    al->ins[idx[i]].what, al->ins[idx[i]].score,
		    al->ins[idx[i]].count);
}

/* ------------------------------------------------------------------ */
/* Deterministic GUIDs */

/*
 * A GUID from the SHA-256 of b: its first 32 hex digits as 8-4-4-4-12,
 * with the version (8, custom) and variant bits of RFC 9562 set so that
 * parsers that check them accept it.
 */
static void
guid_of(struct irm_buf *b, char *out)
{
	static const char variant[] = "89ab";
	char hex[65];
	size_t i, k = 0;

	irm_sha256_hex(b->data ? b->data : "", b->data ? b->len : 0, hex);
	hex[12] = '8';
	hex[16] =
	    variant[(hex[16] <= '9' ? hex[16] - '0' : hex[16] - 'a' + 10) & 3];
	for (i = 0; i < 32; i++) {
		if (i == 8 || i == 12 || i == 16 || i == 20)
			out[k++] = '-';
		out[k++] = hex[i];
	}
	out[k] = '\0';
	irm_buf_free(b);
}

/* The GUID of a kind ("alert", "policy") and a name. */
static void
guid_name(const char *kind, const char *name, char *out)
{
	struct irm_buf b;

	irm_buf_init(&b, (size_t)1 << 30);
	irm_buf_printf(&b, "irm-%s", kind);
	irm_buf_addc(&b, '\0');
	irm_buf_adds(&b, name);
	guid_of(&b, out);
}

/*
 * The GUID of one change of an alert: its id, its number of insights and
 * the sum of their revisions (each new insight or revision raises one of
 * them), its status and whether it is new.  Replays change none of these.
 */
static void
guid_change(const struct irm_alert *al, int isnew, char *out)
{
	struct irm_buf b;
	long long revs = 0;
	size_t i;

	for (i = 0; i < al->nins; i++)
		revs += al->ins[i].rev;
	irm_buf_init(&b, (size_t)1 << 20);
	irm_buf_printf(&b, "irm-change%c%s%c%zu%c%lld%c%s%c%d", 0, al->id, 0,
	    al->nins, 0, revs, 0, irm_alert_status_name(al->status), 0, isnew);
	guid_of(&b, out);
}

/* ------------------------------------------------------------------ */
/* o365 */

static const char *const sev_title[] = {"Low", "Medium", "High"};

#define NIL_GUID "00000000-0000-0000-0000-000000000000"

static const char *organization = NIL_GUID;

int
irm_out_set_organization(const char *guid)
{
	size_t i;

	if (guid == NULL) {
		organization = NIL_GUID;
		return 0;
	}
	if (strlen(guid) != 36)
		return -1;
	for (i = 0; i < 36; i++)
		if ((i == 8 || i == 13 || i == 18 || i == 23)
		        ? guid[i] != '-'
		        : !isxdigit((unsigned char)guid[i]))
			return -1;
	organization = guid;
	return 0;
}

/* The earliest trigger of the alert's insights, else its first day. */
static int64_t
trigger_time(const struct irm_alert *al)
{
	int64_t t = INT64_MAX;
	size_t i;

	for (i = 0; i < al->nins; i++)
		if (al->ins[i].trigger != INT64_MIN && al->ins[i].trigger < t)
			t = al->ins[i].trigger;
	return t == INT64_MAX ? al->first : t;
}

static void
o365_data(const struct irm_alert *al, int score, struct irm_buf *out)
{
	char trig[IRM_TIME_LEN];
	struct irm_buf d;

	irm_time_format(trigger_time(al), trig);
	irm_buf_init(&d, (size_t)1 << 30);
	irm_buf_adds(&d, "{\"upn\":");
	irm_json_quote(&d, al->user);
	irm_buf_adds(&d, ",\"f3u\":");
	irm_json_quote(&d, al->user);
	irm_buf_printf(&d,
	    ",\"triggered\":\"%s\",\"score\":%d,\"irm_id\":\"%s\","
	    "\"episode\":%d}",
	    trig, score, al->id, al->episode);
	irm_json_quote(out, d.data ? d.data : "");
	irm_buf_free(&d);
}

static void
write_o365(const struct irm_alert *al, const char *change, struct irm_buf *out)
{
	static const char *const status[] = {
	    "Active", "Investigating", "Dismissed", "Resolved"};
	char created[IRM_TIME_LEN], id[GUID_LEN], alert[GUID_LEN];
	char policy[GUID_LEN];
	int score = irm_alert_score(al), sev = irm_severity_of(score);
	int isnew = change && strcmp(change, "new") == 0;

	/* Management API times are UTC without a zone suffix. */
	irm_time_format(al->last, created);
	created[19] = '\0';
	guid_change(al, isnew, id);
	guid_name("alert", al->id, alert);
	guid_name("policy", al->policy, policy);
	irm_buf_printf(out,
	    "{\"CreationTime\":\"%s\",\"Id\":\"%s\",\"Operation\":\"%s\","
	    "\"OrganizationId\":\"%s\",\"RecordType\":40,"
	    "\"UserKey\":\"SecurityComplianceAlerts\",\"UserType\":4,"
	    "\"UserId\":\"SecurityComplianceAlerts\","
	    "\"Workload\":\"SecurityComplianceCenter\",\"AlertId\":\"%s\","
	    "\"AlertType\":\"Custom\",\"Name\":",
	    created, id, isnew ? "AlertTriggered" : "AlertUpdated",
	    organization, alert);
	irm_json_quote(out, al->policy);
	irm_buf_printf(out,
	    ",\"PolicyId\":\"%s\",\"Category\":\"InsiderRiskManagement\","
	    "\"Severity\":\"%s\",\"Status\":\"%s\","
	    "\"Source\":\"Office 365 Security & Compliance\","
	    "\"Comments\":\"%s\",\"Data\":",
	    policy, sev_title[sev - 1], status[al->status],
	    isnew ? "New Alert" : "Alert Updated");
	o365_data(al, score, out);
	irm_buf_adds(out, ",\"Version\":1}\n");
}

/* ------------------------------------------------------------------ */
/* ocsf */

static void
ocsf_finding_info(const struct irm_alert *al, struct irm_buf *out)
{
	struct irm_buf t;

	irm_buf_printf(
	    out, "\"finding_info\":{\"uid\":\"%s\",\"title\":", al->id);
	irm_buf_init(&t, (size_t)1 << 30);
	irm_buf_printf(&t, "%s: %s", al->policy, al->user);
	irm_json_quote(out, t.data ? t.data : "");
	irm_buf_reset(&t);
	irm_out_top(al, &t);
	irm_buf_adds(out, ",\"desc\":");
	irm_json_quote(out, t.data ? t.data : "");
	irm_buf_free(&t);
	irm_buf_printf(out,
	    ",\"types\":[\"Insider Risk\"],\"first_seen_time\":%lld,"
	    "\"last_seen_time\":%lld,\"analytic\":{\"name\":",
	    (long long)al->first, (long long)al->last);
	irm_json_quote(out, al->policy);
	irm_buf_adds(out, ",\"type_id\":1,\"type\":\"Rule\"}}");
}

static void
ocsf_unmapped(const struct irm_alert *al, struct irm_buf *out)
{
	size_t i;

	irm_buf_printf(out,
	    ",\"unmapped\":{\"irm\":{\"status\":\"%s\",\"episode\":%d,"
	    "\"count\":%zu,\"ruleset\":",
	    irm_alert_status_name(al->status), al->episode, al->nins);
	irm_json_quote(out, al->ruleset);
	irm_buf_adds(out, ",\"risk_factors\":[");
	for (i = 0; i < al->nfactors; i++) {
		if (i)
			irm_buf_addc(out, ',');
		irm_json_quote(out, al->factors[i]);
	}
	irm_buf_addc(out, ']');
	if (al->case_id) {
		irm_buf_adds(out, ",\"case\":");
		irm_json_quote(out, al->case_id);
	}
	irm_buf_adds(out, "}}");
}

static void
write_ocsf(const struct irm_alert *al, const char *change, struct irm_buf *out)
{
	static const char *const activity[] = {"", "Create", "Update", "Close"};
	static const char *const status[] = {
	    "New", "In Progress", "Suppressed", "Resolved"};
	int score = irm_alert_score(al), sev = irm_severity_of(score);
	int act = 2;

	if (change && strcmp(change, "new") == 0)
		act = 1;
	else if (!irm_alert_open(al))
		act = 3;
	irm_buf_printf(out,
	    "{\"class_uid\":2004,\"class_name\":\"Detection Finding\","
	    "\"category_uid\":2,\"category_name\":\"Findings\","
	    "\"activity_id\":%d,\"activity_name\":\"%s\",\"type_uid\":%d,"
	    "\"type_name\":\"Detection Finding: %s\",\"time\":%lld,"
	    "\"severity_id\":%d,\"severity\":\"%s\",\"status_id\":%d,"
	    "\"status\":\"%s\",\"risk_score\":%d,\"risk_level_id\":%d,"
	    "\"risk_level\":\"%s\",",
	    act, activity[act], 200400 + act, activity[act],
	    (long long)al->last, sev + 1, sev_title[sev - 1],
	    (int)al->status + 1, status[al->status], score, sev,
	    sev_title[sev - 1]);
	ocsf_finding_info(al, out);
	irm_buf_adds(out, ",\"evidences\":[{\"actor\":{\"user\":{\"name\":");
	irm_json_quote(out, al->user);
	irm_buf_adds(out,
	    "}}}],\"observables\":[{\"name\":"
	    "\"evidences.actor.user.name\",\"type_id\":4,"
	    "\"type\":\"User Name\",\"value\":");
	irm_json_quote(out, al->user);
	irm_buf_printf(out,
	    "}],\"metadata\":{\"version\":\"1.1.0\",\"product\":"
	    "{\"name\":\"irm\",\"vendor_name\":\"irm\",\"version\":\"%s\"}}",
	    IRM_VERSION);
	ocsf_unmapped(al, out);
	irm_buf_adds(out, "}\n");
}

void
irm_out_record(enum irm_out f, const struct irm_alert *al, const char *change,
    struct irm_buf *out)
{
	switch (f) {
	case IRM_OUT_JSONL:
		irm_alert_write_json(al, change, out);
		break;
	case IRM_OUT_O365:
		write_o365(al, change, out);
		break;
	case IRM_OUT_OCSF:
		write_ocsf(al, change, out);
		break;
	default:
		break;
	}
}

/* ------------------------------------------------------------------ */
/* csv */

/*
 * One RFC 4180 cell, by the OWASP CSV injection rules: quoted when it
 * holds a comma, a semicolon (the list separator of many locales), a
 * quote, a tab or any control, quotes doubled, so it stays one cell
 * whatever separator a spreadsheet splits on; a cell a spreadsheet would
 * take for a formula (= + - @, or a tab or CR that hides one) gets a
 * leading quote.  Controls other than tab, CR and LF (ESC, DEL, C1, bidi
 * overrides) are written as '?'.
 */
static void
csv_cell(struct irm_buf *out, const char *s, int first)
{
	size_t len = strlen(s), i, k;
	int quote = strpbrk(s, ",;\"\r\n\t") != NULL;

	for (i = 0; i < len && !quote; i++)
		quote = irm_utf8_control(s + i, len - i) != 0;
	if (!first)
		irm_buf_addc(out, ',');
	if (quote)
		irm_buf_addc(out, '"');
	if (strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0')
		irm_buf_addc(out, '\'');
	for (i = 0; i < len; i++) {
		k = irm_utf8_control(s + i, len - i);
		if (k && !strchr("\t\r\n", s[i])) {
			irm_buf_addc(out, '?');
			i += k - 1;
			continue;
		}
		if (s[i] == '"')
			irm_buf_addc(out, '"');
		irm_buf_addc(out, s[i]);
	}
	if (quote)
		irm_buf_addc(out, '"');
}

void
irm_out_csv_cell(struct irm_buf *out, const char *s, int first)
{
	csv_cell(out, s, first);
}

static void
csv_row(const struct irm_alert *al, struct irm_buf *out)
{
	char first[IRM_TIME_LEN], last[IRM_TIME_LEN], num[32];
	int score = irm_alert_score(al);
	struct irm_buf t;
	size_t i;

	irm_time_format(al->first, first);
	irm_time_format(al->last, last);
	csv_cell(out, al->id, 1);
	csv_cell(out, irm_alert_status_name(al->status), 0);
	csv_cell(out, irm_severity_name(irm_severity_of(score)), 0);
	snprintf(num, sizeof(num), "%d", score);
	csv_cell(out, num, 0);
	csv_cell(out, al->user, 0);
	csv_cell(out, al->policy, 0);
	csv_cell(out, first, 0);
	csv_cell(out, last, 0);
	snprintf(num, sizeof(num), "%zu", al->nins);
	csv_cell(out, num, 0);
	irm_buf_init(&t, (size_t)1 << 30);
	for (i = 0; i < al->nfactors; i++)
		irm_buf_printf(&t, "%s%s", i ? ";" : "", al->factors[i]);
	csv_cell(out, t.data ? t.data : "", 0);
	irm_buf_reset(&t);
	irm_out_top(al, &t);
	csv_cell(out, t.data ? t.data : "", 0);
	irm_buf_free(&t);
	snprintf(num, sizeof(num), "%d", al->episode);
	csv_cell(out, num, 0);
	csv_cell(out, al->case_id ? al->case_id : "", 0);
	irm_buf_adds(out, "\r\n");
}

static void
csv_report(struct irm_alert *const *v, size_t n, struct irm_buf *out)
{
	size_t i;

	irm_buf_adds(out,
	    "id,status,severity,score,user,policy,first_seen,"
	    "last_seen,count,risk_factors,top,episode,case\r\n");
	for (i = 0; i < n; i++)
		csv_row(v[i], out);
}

/* ------------------------------------------------------------------ */
/* table */

/* Length of the valid UTF-8 sequence at s[0..len), or 0. */
static size_t
utf8_seq(const unsigned char *s, size_t len)
{
	size_t n, k;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return 0;
	if (n > len || irm_utf8_check((const char *)s, n) != 0)
		return 0;
	for (k = 1; k < n; k++)
		if ((s[k] & 0xc0) != 0x80)
			return 0;
	return n;
}

/* Bytes of the escape sequence starting at ESC s[0] (ECMA-48). */
static size_t
escape_len(const unsigned char *s, size_t len)
{
	size_t i = 2;

	if (len < 2)
		return 1;
	if (s[1] == '[') {
		/* CSI: parameters and intermediates, then a final byte. */
		while (i < len && (s[i] < 0x40 || s[i] > 0x7e) && s[i] >= 0x20)
			i++;
		return i < len && s[i] >= 0x40 ? i + 1 : i;
	}
	if (strchr("]PX^_", s[1]) != NULL) {
		/* OSC and other strings: up to BEL or ST (ESC \). */
		while (i < len && s[i] != 0x07 && s[i] != 0x1b)
			i++;
		if (i < len && s[i] == 0x07)
			return i + 1;
		return i + 1 < len && s[i + 1] == '\\' ? i + 2 : i;
	}
	return s[1] >= 0x20 && s[1] < 0x7f ? 2 : 1;
}

/*
 * Append s to out fit for a terminal: escape sequences, C0, DEL and C1
 * controls (raw or as UTF-8) and bidi overrides and isolates removed, bytes
 * that are not UTF-8 as '?', and at most max code points (a longer value ends
 * in "...").  Returns the code points written.
 */
static size_t
term_clean(const char *str, size_t max, struct irm_buf *out)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = strlen(str), i = 0, n, w = 0, start = out->len, k;

	while (i < len) {
		if (s[i] == 0x1b) {
			i += escape_len(s + i, len - i);
			continue;
		}
		n = utf8_seq(s + i, len - i);
		if (s[i] < 0x20 || s[i] == 0x7f ||
		    (n >= 2 && irm_utf8_control(str + i, len - i) == n)) {
			i += n ? n : 1;
			continue;
		}
		if (n == 0)
			irm_buf_addc(out, '?');
		else
			irm_buf_add(out, s + i, n);
		i += n ? n : 1;
		w++;
	}
	if (w <= max || out->data == NULL)
		return w;
	/* Cut after max - 3 code points: count the lead bytes. */
	for (k = start, n = 0; k < out->len; k++)
		if (((unsigned char)out->data[k] & 0xc0) != 0x80 &&
		    n++ == max - 3)
			break;
	out->len = k;
	out->data[k] = '\0';
	irm_buf_adds(out, "...");
	return max;
}

struct cell {
	char *s;
	size_t w;
};

static void
cell_set(struct cell *c, const char *s, size_t max)
{
	struct irm_buf b;

	irm_buf_init(&b, (size_t)1 << 30);
	c->w = term_clean(s, max, &b);
	c->s = irm_buf_take(&b);
}

static void
pad(struct irm_buf *out, size_t n)
{
	while (n-- > 0)
		irm_buf_addc(out, ' ');
}

/* One line: columns whose bit is set in right aligned right; no trailing
 * blanks. */
static void
table_line(const struct cell *c, int ncols, const size_t *width, unsigned right,
    const char *color, int sevcol, struct irm_buf *out)
{
	int col;

	for (col = 0; col < ncols; col++) {
		int r = (right >> col) & 1;
		size_t gap = width[col] - c[col].w;

		if (col)
			irm_buf_adds(out, "  ");
		if (r)
			pad(out, gap);
		if (col == sevcol && color)
			irm_buf_adds(out, color);
		irm_buf_adds(out, c[col].s);
		if (col == sevcol && color)
			irm_buf_adds(out, "\033[0m");
		if (!r && col < ncols - 1)
			pad(out, gap);
	}
	irm_buf_addc(out, '\n');
}

/* irm_out_table, the severity colour on the cells of column sevcol. */
static void
table_sevcol(const char *const *cells, size_t nrows, int ncols,
    const size_t *max, unsigned right, const int *sev, int sevcol,
    struct irm_buf *out)
{
	static const char *const sev_color[] = {NULL, "\033[33m", "\033[31m"};
	struct cell *c = irm_xcalloc(nrows + 1, sizeof(*c) * (size_t)ncols);
	size_t *width = irm_xcalloc((size_t)ncols, sizeof(*width));
	size_t i, k, total = (nrows + 1) * (size_t)ncols;
	int col;

	for (k = 0; k < total; k++)
		cell_set(&c[k], cells[k] ? cells[k] : "", max[k % ncols]);
	for (col = 0; col < ncols; col++)
		for (i = 0; i <= nrows; i++)
			if (c[i * ncols + col].w > width[col])
				width[col] = c[i * ncols + col].w;
	for (i = 0; i <= nrows; i++)
		table_line(&c[i * ncols], ncols, width, right,
		    i && sev && sev[i - 1] >= 1 && sev[i - 1] <= 3
		        ? sev_color[sev[i - 1] - 1]
		        : NULL,
		    sevcol, out);
	for (k = 0; k < total; k++)
		free(c[k].s);
	free(c);
	free(width);
}

void
irm_out_table(const char *const *cells, size_t nrows, int ncols,
    const size_t *max, unsigned right, const int *sev, struct irm_buf *out)
{
	table_sevcol(cells, nrows, ncols, max, right, sev, 0, out);
}

/* The cells of an alert's row, owned by the caller. */
static void
table_cells(const struct irm_alert *al, char **c)
{
	char num[32], day[IRM_TIME_LEN];
	int score = irm_alert_score(al);
	struct irm_buf t;

	c[0] = irm_xstrdup(al->id);
	c[1] = irm_xstrdup(irm_severity_name(irm_severity_of(score)));
	snprintf(num, sizeof(num), "%d", score);
	c[2] = irm_xstrdup(num);
	c[3] = irm_xstrdup(irm_alert_status_name(al->status));
	c[4] = irm_xstrdup(al->user);
	c[5] = irm_xstrdup(al->policy);
	irm_time_format(al->last, day);
	day[10] = '\0';
	c[6] = irm_xstrdup(day);
	snprintf(num, sizeof(num), "%zu", al->nins);
	c[7] = irm_xstrdup(num);
	irm_buf_init(&t, (size_t)1 << 30);
	irm_out_top(al, &t);
	c[8] = irm_xstrdup(t.data ? t.data : "");
	irm_buf_free(&t);
}

/*
 * The events behind one alert, after the alerts' table: a line naming
 * the alert, then an aligned table of its events in time order.
 */
static void
table_events(const struct irm_alert *al, const struct irm_evidence *x,
    struct irm_buf *out)
{
	static const char *const head[EV_COLS] = {
	    "TIME", "ACTIVITY", "OBJECT", "SOURCE_IP", "DEVICE"};
	static const size_t max[EV_COLS] = {
	    CELL_MAX, CELL_MAX, TOP_MAX, CELL_MAX, CELL_MAX};
	const struct irm_evidence_event **ev;
	struct irm_alert *const one[1] = {(struct irm_alert *)al};
	char **c, when[IRM_TIME_LEN];
	size_t i, n = irm_evidence_of(x, one, 1, &ev);

	irm_buf_printf(out, "\nevents of %s (", al->id);
	term_clean(al->user, CELL_MAX, out);
	irm_buf_adds(out, ", ");
	term_clean(al->policy, CELL_MAX, out);
	irm_buf_printf(out, "): %zu found\n", n);
	if (n == 0)
		return;
	c = irm_xcalloc(n + 1, sizeof(*c) * EV_COLS);
	for (i = 0; i < EV_COLS; i++)
		c[i] = irm_xstrdup(head[i]);
	for (i = 0; i < n; i++) {
		irm_evidence_time(ev[i]->at, when);
		c[(i + 1) * EV_COLS] = irm_xstrdup(when);
		c[(i + 1) * EV_COLS + 1] = irm_xstrdup(ev[i]->activity);
		c[(i + 1) * EV_COLS + 2] = irm_xstrdup(ev[i]->object);
		c[(i + 1) * EV_COLS + 3] = irm_xstrdup(ev[i]->ip);
		c[(i + 1) * EV_COLS + 4] = irm_xstrdup(ev[i]->device);
	}
	irm_out_table((const char *const *)c, n, EV_COLS, max, 0, NULL, out);
	for (i = 0; i < (n + 1) * EV_COLS; i++)
		free(c[i]);
	free(c);
	free(ev);
}

static void
table_report(struct irm_alert *const *v, size_t n, int color,
    const struct irm_evidence *x, struct irm_buf *out)
{
	static const char *const head[TABLE_COLS] = {"ID", "SEVERITY", "SCORE",
	    "STATUS", "USER", "POLICY", "LAST_SEEN", "COUNT", "TOP"};
	static const size_t max[TABLE_COLS] = {CELL_MAX, CELL_MAX, CELL_MAX,
	    CELL_MAX, CELL_MAX, CELL_MAX, CELL_MAX, CELL_MAX, TOP_MAX};
	char **c = irm_xcalloc(n + 1, sizeof(*c) * TABLE_COLS);
	int *sev = irm_xcalloc(n + 1, sizeof(*sev));
	size_t i;

	for (i = 0; i < TABLE_COLS; i++)
		c[i] = irm_xstrdup(head[i]);
	for (i = 0; i < n; i++) {
		table_cells(v[i], &c[(i + 1) * TABLE_COLS]);
		sev[i] = irm_alert_severity(v[i]);
	}
	table_sevcol((const char *const *)c, n, TABLE_COLS, max,
	    1U << 2 | 1U << 7, color ? sev : NULL, 1, out);
	for (i = 0; i < (n + 1) * TABLE_COLS; i++)
		free(c[i]);
	free(c);
	free(sev);
	for (i = 0; x && i < n; i++)
		table_events(v[i], x, out);
}

void
irm_out_report(enum irm_out f, struct irm_alert *const *v, size_t n, int color,
    struct irm_buf *out)
{
	irm_out_report_ev(f, v, n, color, NULL, out);
}

void
irm_out_report_ev(enum irm_out f, struct irm_alert *const *v, size_t n,
    int color, const struct irm_evidence *x, struct irm_buf *out)
{
	size_t i;

	switch (f) {
	case IRM_OUT_CSV:
		csv_report(v, n, out);
		break;
	case IRM_OUT_TABLE:
		table_report(v, n, color, x, out);
		break;
	case IRM_OUT_HTML:
		irm_out_html_ev(v, n, x, out);
		break;
	default:
		for (i = 0; i < n; i++)
			irm_out_record(f, v[i], NULL, out);
		break;
	}
}
