/*
 * report_html.c - alerts as one self-contained html page: counts by
 * severity, the alert queue, and per alert its activity timeline (an
 * inline SVG chart, the trigger marked) and the factor breakdown of its
 * top insights.
 *
 * Self-contained means no script and no external resource: the style is
 * inline and nothing refers to a network address, so the page can be
 * mailed or archived as evidence and opened offline.  Every value from
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
    "svg text.trig{fill:#7d3c98;font-weight:bold}\n";

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
queue_row(const struct irm_alert *al, struct irm_buf *out)
{
	char first[IRM_TIME_LEN], last[IRM_TIME_LEN];
	int score = irm_alert_score(al);
	size_t idx[IRM_ALERT_TOP], i, n;

	day_text(al->first, first);
	day_text(al->last, last);
	irm_buf_printf(out,
	    "<tr><td><span class=\"sev %s\">%s</span></td>"
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
queue(struct irm_alert *const *v, size_t n, struct irm_buf *out)
{
	size_t i;

	irm_buf_adds(out,
	    "<h2>Alert queue</h2>\n<table class=\"queue\">\n<thead><tr>"
	    "<th>Severity</th><th>Score</th><th>Status</th><th>User</th>"
	    "<th>Policy</th><th>First seen</th><th>Last seen</th>"
	    "<th>Insights</th><th>Top insights</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++)
		queue_row(v[i], out);
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

		irm_time_format(in->trigger, when);
		irm_buf_printf(out, "<g class=\"trig\"><title>trigger: ");
		esc(out, name);
		irm_buf_printf(out,
		    " at %s</title><line class=\"trigger\" x1=\"%.1f\" "
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

static void
section(const struct irm_alert *al, struct irm_buf *out)
{
	char first[IRM_TIME_LEN], last[IRM_TIME_LEN];
	int score = irm_alert_score(al);
	size_t i;

	irm_time_format(al->first, first);
	irm_time_format(al->last, last);
	irm_buf_printf(out,
	    "<section class=\"alert\" id=\"%s\">\n<h2><span class=\"sev %s\">"
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
    size_t n, struct irm_buf *out)
{
	size_t i;

	irm_buf_printf(out,
	    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>irm alert report</title>\n"
	    "<style>\n%s</style>\n</head>\n<body>\n",
	    style);
	header(v, n, out);
	if (u)
		users(u, nu, out);
	queue(v, n, out);
	for (i = 0; i < n; i++)
		section(v[i], out);
	irm_buf_adds(out, "</body>\n</html>\n");
}

void
irm_out_html(struct irm_alert *const *v, size_t n, struct irm_buf *out)
{
	page(NULL, 0, v, n, out);
}

void
irm_out_html_users(
    const struct irm_user_risk *u, size_t nu, struct irm_buf *out)
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
	page(u, nu, v, n, out);
	free(v);
}
