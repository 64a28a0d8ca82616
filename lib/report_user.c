/*
 * report_user.c - the per-user view of the alert queue (irm-report
 * --by-user): one entry per user across policies, so that a person
 * caught by three policies is one line at the top of the queue, not
 * three.
 *
 * A user's risk is the score of the user's best open alert (the lead)
 * plus a bounded corroboration bonus: IRM_USER_BONUS_STEP points for
 * each activity (a distinct day and indicator, or insight kind) that
 * only the user's other alerts hold, at most IRM_USER_BONUS_MAX, and at
 * most 100 in all.  The same activity seen by two policies is one
 * activity, so overlapping policies add nothing; other policies seeing
 * other things do.  An insight of the same events as one before it
 * (irm_alert_ins_same: one mail, email_personal_domain and email_self)
 * is the same activity too.  Everything is a function of the alerts, so the
 * same alerts give the same bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_event.h"
#include "irm_format.h"
#include "irm_report.h"

#define DAY_MS 86400000LL
#define USER_COLS 8
#define CELL_MAX 40
#define LIST_MAX 60

/* An activity of the user: a day and an indicator (or kind). */
struct act {
	int64_t day;
	const char *what;
	int lead; /* held by the lead alert, or the same events as an
	           * insight before it (irm_alert_ins_same) */
};

/* Did an insight before alert a's insight i (the lead's first) count its
 * events? */
static int
seen_events(const struct irm_user_risk *u, size_t a, size_t i)
{
	size_t b, j;

	for (b = 0; b <= a; b++)
		for (j = 0; j < (b == a ? i : u->alerts[b]->nins); j++)
			if (irm_alert_ins_same(
			        &u->alerts[a]->ins[i], &u->alerts[b]->ins[j]))
				return 1;
	return 0;
}

static int64_t
day_of(int64_t ms)
{
	int64_t d = ms / DAY_MS;

	return ms % DAY_MS < 0 ? d - 1 : d;
}

static int
cmp_act(const void *a, const void *b)
{
	const struct act *x = a, *y = b;
	int c;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if ((c = strcmp(x->what, y->what)) != 0)
		return c;
	return y->lead - x->lead;
}

/* The user's alerts together, each user's in queue order. */
static int
cmp_user_queue(const void *a, const void *b)
{
	const struct irm_alert *x = *(const struct irm_alert *const *)a;
	const struct irm_alert *y = *(const struct irm_alert *const *)b;
	int c = strcmp(x->user, y->user);

	return c ? c : irm_alert_cmp_queue(a, b);
}

static int
cmp_risk(const void *a, const void *b)
{
	const struct irm_user_risk *x = a, *y = b;

	if (x->risk != y->risk)
		return y->risk - x->risk;
	if (x->severity != y->severity)
		return y->severity - x->severity;
	if (x->last != y->last)
		return x->last > y->last ? -1 : 1;
	return strcmp(x->user, y->user);
}

/* Fill u from its alerts (u->alerts[0] the lead). */
static void
user_set(struct irm_user_risk *u)
{
	size_t a, i, k, n = 0, nw;
	struct act *v;
	const char **w;

	for (a = 0; a < u->nalerts; a++)
		n += u->alerts[a]->nins;
	v = irm_xcalloc(n + 1, sizeof(*v));
	w = irm_xcalloc(n + 1, sizeof(*w));
	u->first = INT64_MAX;
	u->last = INT64_MIN;
	for (k = 0, a = 0; a < u->nalerts; a++) {
		const struct irm_alert *al = u->alerts[a];

		u->first = al->first < u->first ? al->first : u->first;
		u->last = al->last > u->last ? al->last : u->last;
		for (i = 0; i < al->nins; i++, k++) {
			v[k].day = day_of(al->ins[i].day);
			v[k].what = al->ins[i].what;
			v[k].lead = a == 0 || seen_events(u, a, i);
			w[k] = al->ins[i].what;
		}
	}
	qsort(v, n, sizeof(*v), cmp_act);
	/* Lead entries sort first in a group: a group led by one is not
	 * corroboration. */
	for (i = 0; i < n; i++)
		if (!v[i].lead &&
		    (i == 0 || v[i - 1].day != v[i].day ||
		        strcmp(v[i - 1].what, v[i].what) != 0))
			u->corroboration++;
	nw = irm_sort_distinct(w, n, sizeof(*w), irm_strp_cmp);
	u->indicators = w;
	u->nindicators = nw;
	free(v);
	u->score = irm_alert_score(u->alerts[0]);
	u->severity = irm_severity_of(u->score);
	u->bonus = u->corroboration > IRM_USER_BONUS_MAX / IRM_USER_BONUS_STEP
	    ? IRM_USER_BONUS_MAX
	    : u->corroboration * IRM_USER_BONUS_STEP;
	u->risk = u->score + u->bonus > 100 ? 100 : u->score + u->bonus;
}

struct irm_user_risk *
irm_user_risks(const struct irm_alerts *a, size_t *nusers)
{
	size_t i, j, n = 0, nu = 0, total = irm_alerts_count(a);
	struct irm_alert **v = irm_xcalloc(total + 1, sizeof(*v));
	struct irm_user_risk *u;

	for (i = 0; i < total; i++)
		if (irm_alert_open(irm_alerts_at(a, i)))
			v[n++] = irm_alerts_at(a, i);
	qsort(v, n, sizeof(*v), cmp_user_queue);
	u = irm_xcalloc(n + 1, sizeof(*u));
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[j]->user, v[i]->user) == 0;
		     j++)
			;
		u[nu].user = v[i]->user;
		u[nu].nalerts = j - i;
		u[nu].alerts = irm_xcalloc(j - i, sizeof(*u[nu].alerts));
		memcpy(u[nu].alerts, v + i, (j - i) * sizeof(*v));
		user_set(&u[nu++]);
	}
	free(v);
	qsort(u, nu, sizeof(*u), cmp_risk);
	*nusers = nu;
	return u;
}

void
irm_user_risks_free(struct irm_user_risk *u, size_t n)
{
	size_t i;

	if (u == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(u[i].alerts);
		free(u[i].indicators);
	}
	free(u);
}

void
irm_user_risk_write_json(const struct irm_user_risk *u, struct irm_buf *out)
{
	char first[IRM_TIME_LEN], last[IRM_TIME_LEN];
	size_t i;

	irm_time_format(u->first, first);
	irm_time_format(u->last, last);
	irm_buf_printf(out,
	    "{\"@timestamp\":\"%s\",\"event\":{\"kind\":\"user_risk\","
	    "\"severity\":%d},\"user\":{\"name\":",
	    last, u->severity);
	irm_json_quote(out, u->user);
	irm_buf_printf(out,
	    "},\"irm\":{\"user_risk\":{\"risk\":%d,\"severity\":\"%s\","
	    "\"score\":%d,\"corroboration\":%d,\"bonus\":%d,"
	    "\"first_seen\":\"%s\",\"last_seen\":\"%s\",\"count\":%zu,"
	    "\"alerts\":[",
	    u->risk, irm_severity_name(u->severity), u->score, u->corroboration,
	    u->bonus, first, last, u->nalerts);
	for (i = 0; i < u->nalerts; i++) {
		irm_buf_adds(out, i ? ",\"" : "\"");
		irm_buf_adds(out, u->alerts[i]->id);
		irm_buf_addc(out, '"');
	}
	irm_buf_adds(out, "],\"policies\":[");
	for (i = 0; i < u->nalerts; i++) {
		if (i)
			irm_buf_addc(out, ',');
		irm_json_quote(out, u->alerts[i]->policy);
	}
	irm_buf_adds(out, "],\"indicators\":[");
	for (i = 0; i < u->nindicators; i++) {
		if (i)
			irm_buf_addc(out, ',');
		irm_json_quote(out, u->indicators[i]);
	}
	irm_buf_adds(out, "]}}}\n");
}

/* ------------------------------------------------------------------ */
/* csv and table */

/* The alerts' policies (or ids, with ids set) joined with ';' into t. */
static void
join_alerts(const struct irm_user_risk *u, int ids, struct irm_buf *t)
{
	size_t i;

	irm_buf_reset(t);
	irm_buf_adds(t, "");
	for (i = 0; i < u->nalerts; i++)
		irm_buf_printf(t, "%s%s", i ? ";" : "",
		    ids ? u->alerts[i]->id : u->alerts[i]->policy);
}

static void
join_indicators(const struct irm_user_risk *u, struct irm_buf *t)
{
	size_t i;

	irm_buf_reset(t);
	irm_buf_adds(t, "");
	for (i = 0; i < u->nindicators; i++)
		irm_buf_printf(t, "%s%s", i ? ";" : "", u->indicators[i]);
}

static void
csv_users(const struct irm_user_risk *u, size_t n, struct irm_buf *out)
{
	char num[32], first[IRM_TIME_LEN], last[IRM_TIME_LEN];
	struct irm_buf t;
	size_t i;

	irm_buf_init(&t, (size_t)1 << 30);
	irm_buf_adds(out,
	    "user,risk,severity,score,corroboration,bonus,count,policies,"
	    "alerts,indicators,first_seen,last_seen\r\n");
	for (i = 0; i < n; i++) {
		irm_out_csv_cell(out, u[i].user, 1);
		snprintf(num, sizeof(num), "%d", u[i].risk);
		irm_out_csv_cell(out, num, 0);
		irm_out_csv_cell(out, irm_severity_name(u[i].severity), 0);
		snprintf(num, sizeof(num), "%d", u[i].score);
		irm_out_csv_cell(out, num, 0);
		snprintf(num, sizeof(num), "%d", u[i].corroboration);
		irm_out_csv_cell(out, num, 0);
		snprintf(num, sizeof(num), "%d", u[i].bonus);
		irm_out_csv_cell(out, num, 0);
		snprintf(num, sizeof(num), "%zu", u[i].nalerts);
		irm_out_csv_cell(out, num, 0);
		join_alerts(&u[i], 0, &t);
		irm_out_csv_cell(out, t.data ? t.data : "", 0);
		join_alerts(&u[i], 1, &t);
		irm_out_csv_cell(out, t.data ? t.data : "", 0);
		join_indicators(&u[i], &t);
		irm_out_csv_cell(out, t.data ? t.data : "", 0);
		irm_time_format(u[i].first, first);
		irm_time_format(u[i].last, last);
		irm_out_csv_cell(out, first, 0);
		irm_out_csv_cell(out, last, 0);
		irm_buf_adds(out, "\r\n");
	}
	irm_buf_free(&t);
}

static char *
num_dup(long long x)
{
	char num[32];

	snprintf(num, sizeof(num), "%lld", x);
	return irm_xstrdup(num);
}

static void
table_users(
    const struct irm_user_risk *u, size_t n, int color, struct irm_buf *out)
{
	static const char *const head[USER_COLS] = {"SEVERITY", "RISK", "BONUS",
	    "USER", "ALERTS", "LAST_SEEN", "POLICIES", "INDICATORS"};
	static const size_t max[USER_COLS] = {CELL_MAX, CELL_MAX, CELL_MAX,
	    CELL_MAX, CELL_MAX, CELL_MAX, LIST_MAX, LIST_MAX};
	char **c = irm_xcalloc(n + 1, sizeof(*c) * USER_COLS), **r;
	int *sev = irm_xcalloc(n + 1, sizeof(*sev));
	char day[IRM_TIME_LEN];
	struct irm_buf t;
	size_t i;

	irm_buf_init(&t, (size_t)1 << 30);
	for (i = 0; i < USER_COLS; i++)
		c[i] = irm_xstrdup(head[i]);
	for (i = 0; i < n; i++) {
		r = &c[(i + 1) * USER_COLS];
		r[0] = irm_xstrdup(irm_severity_name(u[i].severity));
		r[1] = num_dup(u[i].risk);
		r[2] = num_dup(u[i].bonus);
		r[3] = irm_xstrdup(u[i].user);
		r[4] = num_dup((long long)u[i].nalerts);
		irm_time_format(u[i].last, day);
		day[10] = '\0';
		r[5] = irm_xstrdup(day);
		join_alerts(&u[i], 0, &t);
		r[6] = irm_xstrdup(t.data ? t.data : "");
		join_indicators(&u[i], &t);
		r[7] = irm_xstrdup(t.data ? t.data : "");
		sev[i] = u[i].severity;
	}
	irm_buf_free(&t);
	irm_out_table((const char *const *)c, n, USER_COLS, max,
	    1U << 1 | 1U << 2 | 1U << 4, color ? sev : NULL, out);
	for (i = 0; i < (n + 1) * USER_COLS; i++)
		free(c[i]);
	free(c);
	free(sev);
}

void
irm_out_users(enum irm_out f, const struct irm_user_risk *u, size_t n,
    int color, struct irm_buf *out)
{
	irm_out_users_ev(f, u, n, color, NULL, out);
}

void
irm_out_users_ev(enum irm_out f, const struct irm_user_risk *u, size_t n,
    int color, const struct irm_evidence *x, struct irm_buf *out)
{
	size_t i;

	switch (f) {
	case IRM_OUT_JSONL:
		for (i = 0; i < n; i++)
			irm_user_risk_write_json(&u[i], out);
		break;
	case IRM_OUT_CSV:
		csv_users(u, n, out);
		break;
	case IRM_OUT_TABLE:
		table_users(u, n, color, out);
		break;
	case IRM_OUT_HTML:
		irm_out_html_users(u, n, x, out);
		break;
	default:
		break;
	}
}
