/*
 * report_html.c - alerts as one self-contained html page: counts by
 * severity, filters and sorting, the alert queue, a section per user (the
 * user's alerts across policies and timeline of events), and per alert
 * its activity timeline (an inline SVG chart, the trigger marked), the
 * factor breakdown of its top insights and the events behind it.
 *
 * Self-contained means no script and no external resource: the style is
 * inline and nothing refers to a network address, so the page can be
 * mailed or archived as evidence and opened offline.  Filtering and
 * sorting are CSS alone: form controls at the top, and rules that hide
 * (":has(...:checked)") or reorder ("order" of grid cells) what they do
 * not select, so they work where scripts are blocked.  Every value from
 * the input is escaped, so a user named "<script>" is text; "://" in a
 * value is written with a character reference, so the page never holds
 * an http or https address.  The wall clock is never read.
 */
#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_format.h"
#include "irm_json.h"
#include "irm_report.h"

#define DAY_MS 86400000LL
#define SVG_W 800
#define SVG_H 240
#define ML 44 /* margins: left, right, top, bottom */
#define MR 16
#define MT 40
#define MB 36
#define MARKS_MAX 400
#define TRIGGERS_MAX 6
#define LABEL_MAX 28
#define TICKS_MAX 8

static const char style[] =
    "body{font:14px/1.4 sans-serif;margin:2em auto;max-width:1100px;"
    "padding:0 1em;color:#222;background:#fff}\n"
    "h1{font-size:1.6em}h2{font-size:1.25em}h3{font-size:1.05em}\n"
    "table{border-collapse:collapse;margin:.5em 0 1em}\n"
    "th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;"
    "vertical-align:top}\n"
    "th{background:#f2f2f2}td.n{text-align:right}"
    "td.d{white-space:nowrap}\n"
    ".sev{font-weight:bold;padding:0 .4em;border-radius:3px;color:#fff}\n"
    ".high{background:#c0392b}.medium{background:#d68910}"
    ".low{background:#717d7e}\n"
    "section.alert{border-top:2px solid #ddd;margin-top:2em}\n"
    ".meta{color:#555}\n"
    "svg{border:1px solid #eee;background:#fcfcfc}\n"
    "svg text{font:10px sans-serif;fill:#222}\n"
    "svg .axis{stroke:#444}svg .grid{stroke:#e3e3e3}\n"
    "svg .m-high{fill:#c0392b}svg .m-medium{fill:#d68910}"
    "svg .m-low{fill:#717d7e}\n"
    "svg .trigger{stroke:#7d3c98;stroke-width:2;stroke-dasharray:5 3}\n"
    "svg text.trig{fill:#7d3c98;font-weight:bold}\n"
    ".filters{background:#f7f7f7;border:1px solid #ddd;padding:.4em .8em}\n"
    ".filters fieldset{display:inline-block;border:0;margin:0 1em 0 0;"
    "padding:.2em 0}\n"
    ".filters legend{font-weight:bold;float:left;margin-right:.5em}\n"
    "table.queue{display:grid;grid-template-columns:repeat(9,auto);"
    "border:1px solid #ccc}\n"
    "table.queue thead,table.queue tbody,table.queue tr{display:contents}\n"
    "table.queue th,table.queue td{border:0;border-bottom:1px solid #ddd}\n"
    "table.queue th{order:0}\n"
    "table.queue td{order:calc(var(--r) * 10 + var(--c))}\n"
    "table.queue tr{--r:var(--r0)}\n"
    "table.queue td:nth-child(1){--c:1}table.queue td:nth-child(2){--c:2}"
    "table.queue td:nth-child(3){--c:3}table.queue td:nth-child(4){--c:4}"
    "table.queue td:nth-child(5){--c:5}table.queue td:nth-child(6){--c:6}"
    "table.queue td:nth-child(7){--c:7}table.queue td:nth-child(8){--c:8}"
    "table.queue td:nth-child(9){--c:9}\n"
    "body:has(#so-score:checked) table.queue tr{--r:var(--r1)}\n"
    "body:has(#so-user:checked) table.queue tr{--r:var(--r2)}\n"
    "body:has(#so-policy:checked) table.queue tr{--r:var(--r3)}\n"
    "body:has(#so-last:checked) table.queue tr{--r:var(--r4)}\n"
    "body:has(#so-first:checked) table.queue tr{--r:var(--r5)}\n"
    "body:has(#fs-high:not(:checked)) .s-high,"
    "body:has(#fs-medium:not(:checked)) .s-medium,"
    "body:has(#fs-low:not(:checked)) .s-low,"
    "body:has(#ft-needs_review:not(:checked)) .t-needs_review,"
    "body:has(#ft-confirmed:not(:checked)) .t-confirmed,"
    "body:has(#ft-dismissed:not(:checked)) .t-dismissed,"
    "body:has(#ft-resolved:not(:checked)) .t-resolved"
    "{display:none}\n"
    "section.user{border-top:2px solid #bcd;margin-top:2em}\n"
    "table.events td{font-size:.95em}\n";

#define SORT_KEYS 6

/*
 * Append s escaped for html text and attribute values: & < > " ' as
 * references, ':' of "://" as &#58;, C0 controls (but tab and newline)
 * and DEL dropped, C1 controls and bidi overrides and isolates as '?'.
 */
static void
esc(struct irm_buf *out, const char *s)
{
	const char *p;
	size_t k;

	for (p = s; *p; p++) {
		switch (*p) {
		case '&':
			irm_buf_adds(out, "&amp;");
			break;
		case '<':
			irm_buf_adds(out, "&lt;");
			break;
		case '>':
			irm_buf_adds(out, "&gt;");
			break;
		case '"':
			irm_buf_adds(out, "&quot;");
			break;
		case '\'':
			irm_buf_adds(out, "&#39;");
			break;
		case ':':
			irm_buf_adds(
			    out, p[1] == '/' && p[2] == '/' ? "&#58;" : ":");
			break;
		default:
			if ((k = irm_utf8_control(p, strnlen(p, 3))) > 1) {
				/* C1, bidi override: visible, inert. */
				irm_buf_addc(out, '?');
				p += k - 1;
			} else if (((unsigned char)*p >= 0x20 && *p != 0x7f) ||
			    *p == '\t' || *p == '\n')
				irm_buf_addc(out, *p);
			break;
		}
	}
}

/* esc() of the first max code points of s, "..." marking a cut. */
static void
esc_cut(struct irm_buf *out, const char *s, size_t max)
{
	size_t k, cut = 0, n = 0;
	char *t;

	for (k = 0; s[k]; k++)
		if (((unsigned char)s[k] & 0xc0) != 0x80 && n++ == max - 3)
			cut = k;
	if (n <= max) {
		esc(out, s);
		return;
	}
	t = irm_xmalloc(cut + 1);
	memcpy(t, s, cut);
	t[cut] = '\0';
	esc(out, t);
	irm_buf_adds(out, "...");
	free(t);
}

static int64_t
floor_day(int64_t ms)
{
	int64_t d = ms / DAY_MS;

	if (ms % DAY_MS < 0)
		d--;
	return d * DAY_MS;
}

static void
day_text(int64_t ms, char *out)
{
	irm_time_format(ms, out);
	out[10] = '\0';
}

static const char *
sev_of(int score)
{
	return irm_severity_name(irm_severity_of(score));
}

/*
 * The page's alerts with what the filters and the sorting need: the
 * distinct policies and users (sorted: option values p0.. and u0.. are
 * their indexes, so no input reaches a class name), and per alert its
 * rank under each sort key.
 */
struct page {
	struct irm_alert *const *v;
	size_t n;
	const struct irm_evidence *x;
	const char **pol, **usr;
	size_t npol, nusr;
	size_t *pi, *ui; /* per alert: policy and user index */
	size_t *rank;    /* per alert: SORT_KEYS ranks, from 1 */
};

/* The index of s in the sorted distinct strings v. */
static size_t
index_of(const char **v, size_t n, const char *s)
{
	const char **p = bsearch(&s, v, n, sizeof(*v), irm_strp_cmp);

	return p ? (size_t)(p - v) : 0;
}

struct sortee {
	const struct irm_alert *al;
	size_t i; /* queue position */
	int key;
};

static int
sortee_cmp(const void *pa, const void *pb)
{
	const struct sortee *a = pa, *b = pb;
	int c = 0;

	switch (a->key) {
	case 1:
		c = irm_alert_score(b->al) - irm_alert_score(a->al);
		break;
	case 2:
		c = strcmp(a->al->user, b->al->user);
		break;
	case 3:
		c = strcmp(a->al->policy, b->al->policy);
		break;
	case 4:
		c = (a->al->last < b->al->last) - (a->al->last > b->al->last);
		break;
	case 5:
		c = (a->al->first > b->al->first) -
		    (a->al->first < b->al->first);
		break;
	default:
		break;
	}
	return c ? c : (a->i > b->i) - (a->i < b->i);
}

static void
page_init(struct page *pg, struct irm_alert *const *v, size_t n,
    const struct irm_evidence *x)
{
	struct sortee *t = irm_xcalloc(n + 1, sizeof(*t));
	size_t i;
	int key;

	memset(pg, 0, sizeof(*pg));
	pg->v = v;
	pg->n = n;
	pg->x = x;
	pg->pol = irm_xcalloc(n + 1, sizeof(*pg->pol));
	pg->usr = irm_xcalloc(n + 1, sizeof(*pg->usr));
	for (i = 0; i < n; i++) {
		pg->pol[i] = v[i]->policy;
		pg->usr[i] = v[i]->user;
	}
	pg->npol =
	    irm_sort_distinct(pg->pol, n, sizeof(*pg->pol), irm_strp_cmp);
	pg->nusr =
	    irm_sort_distinct(pg->usr, n, sizeof(*pg->usr), irm_strp_cmp);
	pg->pi = irm_xcalloc(n + 1, sizeof(*pg->pi));
	pg->ui = irm_xcalloc(n + 1, sizeof(*pg->ui));
	pg->rank = irm_xcalloc(n + 1, SORT_KEYS * sizeof(*pg->rank));
	for (i = 0; i < n; i++) {
		pg->pi[i] = index_of(pg->pol, pg->npol, v[i]->policy);
		pg->ui[i] = index_of(pg->usr, pg->nusr, v[i]->user);
	}
	for (key = 0; key < SORT_KEYS; key++) {
		for (i = 0; i < n; i++)
			t[i] = (struct sortee){v[i], i, key};
		if (n)
			qsort(t, n, sizeof(*t), sortee_cmp);
		for (i = 0; i < n; i++)
			pg->rank[t[i].i * SORT_KEYS + (size_t)key] = i + 1;
	}
	free(t);
}

static void
page_free(struct page *pg)
{
	free(pg->pol);
	free(pg->usr);
	free(pg->pi);
	free(pg->ui);
	free(pg->rank);
}

/* The filter classes of alert i: severity, status, policy, user. */
static void
classes(const struct page *pg, size_t i, struct irm_buf *out)
{
	const struct irm_alert *al = pg->v[i];

	irm_buf_printf(out, "s-%s t-%s fp p%zu fu u%zu",
	    sev_of(irm_alert_score(al)), irm_alert_status_name(al->status),
	    pg->pi[i], pg->ui[i]);
}

/* ------------------------------------------------------------------ */
/* Filters */

/* Rules for the policy and user choices: one per value. */
static void
filter_style(const struct page *pg, struct irm_buf *out)
{
	size_t i;

	irm_buf_adds(out, "<style>\n");
	for (i = 0; i < pg->npol; i++)
		irm_buf_printf(out,
		    "body:has(#fpol option[value=p%zu]:checked) "
		    ".fp:not(.p%zu){display:none}\n",
		    i, i);
	for (i = 0; i < pg->nusr; i++)
		irm_buf_printf(out,
		    "body:has(#fusr option[value=u%zu]:checked) "
		    ".fu:not(.u%zu){display:none}\n",
		    i, i);
	irm_buf_adds(out, "</style>\n");
}

/* A fieldset LEGEND holding the select ID: "all", then the n strings of
 * v as the option values c0, c1... */
static void
select_field(struct irm_buf *out, const char *legend, const char *id, char c,
    const char *const *v, size_t n)
{
	size_t i;

	irm_buf_printf(out,
	    "<fieldset><legend>%s</legend> <select id=\"%s\">"
	    "<option value=\"\" selected>all</option>",
	    legend, id);
	for (i = 0; i < n; i++) {
		irm_buf_printf(out, "<option value=\"%c%zu\">", c, i);
		esc(out, v[i]);
		irm_buf_adds(out, "</option>");
	}
	irm_buf_adds(out, "</select></fieldset>\n");
}

static void
filters(const struct page *pg, struct irm_buf *out)
{
	static const char *const sorts[SORT_KEYS][2] = {{"queue", "queue"},
	    {"score", "score"}, {"user", "user"}, {"policy", "policy"},
	    {"last", "last seen"}, {"first", "first seen"}};
	size_t i;
	int sev, st;

	irm_buf_adds(out,
	    "<form class=\"filters\" autocomplete=\"off\">\n"
	    "<fieldset><legend>Severity</legend>");
	for (sev = IRM_SEV_HIGH; sev >= IRM_SEV_LOW; sev--)
		irm_buf_printf(out,
		    " <label><input type=\"checkbox\" id=\"fs-%s\" "
		    "checked> %s</label>",
		    irm_severity_name(sev), irm_severity_name(sev));
	irm_buf_adds(out, "</fieldset>\n<fieldset><legend>Status</legend>");
	for (st = IRM_ALERT_NEEDS_REVIEW; st <= IRM_ALERT_RESOLVED; st++)
		irm_buf_printf(out,
		    " <label><input type=\"checkbox\" id=\"ft-%s\" "
		    "checked> %s</label>",
		    irm_alert_status_name(st), irm_alert_status_name(st));
	irm_buf_adds(out, "</fieldset>\n");
	select_field(out, "Policy", "fpol", 'p', pg->pol, pg->npol);
	select_field(out, "User", "fusr", 'u', pg->usr, pg->nusr);
	irm_buf_adds(out, "<fieldset><legend>Sort the queue by</legend>");
	for (i = 0; i < SORT_KEYS; i++)
		irm_buf_printf(out,
		    " <label><input type=\"radio\" name=\"sort\" "
		    "id=\"so-%s\"%s> %s</label>",
		    sorts[i][0], i ? "" : " checked", sorts[i][1]);
	irm_buf_adds(out, "</fieldset>\n</form>\n");
}

/* ------------------------------------------------------------------ */
/* Header and queue */

static void
header(struct irm_alert *const *v, size_t n, struct irm_buf *out)
{
	size_t count[4] = {0}, open = 0, i;
	int sev;
	int64_t lo = INT64_MAX, hi = INT64_MIN;
	char a[IRM_TIME_LEN], b[IRM_TIME_LEN];

	for (i = 0; i < n; i++) {
		count[irm_alert_severity(v[i])]++;
		open += irm_alert_open(v[i]) ? 1 : 0;
		lo = v[i]->first < lo ? v[i]->first : lo;
		hi = v[i]->last > hi ? v[i]->last : hi;
	}
	irm_buf_printf(out,
	    "<h1>Insider risk alerts</h1>\n"
	    "<p class=\"counts\"><b>%zu</b> alert%s (%zu open):",
	    n, n == 1 ? "" : "s", open);
	for (sev = IRM_SEV_HIGH; sev >= IRM_SEV_LOW; sev--)
		irm_buf_printf(out, " <span class=\"sev %s\">%zu %s</span>",
		    irm_severity_name(sev), count[sev], irm_severity_name(sev));
	irm_buf_adds(out, "</p>\n");
	if (n) {
		day_text(lo, a);
		day_text(hi, b);
		irm_buf_printf(out,
		    "<p class=\"meta\">Activity from %s to %s.</p>\n", a, b);
	}
}

static void
queue_row(const struct page *pg, size_t row, struct irm_buf *out)
{
	const struct irm_alert *al = pg->v[row];
	char first[IRM_TIME_LEN], last[IRM_TIME_LEN];
	int score = irm_alert_score(al);
	size_t idx[IRM_ALERT_TOP], i, n;

	day_text(al->first, first);
	day_text(al->last, last);
	irm_buf_adds(out, "<tr class=\"");
	classes(pg, row, out);
	irm_buf_adds(out, "\" style=\"");
	for (i = 0; i < SORT_KEYS; i++)
		irm_buf_printf(
		    out, "--r%zu:%zu;", i, pg->rank[row * SORT_KEYS + i]);
	irm_buf_printf(out,
	    "\"><td><span class=\"sev %s\">%s</span></td>"
	    "<td class=\"n\">%d</td><td>%s</td><td><a href=\"#%s\">",
	    sev_of(score), sev_of(score), score,
	    irm_alert_status_name(al->status), al->id);
	esc(out, al->user);
	irm_buf_adds(out, "</a></td><td>");
	esc(out, al->policy);
	irm_buf_printf(out,
	    "</td><td class=\"d\">%s</td><td class=\"d\">%s</td>"
	    "<td class=\"n\">%zu</td><td>",
	    first, last, al->nins);
	n = irm_alert_top(al, idx);
	for (i = 0; i < n; i++) {
		irm_buf_adds(out, i ? "<br>" : "");
		esc(out, al->ins[idx[i]].what);
		irm_buf_printf(out, " %d&times;%d", al->ins[idx[i]].score,
		    al->ins[idx[i]].count);
	}
	irm_buf_adds(out, "</td></tr>\n");
}

static void
queue(const struct page *pg, struct irm_buf *out)
{
	size_t i;

	irm_buf_adds(out,
	    "<h2>Alert queue</h2>\n<table class=\"queue\">\n<thead><tr>"
	    "<th>Severity</th><th>Score</th><th>Status</th><th>User</th>"
	    "<th>Policy</th><th>First seen</th><th>Last seen</th>"
	    "<th>Insights</th><th>Top insights</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < pg->n; i++)
		queue_row(pg, i, out);
	irm_buf_adds(out, "</tbody>\n</table>\n");
}

/* ------------------------------------------------------------------ */
/* Timeline */

struct axis {
	int64_t lo;   /* the first day shown, ms */
	long ndays;   /* days shown */
	double slot;  /* pixels per day */
	double base;  /* y of score 0 */
	double ph;    /* pixels from score 0 to 100 */
	size_t ntrig; /* distinct triggers */
	size_t trig[TRIGGERS_MAX];
};

/* Distinct triggers (time and name), and the days to show. */
static void
axis_set(const struct irm_alert *al, struct axis *ax)
{
	int64_t lo = floor_day(al->first), hi = floor_day(al->last);
	size_t i, k;

	ax->ntrig = 0;
	for (i = 0; i < al->nins && ax->ntrig < TRIGGERS_MAX; i++) {
		const struct irm_alert_ins *in = &al->ins[i];

		if (in->trigger == INT64_MIN)
			continue;
		for (k = 0; k < ax->ntrig; k++)
			if (al->ins[ax->trig[k]].trigger == in->trigger)
				break;
		if (k < ax->ntrig)
			continue;
		ax->trig[ax->ntrig++] = i;
		lo = floor_day(in->trigger) < lo ? floor_day(in->trigger) : lo;
		hi = floor_day(in->trigger) > hi ? floor_day(in->trigger) : hi;
	}
	/* A day of padding each side. */
	ax->lo = lo - DAY_MS;
	ax->ndays = (long)((hi - lo) / DAY_MS) + 3;
	ax->slot = (double)(SVG_W - ML - MR) / (double)ax->ndays;
	ax->ph = SVG_H - MT - MB;
	ax->base = MT + ax->ph;
}

static double
axis_x(const struct axis *ax, int64_t ms)
{
	return ML + (double)(ms - ax->lo) / DAY_MS * ax->slot;
}

static void
axes(const struct axis *ax, struct irm_buf *out)
{
	char day[IRM_TIME_LEN];
	long d, step = (ax->ndays + TICKS_MAX - 1) / TICKS_MAX;
	int s;

	for (s = 0; s <= 100; s += 50)
		irm_buf_printf(out,
		    "<line class=\"%s\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
		    "y2=\"%.1f\"/><text x=\"%d\" y=\"%.1f\" "
		    "text-anchor=\"end\">%d</text>\n",
		    s ? "grid" : "axis", ML, ax->base - ax->ph * s / 100,
		    SVG_W - MR, ax->base - ax->ph * s / 100, ML - 6,
		    ax->base - ax->ph * s / 100 + 3, s);
	for (d = 0; d < ax->ndays; d += step) {
		double x = ML + (d + 0.5) * ax->slot;

		day_text(ax->lo + d * DAY_MS, day);
		irm_buf_printf(out,
		    "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\"/><text x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"middle\">%s</text>\n",
		    x, ax->base, x, ax->base + 4, x, ax->base + 16, day);
	}
}

/* Insights of the same day stand side by side in the day's slot. */
static void
mark(const struct irm_alert *al, size_t i, size_t nmarks, const struct axis *ax,
    struct irm_buf *out)
{
	const struct irm_alert_ins *in = &al->ins[i];
	int64_t day = floor_day(in->day);
	size_t j, rank = 0, same = 0;
	double bw, x, h;
	char date[IRM_TIME_LEN];

	for (j = 0; j < nmarks; j++)
		if (floor_day(al->ins[j].day) == day) {
			rank += j < i;
			same++;
		}
	bw = ax->slot * 0.8 / (double)same;
	bw = bw > 28 ? 28 : bw;
	x = axis_x(ax, day) + (ax->slot - bw * (double)same) / 2 +
	    bw * (double)rank;
	h = ax->ph * in->score / 100;
	h = h < 1 ? 1 : h;
	day_text(in->day, date);
	irm_buf_printf(out, "<g class=\"mark\"><title>");
	esc(out, in->what);
	irm_buf_printf(out,
	    ": score %d, count %d, %s</title><rect class=\"m-%s\" "
	    "x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
	    in->score, in->count, date, sev_of(in->score), x, ax->base - h,
	    bw > 2 ? bw - 1 : bw, h);
	/* The label runs up the bar, when the bar is wide enough. */
	if (bw >= 9) {
		irm_buf_printf(out,
		    "<text class=\"label\" transform=\"translate(%.1f,%.1f) "
		    "rotate(-90)\">",
		    x + bw / 2 + 3, ax->base - 4);
		esc_cut(out, in->what, LABEL_MAX);
		irm_buf_adds(out, "</text>");
	}
	irm_buf_adds(out, "</g>\n");
}

static void
triggers(const struct irm_alert *al, const struct axis *ax, struct irm_buf *out)
{
	char when[IRM_TIME_LEN];
	size_t k;

	for (k = 0; k < ax->ntrig; k++) {
		const struct irm_alert_ins *in = &al->ins[ax->trig[k]];
		double x = axis_x(ax, in->trigger);
		const char *name = in->trigger_name ? in->trigger_name : "";

		irm_evidence_time(in->trigger, when);
		irm_buf_printf(out, "<g class=\"trig\"><title>trigger: ");
		esc(out, name);
		irm_buf_printf(out,
		    " at %s UTC</title><line class=\"trigger\" x1=\"%.1f\" "
		    "y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\"/><text class=\"trig\" "
		    "x=\"%.1f\" y=\"%d\">trigger: ",
		    when, x, MT - 6, x, ax->base, x + 3,
		    12 + (int)(k % 2) * 12);
		esc_cut(out, name, LABEL_MAX);
		irm_buf_adds(out, "</text></g>\n");
	}
}

static void
timeline(const struct irm_alert *al, struct irm_buf *out)
{
	struct axis ax;
	size_t i, nmarks = al->nins < MARKS_MAX ? al->nins : MARKS_MAX;

	axis_set(al, &ax);
	irm_buf_printf(out,
	    "<h3>Activity timeline</h3>\n<svg class=\"timeline\" "
	    "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
	    "aria-label=\"activity timeline\">\n",
	    SVG_W, SVG_H, SVG_W, SVG_H);
	axes(&ax, out);
	for (i = 0; i < nmarks; i++)
		mark(al, i, nmarks, &ax, out);
	triggers(al, &ax, out);
	irm_buf_adds(out, "</svg>\n");
	if (nmarks < al->nins)
		irm_buf_printf(out,
		    "<p class=\"meta\">The chart shows the first %zu of %zu "
		    "insights.</p>\n",
		    nmarks, al->nins);
}

/* ------------------------------------------------------------------ */
/* Factor breakdown */

static void
factor_row(struct json_object *f, struct irm_buf *out)
{
	const char *name = irm_json_str(f, "name");
	const char *detail = irm_json_str(f, "detail");
	const char *points = irm_json_str(f, "points");
	const char *x = irm_json_str(f, "x");

	irm_buf_adds(out, "<td>");
	esc(out, name ? name : "");
	irm_buf_adds(out, "</td><td>");
	esc(out, detail ? detail : "");
	irm_buf_adds(out, "</td><td class=\"n\">");
	if (points) {
		irm_buf_addc(out, '+');
		esc(out, points);
	} else if (x) {
		irm_buf_adds(out, "&times;");
		esc(out, x);
	}
	irm_buf_adds(out, "</td></tr>\n");
}

static void
breakdown_ins(const struct irm_alert_ins *in, struct irm_buf *out)
{
	struct json_object *fs =
	    in->factors ? json_tokener_parse(in->factors) : NULL;
	size_t i,
	    n = json_object_is_type(fs, json_type_array)
	    ? json_object_array_length(fs)
	    : 0;
	char date[IRM_TIME_LEN];

	day_text(in->day, date);
	for (i = 0; i < n || i == 0; i++) {
		if (i == 0) {
			irm_buf_printf(
			    out, "<tr><td rowspan=\"%zu\">", n ? n : 1);
			esc(out, in->what);
			irm_buf_printf(out,
			    "</td><td rowspan=\"%zu\">%s</td>"
			    "<td rowspan=\"%zu\" class=\"n\">%d</td>",
			    n ? n : 1, date, n ? n : 1, in->score);
		} else {
			irm_buf_adds(out, "<tr>");
		}
		if (n == 0)
			irm_buf_adds(out,
			    "<td colspan=\"3\">no factors "
			    "recorded</td></tr>\n");
		else
			factor_row(json_object_array_get_idx(fs, i), out);
	}
	json_object_put(fs);
}

static void
breakdown(const struct irm_alert *al, struct irm_buf *out)
{
	size_t idx[IRM_ALERT_TOP], i, n = irm_alert_top(al, idx);

	irm_buf_adds(out,
	    "<h3>Factor breakdown</h3>\n<table class=\"factors\">\n<thead><tr>"
	    "<th>Insight</th><th>Day</th><th>Score</th><th>Factor</th>"
	    "<th>Detail</th><th>Effect</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++)
		breakdown_ins(&al->ins[idx[i]], out);
	irm_buf_adds(out, "</tbody>\n</table>\n");
}

/* ------------------------------------------------------------------ */

/* 1 when an insight of al has the event id among its evidence. */
static int
alert_has(const struct irm_alert *al, const char *id)
{
	size_t i, k;

	for (i = 0; i < al->nins; i++)
		for (k = 0; k < al->ins[i].nev; k++)
			if (strcmp(al->ins[i].ev[k], id) == 0)
				return 1;
	return 0;
}

/*
 * The events table: time, activity, object, source IP, device or
 * application, and with alerts (the user view) the policies whose
 * evidence holds the event.
 */
static void
events_table(const struct irm_evidence_event *const *ev, size_t n,
    const struct page *pg, const size_t *mine, size_t nmine,
    struct irm_buf *out)
{
	char when[IRM_TIME_LEN];
	size_t i, k;
	int first;

	irm_buf_printf(out,
	    "<table class=\"events\">\n<thead><tr><th>Time (UTC)</th>"
	    "<th>Activity</th><th>Object</th><th>Source IP</th>"
	    "<th>Device or application</th>%s</tr></thead>\n<tbody>\n",
	    mine ? "<th>Alerts</th>" : "");
	for (i = 0; i < n; i++) {
		irm_evidence_time(ev[i]->at, when);
		irm_buf_printf(out,
		    "<tr><td class=\"d\"><time datetime=\"%.10sT%sZ\">%s"
		    "</time></td><td>",
		    when, when[0] == '?' ? "" : when + 11, when);
		esc(out, ev[i]->activity);
		irm_buf_adds(out, "</td><td>");
		esc(out, ev[i]->object);
		irm_buf_adds(out, "</td><td>");
		esc(out, ev[i]->ip);
		irm_buf_adds(out, "</td><td>");
		esc(out, ev[i]->device);
		irm_buf_adds(out, "</td>");
		irm_buf_adds(out, mine ? "<td>" : "");
		for (k = 0, first = 1; mine && k < nmine; k++) {
			const struct irm_alert *al = pg->v[mine[k]];

			if (!alert_has(al, ev[i]->id))
				continue;
			irm_buf_printf(out, "%s<a href=\"#%s\">",
			    first ? "" : "<br>", al->id);
			esc(out, al->policy);
			irm_buf_adds(out, "</a>");
			first = 0;
		}
		irm_buf_adds(out, mine ? "</td></tr>\n" : "</tr>\n");
	}
	irm_buf_adds(out, "</tbody>\n</table>\n");
}

/* The events behind the alert, or how to see them. */
static void
evidence(const struct page *pg, const struct irm_alert *al, struct irm_buf *out)
{
	const struct irm_evidence_event **ev;
	struct irm_alert *const one[1] = {(struct irm_alert *)al};
	size_t i, ids = 0, n = irm_evidence_of(pg->x, one, 1, &ev);

	for (i = 0; i < al->nins; i++)
		ids += al->ins[i].nev;
	irm_buf_adds(out, "<h3>Events behind the alert</h3>\n");
	if (pg->x == NULL)
		irm_buf_printf(out,
		    "<p class=\"meta\">%zu evidence id%s; irm-report --events "
		    "FILE shows the events.</p>\n",
		    ids, ids == 1 ? "" : "s");
	else if (n == 0)
		irm_buf_printf(out,
		    "<p class=\"meta\">None of the %zu evidence id%s is in the "
		    "events file.</p>\n",
		    ids, ids == 1 ? "" : "s");
	else
		events_table(ev, n, pg, NULL, 0, out);
	free(ev);
}

static void
section(const struct page *pg, size_t row, struct irm_buf *out)
{
	const struct irm_alert *al = pg->v[row];
	char first[IRM_TIME_LEN], last[IRM_TIME_LEN];
	int score = irm_alert_score(al);
	size_t i;

	day_text(al->first, first);
	day_text(al->last, last);
	irm_buf_adds(out, "<div class=\"");
	classes(pg, row, out);
	irm_buf_printf(out,
	    "\">\n<section class=\"alert\" id=\"%s\">\n"
	    "<h2><span class=\"sev %s\">"
	    "%s %d</span> ",
	    al->id, sev_of(score), sev_of(score), score);
	esc(out, al->user);
	irm_buf_adds(out, " &middot; ");
	esc(out, al->policy);
	irm_buf_printf(out,
	    "</h2>\n<p class=\"meta\">%s &middot; %s &middot; episode %d",
	    al->id, irm_alert_status_name(al->status), al->episode);
	if (al->case_id) {
		irm_buf_adds(out, " &middot; case ");
		esc(out, al->case_id);
	}
	irm_buf_printf(out,
	    " &middot; %zu insight%s from %s to %s</p>\n<p>Risk factors: ",
	    al->nins, al->nins == 1 ? "" : "s", first, last);
	for (i = 0; i < al->nfactors; i++) {
		irm_buf_adds(out, i ? ", " : "");
		esc(out, al->factors[i]);
	}
	irm_buf_adds(out, al->nfactors ? "</p>\n" : "none</p>\n");
	timeline(al, out);
	breakdown(al, out);
	evidence(pg, al, out);
	irm_buf_adds(out, "</section>\n</div>\n");
}

struct uins {
	const struct irm_alert *al;
	const struct irm_alert_ins *in;
};

static int
uins_cmp(const void *pa, const void *pb)
{
	const struct uins *a = pa, *b = pb;
	int c;

	if (a->in->day != b->in->day)
		return a->in->day < b->in->day ? -1 : 1;
	c = strcmp(a->al->policy, b->al->policy);
	return c ? c : strcmp(a->in->id, b->in->id);
}

/* Without events: the user's insights by day, across the alerts. */
static void
user_insights(const struct page *pg, const size_t *mine, size_t nmine,
    struct irm_buf *out)
{
	struct uins *t;
	char day[IRM_TIME_LEN];
	size_t i, k, n = 0, nids = 0;

	for (k = 0; k < nmine; k++)
		n += pg->v[mine[k]]->nins;
	for (k = 0; k < nmine; k++)
		for (i = 0; i < pg->v[mine[k]]->nins; i++)
			nids += pg->v[mine[k]]->ins[i].nev;
	t = irm_xcalloc(n + 1, sizeof(*t));
	for (n = 0, k = 0; k < nmine; k++)
		for (i = 0; i < pg->v[mine[k]]->nins; i++)
			t[n++] = (struct uins){
			    pg->v[mine[k]], &pg->v[mine[k]]->ins[i]};
	if (n)
		qsort(t, n, sizeof(*t), uins_cmp);
	irm_buf_printf(out,
	    "<p class=\"meta\">%s</p>\n<table class=\"uinsights\">\n"
	    "<thead><tr><th>Day</th><th>Policy</th><th>Insight</th>"
	    "<th>Score</th><th>Count</th></tr></thead>\n<tbody>\n",
	    nids == 0   ? "The insights by day (they name no events: sequence "
	                  "and cumulative insights list none)."
	        : pg->x ? "The insights by day: none of their evidence events "
	                  "is in the events file."
	                : "The insights by day; irm-report --events FILE shows "
	                  "the events behind them.");
	for (i = 0; i < n; i++) {
		day_text(t[i].in->day, day);
		irm_buf_printf(out, "<tr><td class=\"d\">%s</td><td>", day);
		esc(out, t[i].al->policy);
		irm_buf_adds(out, "</td><td>");
		esc(out, t[i].in->what);
		irm_buf_printf(out,
		    "</td><td class=\"n\">%d</td><td class=\"n\">%d</td>"
		    "</tr>\n",
		    t[i].in->score, t[i].in->count);
	}
	irm_buf_adds(out, "</tbody>\n</table>\n");
	free(t);
}

/*
 * The user view: per user, every alert of the user across policies and
 * the user's timeline, the events behind those alerts in time order (or,
 * without events, the insights by day).
 */
static void
user_section(const struct page *pg, size_t u, struct irm_buf *out)
{
	const struct irm_evidence_event **ev;
	struct irm_alert **mine_al = irm_xcalloc(pg->n + 1, sizeof(*mine_al));
	size_t *mine = irm_xcalloc(pg->n + 1, sizeof(*mine));
	char first[IRM_TIME_LEN], last[IRM_TIME_LEN];
	size_t i, k, nmine = 0, n;
	int score;

	for (i = 0; i < pg->n; i++)
		if (pg->ui[i] == u) {
			mine[nmine] = i;
			mine_al[nmine++] = pg->v[i];
		}
	irm_buf_printf(out,
	    "<section class=\"user fu u%zu\" id=\"user-%zu\">\n<h2>User ", u,
	    u);
	esc(out, pg->usr[u]);
	irm_buf_printf(out,
	    "</h2>\n<table class=\"ualerts\">\n<thead><tr><th>Severity</th>"
	    "<th>Score</th><th>Status</th><th>Policy</th><th>First seen</th>"
	    "<th>Last seen</th><th>Insights</th></tr></thead>\n<tbody>\n");
	for (k = 0; k < nmine; k++) {
		const struct irm_alert *al = mine_al[k];

		score = irm_alert_score(al);
		day_text(al->first, first);
		day_text(al->last, last);
		irm_buf_adds(out, "<tr class=\"");
		classes(pg, mine[k], out);
		irm_buf_printf(out,
		    "\"><td><span class=\"sev %s\">%s</span></td>"
		    "<td class=\"n\">%d</td><td>%s</td><td><a href=\"#%s\">",
		    sev_of(score), sev_of(score), score,
		    irm_alert_status_name(al->status), al->id);
		esc(out, al->policy);
		irm_buf_printf(out,
		    "</a></td><td class=\"d\">%s</td><td class=\"d\">%s</td>"
		    "<td class=\"n\">%zu</td></tr>\n",
		    first, last, al->nins);
	}
	irm_buf_adds(out, "</tbody>\n</table>\n<h3>Timeline</h3>\n");
	n = irm_evidence_of(pg->x, mine_al, nmine, &ev);
	if (n)
		events_table(ev, n, pg, mine, nmine, out);
	else
		user_insights(pg, mine, nmine, out);
	free(ev);
	free(mine);
	free(mine_al);
	irm_buf_adds(out, "</section>\n");
}

/* The users of the per-user view, each linking to their alerts. */
static void
users(const struct irm_user_risk *u, size_t n, struct irm_buf *out)
{
	char first[IRM_TIME_LEN], last[IRM_TIME_LEN];
	const char *sev;
	size_t i, k;

	irm_buf_adds(out,
	    "<h2>Users</h2>\n<table class=\"users\">\n<thead><tr>"
	    "<th>Severity</th><th>Risk</th><th>Bonus</th><th>User</th>"
	    "<th>Alerts</th><th>First seen</th><th>Last seen</th>"
	    "<th>Indicators</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		sev = irm_severity_name(u[i].severity);
		day_text(u[i].first, first);
		day_text(u[i].last, last);
		irm_buf_printf(out,
		    "<tr><td><span class=\"sev %s\">%s</span></td>"
		    "<td class=\"n\">%d</td><td class=\"n\">%d</td>"
		    "<td><a href=\"#%s\">",
		    sev, sev, u[i].risk, u[i].bonus, u[i].alerts[0]->id);
		esc(out, u[i].user);
		irm_buf_adds(out, "</a></td><td>");
		for (k = 0; k < u[i].nalerts; k++) {
			irm_buf_printf(out, "%s<a href=\"#%s\">",
			    k ? "<br>" : "", u[i].alerts[k]->id);
			esc(out, u[i].alerts[k]->policy);
			irm_buf_printf(
			    out, "</a> %d", irm_alert_score(u[i].alerts[k]));
		}
		irm_buf_printf(out,
		    "</td><td class=\"d\">%s</td><td class=\"d\">%s</td><td>",
		    first, last);
		for (k = 0; k < u[i].nindicators; k++) {
			irm_buf_adds(out, k ? ", " : "");
			esc(out, u[i].indicators[k]);
		}
		irm_buf_adds(out, "</td></tr>\n");
	}
	irm_buf_adds(out, "</tbody>\n</table>\n");
}

/* The page: with u, the users section after the header. */
static void
page(const struct irm_user_risk *u, size_t nu, struct irm_alert *const *v,
    size_t n, const struct irm_evidence *x, struct irm_buf *out)
{
	struct page pg;
	size_t i;

	page_init(&pg, v, n, x);
	irm_buf_printf(out,
	    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>irm alert report</title>\n"
	    "<style>\n%s</style>\n",
	    style);
	filter_style(&pg, out);
	irm_buf_adds(out, "</head>\n<body>\n");
	header(v, n, out);
	filters(&pg, out);
	if (u)
		users(u, nu, out);
	queue(&pg, out);
	irm_buf_adds(out, "<h2>Per user</h2>\n");
	for (i = 0; i < pg.nusr; i++)
		user_section(&pg, i, out);
	irm_buf_adds(out, "<h2>Alerts</h2>\n");
	for (i = 0; i < n; i++)
		section(&pg, i, out);
	irm_buf_adds(out, "</body>\n</html>\n");
	page_free(&pg);
}

void
irm_out_html(struct irm_alert *const *v, size_t n, struct irm_buf *out)
{
	page(NULL, 0, v, n, NULL, out);
}

void
irm_out_html_ev(struct irm_alert *const *v, size_t n,
    const struct irm_evidence *x, struct irm_buf *out)
{
	page(NULL, 0, v, n, x, out);
}

void
irm_out_html_users(const struct irm_user_risk *u, size_t nu,
    const struct irm_evidence *x, struct irm_buf *out)
{
	struct irm_alert **v;
	size_t i, k, n = 0;

	for (i = 0; i < nu; i++)
		n += u[i].nalerts;
	v = irm_xcalloc(n + 1, sizeof(*v));
	for (n = 0, i = 0; i < nu; i++)
		for (k = 0; k < u[i].nalerts; k++)
			v[n++] = u[i].alerts[k];
	qsort(v, n, sizeof(*v), irm_alert_cmp_queue);
	page(u, nu, v, n, x, out);
	free(v);
}
